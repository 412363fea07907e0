// A worker entry for the training-service tests: the real train task, except that a plan with seed 666 makes the
// worker die midway (process.exit after its second progress message) and seed 667 makes the task throw.
import type { MessagePort } from 'node:worker_threads';
import trainTask, { type TrainTaskInput } from '../../workers/tasks/train-task';

export default function crashingTrainTask(input: TrainTaskInput) {
  if (input.plan.training.seed === 667) throw new Error('The test worker threw on purpose.');
  if (input.plan.training.seed === 666 && input.port) {
    const port = input.port;
    let sent = 0;
    const dying = {
      postMessage(message: unknown) {
        port.postMessage(message);
        if (++sent === 2) process.exit(3);
      },
      close: () => port.close(),
    } as unknown as MessagePort;
    return trainTask({ ...input, port: dying });
  }
  return trainTask(input);
}

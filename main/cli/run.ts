// The CLI's dispatcher: picks the command, and turns every failure into an exit code and a plain message
// (2 for the user's input, 1 for our own fault), never a stack trace for bad input.

import { describeError, EXIT_BAD_INPUT, EXIT_OUR_FAULT, isInputError } from './errors';
import { exportCommand } from './export-command';
import { EXPORT_HELP, PREDICT_HELP, TRAIN_HELP } from './help';
import { predictCommand } from './predict-command';
import type { Terminal } from './terminal';
import { trainCommand } from './train-command';

export async function runCli(argv: string[], terminal: Terminal): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === 'train') return await trainCommand(args, terminal);
    if (command === 'predict') return await predictCommand(args, terminal);
    if (command === 'export') return await exportCommand(args, terminal);
    terminal.err(`Unknown command "${command ?? ''}". Use "train", "predict" or "export".\n\n${TRAIN_HELP}\n${PREDICT_HELP}\n${EXPORT_HELP}`);
    return EXIT_BAD_INPUT;
  } catch (error) {
    if (isInputError(error)) {
      terminal.err(describeError(error));
      return EXIT_BAD_INPUT;
    }
    terminal.err(`Something went wrong inside Neuron Studio (this is our fault, not your data's): ${describeError(error)}`);
    if (process.env.NEURON_DEBUG && error instanceof Error && error.stack) terminal.err(error.stack);
    else terminal.err('Run again with NEURON_DEBUG=1 to see the details, and please report them.');
    return EXIT_OUR_FAULT;
  }
}

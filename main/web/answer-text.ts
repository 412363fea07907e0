// A request's answer as the socket's text: an answer that cannot be written as JSON becomes an error reply, so no
// answer can end the server or leave a call unanswered.

import type { Envelope } from '../contract';
import type { Dispatch } from '../transport/dispatch';
import type { AnswerMessage, CallMessage } from '../transport/ws-protocol';

const NOT_SENT: Envelope<unknown> = {
  ok: false,
  error: {
    code: 'answer_not_sent',
    message: 'The app could not send its answer to this page: the answer could not be written out.',
    hint: 'Reload the page; if it keeps happening, save your project and restart the app.',
  },
};

export async function answerText(dispatch: Dispatch, call: CallMessage): Promise<string> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await dispatch(call.name, call.args);
  } catch (error) {
    console.error(`[neuron-studio] the request ${call.name} failed outside its handler:`, error);
    envelope = NOT_SENT;
  }
  try {
    // JSON.stringify throws on a value nested too deeply for the stack, a cycle, a BigInt or a text too long
    return JSON.stringify({ type: 'answer', id: call.id, envelope } satisfies AnswerMessage);
  } catch (error) {
    console.error(`[neuron-studio] the answer to ${call.name} could not be written as JSON:`, error);
    return JSON.stringify({ type: 'answer', id: call.id, envelope: NOT_SENT } satisfies AnswerMessage);
  }
}

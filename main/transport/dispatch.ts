// The server half of every transport: parse a request's arguments with the contract, run its handler, wrap the answer.

import {
  describeBadArguments,
  requests,
  type Envelope,
  type ParsedArgsOf,
  type RequestName,
  type ResultOf,
} from '../contract';
import { MAX_NESTING, tooDeepAt } from '../nesting';
import { toErrorInfo } from '../errors';

export type Handlers = { [N in RequestName]: (args: ParsedArgsOf<N>) => Promise<ResultOf<N>> | ResultOf<N> };

export type Dispatch = (name: string, args: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** where unexpected errors (with stacks) are logged; never sent to the screen */
  log?: (error: unknown) => void;
  /** also check each result against its schema (tests); a mismatch is logged and answered as an internal error */
  checkResults?: boolean;
}

export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (name, args) => {
    if (!Object.prototype.hasOwnProperty.call(requests, name)) {
      return { ok: false, error: { code: 'unknown_request', message: `There is no request called "${name}".` } };
    }
    const requestName = name as RequestName;
    const spec = requests[requestName];
    // loose arguments (a screen state) are kept and sent back: one nested too deeply could never be answered again
    if (tooDeepAt(args) !== null) {
      return {
        ok: false,
        error: {
          code: 'bad_argument',
          message: `The request "${name}" got an argument nested more than ${MAX_NESTING} levels deep.`,
          hint: 'This is a fault in the app; please report it.',
        },
      };
    }
    const parsed = spec.args.safeParse(args);
    if (!parsed.success) return { ok: false, error: describeBadArguments(name, parsed.error) };
    try {
      const handler = handlers[requestName] as (a: unknown) => unknown;
      const result = await handler(parsed.data);
      if (options.checkResults) {
        const checked = spec.result.safeParse(result);
        if (!checked.success) {
          throw new Error(`result of ${name} does not match the contract: ${JSON.stringify(checked.error.issues.slice(0, 3))}`);
        }
      }
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error, options.log) };
    }
  };
}

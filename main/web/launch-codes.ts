// One-time launch addresses: the browser launcher's command line (which other local users can read) carries a code
// that the server exchanges once for the token's cookie, never the long-lived token itself.

import { randomBytes } from 'node:crypto';
import { sameSecret, type Verdict } from './guard';

export const LAUNCH_PARAM = 'launch';

/** A code not used within this time is refused too: a launcher that never opened a page leaves nothing usable. */
export const LAUNCH_CODE_LIFETIME_MS = 10 * 60_000;

export const LAUNCH_CODE_USED =
  'This one-time address was already used (or is too old). Go back to the Neuron Studio tab it opened, ' +
  'or open the address printed in the window where Neuron Studio was started.';

export interface LaunchCodes {
  /** a new code, good for one exchange */
  issue(): string;
  /** true once per issued code, within its lifetime */
  redeem(code: string): boolean;
}

export function createLaunchCodes(now: () => number = Date.now): LaunchCodes {
  const issued = new Map<string, number>();
  return {
    issue() {
      const code = randomBytes(18).toString('base64url');
      issued.set(code, now());
      return code;
    },
    redeem(code) {
      for (const [known, at] of issued) {
        if (now() - at > LAUNCH_CODE_LIFETIME_MS) issued.delete(known);
        else if (sameSecret(known, code)) {
          issued.delete(known);
          return true;
        }
      }
      return false;
    },
  };
}

/** The launch code in a request's address, or null when it has none. */
export function launchCodeIn(url: string): string | null {
  // an address URL cannot read (`//[`) carries no code; the guard answers it with a 400
  return URL.canParse(url, 'http://127.0.0.1') ? new URL(url, 'http://127.0.0.1').searchParams.get(LAUNCH_PARAM) : null;
}

export type LaunchAnswer =
  /** first use: set the cookie and go to the clean address */
  | { kind: 'exchange' }
  /** used before, but this browser already has the cookie (a reload, a history entry): just go to the clean address */
  | { kind: 'clean' }
  | { kind: 'refuse'; status: 401 | 403; reason: string };

/** What to answer to an address with a launch code; `verdict` is the guard's answer to the same request. */
export function answerLaunch(code: string, verdict: Verdict, codes: LaunchCodes): LaunchAnswer {
  // a wrong Host or Origin stays refused, whatever the code
  if (!verdict.allowed && verdict.status === 403) return { kind: 'refuse', status: 403, reason: verdict.reason };
  if (codes.redeem(code)) return { kind: 'exchange' };
  if (verdict.allowed) return { kind: 'clean' };
  return { kind: 'refuse', status: 401, reason: LAUNCH_CODE_USED };
}

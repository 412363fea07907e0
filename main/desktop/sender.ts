// Which frames may call the main side: only the app's own page. Compared as parsed URLs, never by string prefix.

import { APP_SCHEME } from './app-protocol';

/**
 * `appUrl` is the page the window loads: the dev server (http://localhost:5173/) or the built screens
 * (app://neuron-studio/index.html). Frames of the same scheme and host are allowed; file: pages never are.
 */
export function isAllowedSender(url: string | undefined | null, appUrl: string): boolean {
  if (!url) return false;
  let sender: URL;
  let app: URL;
  try {
    sender = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  // app: is not a special scheme to URL, so its origin reads 'null': compare scheme and host instead
  if (app.protocol === `${APP_SCHEME}:`) return sender.protocol === app.protocol && sender.host === app.host;
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return sender.origin === app.origin;
}

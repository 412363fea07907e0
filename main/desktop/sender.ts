// Which frames may call the main side: only the app's own page. Compared as parsed URLs, never by string prefix.

/**
 * `appUrl` is the page the window loads: the dev server (http://localhost:5173/) or the built index.html (file://…).
 * An http(s) app allows frames of the same origin; a file app allows only that very file.
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
  if (app.protocol === 'file:') {
    return sender.protocol === 'file:' && sender.host === app.host && decodeURIComponent(sender.pathname) === decodeURIComponent(app.pathname);
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return sender.origin === app.origin;
}

// The only web addresses the app hands to the system browser: our own help pages, compared as parsed URLs.

export const HELP_URL = 'https://github.com/neuron-studio/neuron-studio#readme';

/** Our help pages (origin and path; any #section of them is fine). */
const OWN_HELP_PAGES = [HELP_URL].map((address) => new URL(address));

export function isOwnHelpAddress(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  // exact origin and path, never a prefix: github.com/neuron-studio/neuron-studio.evil or /…/../other are other pages
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    OWN_HELP_PAGES.some((page) => page.origin === url.origin && page.pathname === url.pathname)
  );
}

/** Opens `address` in the system browser if it is one of ours; anything else is dropped. True when it was opened. */
export function openHelpAddress(address: string, openExternal: (url: string) => Promise<void>): boolean {
  if (!isOwnHelpAddress(address)) return false;
  void openExternal(address).catch(() => undefined);
  return true;
}

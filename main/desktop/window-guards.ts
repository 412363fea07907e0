// What the window's page may not do: navigate away from the app, or open windows (our help pages go to the system
// browser instead). Takes the window's webContents as an argument.

import type { WebContents } from 'electron';
import { openHelpAddress } from './help-links';
import { isAllowedSender } from './sender';

export function guardWindow(
  webContents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  pageUrl: () => string,
  openExternal: (url: string) => Promise<void>,
): void {
  webContents.on('will-navigate', (event, url) => {
    if (!isAllowedSender(url, pageUrl())) event.preventDefault();
  });
  webContents.setWindowOpenHandler(({ url }) => {
    openHelpAddress(url, openExternal);
    return { action: 'deny' };
  });
}

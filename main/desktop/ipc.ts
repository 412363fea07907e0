// Every request of the contract on ipcMain.handle, answered only for the app's own frame; events to the window.

import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { eventNames, requestNames, type Envelope } from '../contract';
import type { Dispatch } from '../transport/dispatch';
import type { EventHub } from '../events';
import { eventChannel, requestChannel } from './channels';
import { isAllowedSender } from './sender';

const REFUSED: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page may not use Neuron Studio.' },
};

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, appUrl: () => string): () => void {
  for (const name of requestNames) {
    ipcMain.handle(requestChannel(name), async (event: IpcMainInvokeEvent, args: unknown) => {
      if (!isAllowedSender(event.senderFrame?.url, appUrl())) return REFUSED;
      return dispatch(name, args);
    });
  }
  return () => {
    for (const name of requestNames) ipcMain.removeHandler(requestChannel(name));
  };
}

/** Forward every event to the window while it lives. */
export function forwardEvents(hub: EventHub, window: BrowserWindow): () => void {
  const stop = hub.onAny((event, payload) => {
    if (window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(eventChannel(event), payload);
  });
  window.on('closed', stop);
  return stop;
}

export { eventNames };

// The preload: one named function per request and one subscribe per event, from the contract, through contextBridge.
// The page never sees ipcRenderer. Answers stay envelopes here (contextBridge drops an Error's fields); the
// renderer's getApi() (renderer/src/transport/renderer-api.ts) turns them into results or ApiErrors.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, requestNames, type Envelope } from '../contract';
import { BRIDGE_GLOBAL, type DesktopBridge } from './bridge';
import { eventChannel, requestChannel } from './channels';

const requests = {} as DesktopBridge['requests'];
for (const name of requestNames) {
  const channel = requestChannel(name);
  requests[name] = (args: unknown) => ipcRenderer.invoke(channel, args) as Promise<Envelope<unknown>>;
}

const events = {} as DesktopBridge['events'];
for (const name of eventNames) {
  const channel = eventChannel(name);
  events[name] = (handler: (payload: unknown) => void) => {
    const listener = (_event: IpcRendererEvent, payload: unknown) => handler(payload);
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  };
}

const bridge: DesktopBridge = { requests, events };
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

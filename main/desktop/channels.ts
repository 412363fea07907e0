// IPC channel names, one per request and per event, from the contract. Shared by the preload and the main side.

import type { EventName, RequestName } from '../contract';

export const requestChannel = (name: RequestName): string => `neuron:${name}`;
export const eventChannel = (name: EventName): string => `neuron-event:${name}`;

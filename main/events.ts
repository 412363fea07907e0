// The events the services announce (a run's progress, the project's name and unsaved mark) to whoever listens: every
// transport forwards them to its windows, and tests listen directly. Services know this hub, never a transport.

import type { EventName, PayloadOf } from './contract';

type Listener = (payload: unknown) => void;

/** Events from the services to every connected client. */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly any = new Set<(event: EventName, payload: unknown) => void>();

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners.get(event) ?? []) safely(() => listener(payload));
    for (const listener of this.any) safely(() => listener(event, payload));
  }

  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const l = listener as Listener;
    set.add(l);
    return () => set!.delete(l);
  }

  /** every event, for a transport that forwards them all (a socket, a window) */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void {
    this.any.add(listener);
    return () => this.any.delete(listener);
  }
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error('[neuron-studio] an event listener failed:', error);
  }
}

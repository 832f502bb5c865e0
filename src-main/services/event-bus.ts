import type { EventName, EventPayload } from '../../src-shared/api/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Host services publish contract events here; each transport forwards them to its renderers. */
export type EventBus = {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
};

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

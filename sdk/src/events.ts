/** Events MFEs and the shell exchange. Add an event here, never a global. */
export interface CarpetaEvents {
  /** An MFE learned how many notifications are pending (the shell shows it in the navigation). */
  'notifications:pending-count': { count: number };
  /** The citizen accessed (accepted) a notification. */
  'notification:read': { id: string };
  /**
   * A power of attorney the signed-in person holds changed (accepted, renounced, granted, revoked,
   * extended): the shell reads the representation list again so the switch shows it at once.
   */
  'representation:changed': { powerId: string };
}

export type EventName = keyof CarpetaEvents;

export interface EventBus {
  emit<K extends EventName>(type: K, detail: CarpetaEvents[K]): void;
  on<K extends EventName>(type: K, listener: (detail: CarpetaEvents[K]) => void): () => void;
  /** The last value emitted for a type, so that a late subscriber can catch up. */
  last<K extends EventName>(type: K): CarpetaEvents[K] | undefined;
}

export function createEventBus(onListenerError?: (error: unknown) => void): EventBus {
  const listeners = new Map<EventName, Set<(detail: never) => void>>();
  const lastValues = new Map<EventName, unknown>();
  return {
    emit(type, detail) {
      lastValues.set(type, detail);
      for (const listener of [...(listeners.get(type) ?? [])]) {
        try {
          (listener as (value: typeof detail) => void)(detail);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
    on(type, listener) {
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
      }
      set.add(listener as (detail: never) => void);
      return () => {
        set.delete(listener as (detail: never) => void);
      };
    },
    last(type) {
      return lastValues.get(type) as never;
    },
  };
}

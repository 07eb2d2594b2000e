import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from './events.ts';

describe('createEventBus', () => {
  it('delivers events, remembers the last one and unsubscribes', () => {
    const bus = createEventBus();
    const listener = vi.fn();
    const off = bus.on('notifications:pending-count', listener);
    bus.emit('notifications:pending-count', { count: 2 });
    off();
    bus.emit('notifications:pending-count', { count: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ count: 2 });
    expect(bus.last('notifications:pending-count')).toEqual({ count: 3 });
  });

  it('isolates a failing listener from the others', () => {
    const onError = vi.fn();
    const bus = createEventBus(onError);
    const healthy = vi.fn();
    bus.on('notification:read', () => {
      throw new Error('boom');
    });
    bus.on('notification:read', healthy);
    bus.emit('notification:read', { id: 'dehu:1' });
    expect(healthy).toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }));
  });
});

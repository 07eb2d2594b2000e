import { describe, expect, it } from 'vitest';
import { createFaultController, DEFAULT_SLOW_DELAY_MS, injectFault, parseFaultInput } from './faults.ts';

describe('fault controller', () => {
  it('starts ok, remembers a fault with its defaults, and resets', () => {
    const faults = createFaultController();
    expect(faults.get().mode).toBe('ok');
    expect(faults.set({ mode: 'slow' })).toEqual({
      mode: 'slow',
      delayMs: DEFAULT_SLOW_DELAY_MS,
      garbage: 'truncated',
    });
    expect(faults.set({ mode: 'slow', delayMs: 20 }).delayMs).toBe(20);
    expect(faults.reset().mode).toBe('ok');
  });

  it('validates control bodies', () => {
    expect(parseFaultInput({ mode: 'garbage', garbage: 'wrong-shape' })).toEqual({
      mode: 'garbage',
      garbage: 'wrong-shape',
    });
    expect(parseFaultInput({ mode: 'slow', delayMs: 250 })).toEqual({ mode: 'slow', delayMs: 250 });
    expect(parseFaultInput({ mode: 'boom' })).toMatch(/mode/);
    expect(parseFaultInput({ mode: 'slow', delayMs: -1 })).toMatch(/delayMs/);
    expect(parseFaultInput({ mode: 'slow', delayMs: 1.5 })).toMatch(/delayMs/);
    expect(parseFaultInput({ mode: 'garbage', garbage: 'xml' })).toMatch(/garbage/);
    expect(parseFaultInput([])).toMatch(/object/);
    expect(parseFaultInput(null)).toMatch(/object/);
  });

  it('stops waiting in slow mode as soon as the request is aborted', async () => {
    const faults = createFaultController();
    faults.set({ mode: 'slow', delayMs: 60_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 20);
    const response = await injectFault(
      faults,
      new Request('http://agency.test/x', { signal: controller.signal }),
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(response?.type).toBe('error');
  });

  it('answers normally (undefined) when ok, or after the delay when slow', async () => {
    const faults = createFaultController();
    expect(await injectFault(faults, new Request('http://agency.test/x'))).toBeUndefined();
    faults.set({ mode: 'slow', delayMs: 30 });
    const started = performance.now();
    expect(await injectFault(faults, new Request('http://agency.test/x'))).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});

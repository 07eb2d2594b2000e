import { expect } from 'storybook/test';

/** WCAG 1.4.10: at 320 CSS px nothing may need horizontal scrolling. */
export async function expectNoHorizontalScroll(): Promise<void> {
  const root = document.documentElement;
  await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
}

export const reflowGlobals = { viewport: { value: 'reflow320', isRotated: false } } as const;
export const mobileGlobals = { viewport: { value: 'mobile', isRotated: false } } as const;

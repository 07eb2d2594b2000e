import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { installNavigationGuard } from './navigation-guard.ts';

// Unit tests run in real Chromium (browser mode) without Vitest globals: unmount after each test.
afterEach(() => {
  cleanup();
});

// A link click that nobody prevents would navigate the test page away; record and stop it.
beforeAll(() => {
  installNavigationGuard();
});

// What `react-dom/client` resolves to in unit tests (see `preactForTests` in ../federation.ts).
export * from 'preact/compat/client';
export { default } from 'preact/compat/client';

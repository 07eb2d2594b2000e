export * from './languages.ts';
export * from './errors.ts';
export * from './manifest.ts';
export * from './domain.ts';
export * from './props.ts';
export * from './events.ts';
export * from './api.ts';
export * from './i18n.ts';

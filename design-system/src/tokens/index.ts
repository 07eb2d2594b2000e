export * from './tokens.ts';
export { contrastRatio, ensureContrast, relativeLuminance } from './contrast.ts';
export { colorVar, renderTokensCss } from './css.ts';

export {
  borderWidth,
  breakpoints,
  colors,
  contrastPairs,
  elevation,
  focusRing,
  fontFamily,
  fontSize,
  fontWeight,
  layout,
  lineHeight,
  motion,
  radius,
  space,
  themeNames,
  tokens,
  zIndex,
} from './tokens.ts';
export type { ColorRole, ColorScheme, ContrastPair, ThemeName } from './tokens.ts';
export { contrastRatio, ensureContrast, relativeLuminance } from './contrast.ts';
export { colorVar, renderTokensCss } from './css.ts';

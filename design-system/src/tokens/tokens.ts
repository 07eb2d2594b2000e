/**
 * Design tokens: the single source of truth of Carpeta's design system.
 *
 * `src/tokens.css` is GENERATED from this file (`pnpm --filter @carpeta/design-system run tokens`);
 * a unit test fails when the two drift apart. Every colour pair the themes use is declared in
 * `contrastPairs` and checked against WCAG 2.1 AA (4.5:1 text, 3:1 UI) by another unit test.
 */

/** Theme names; `light` is the default, applied through `data-theme` on `<html>`. */
export const themeNames = ['light', 'dark', 'high-contrast'] as const;
export type ThemeName = (typeof themeNames)[number];

/** Semantic colour roles. Every theme defines every role. */
export type ColorRole =
  | 'bg'
  | 'surface'
  | 'surfaceAlt'
  | 'text'
  | 'textMuted'
  | 'textInverse'
  | 'border'
  | 'borderStrong'
  | 'primary'
  | 'primaryHover'
  | 'primaryText'
  | 'secondary'
  | 'secondaryHover'
  | 'secondaryText'
  | 'danger'
  | 'dangerHover'
  | 'dangerText'
  | 'link'
  | 'linkHover'
  | 'linkVisited'
  | 'focus'
  | 'focusHalo'
  | 'selected'
  | 'headerBg'
  | 'headerText'
  | 'headerBorder'
  | 'footerBg'
  | 'footerText'
  | 'overlay'
  | 'infoAccent'
  | 'infoSurface'
  | 'infoText'
  | 'successAccent'
  | 'successSurface'
  | 'successText'
  | 'warningAccent'
  | 'warningSurface'
  | 'warningText'
  | 'errorAccent'
  | 'errorSurface'
  | 'errorText'
  | 'neutralSurface'
  | 'neutralText'
  | 'skeleton'
  | 'skeletonShine';

export type ColorScheme = Readonly<Record<ColorRole, string>>;

const light: ColorScheme = {
  bg: '#ffffff',
  surface: '#ffffff',
  surfaceAlt: '#f2f4f7',
  text: '#161a1d',
  textMuted: '#4a5259',
  textInverse: '#ffffff',
  border: '#c9ced4',
  borderStrong: '#5c656d',
  primary: '#1a4f8b',
  primaryHover: '#123a67',
  primaryText: '#ffffff',
  secondary: '#e4e8ee',
  secondaryHover: '#d0d6de',
  secondaryText: '#161a1d',
  danger: '#b3261e',
  dangerHover: '#8c1d17',
  dangerText: '#ffffff',
  link: '#1a56a8',
  linkHover: '#0e3a75',
  linkVisited: '#5b2a86',
  focus: '#0b0c0c',
  focusHalo: '#ffd400',
  selected: '#1a4f8b',
  headerBg: '#ffffff',
  headerText: '#161a1d',
  headerBorder: '#1a4f8b',
  footerBg: '#f2f4f7',
  footerText: '#161a1d',
  overlay: 'rgb(11 12 12 / 0.6)',
  infoAccent: '#1a56a8',
  infoSurface: '#e8f1fb',
  infoText: '#0d3b73',
  successAccent: '#17703b',
  successSurface: '#e6f4ea',
  successText: '#0f4d28',
  warningAccent: '#9a5b00',
  warningSurface: '#fff4d6',
  warningText: '#5c3600',
  errorAccent: '#b3261e',
  errorSurface: '#fcebea',
  errorText: '#8c1d17',
  neutralSurface: '#e4e8ee',
  neutralText: '#30373d',
  skeleton: '#e4e8ee',
  skeletonShine: '#f2f4f7',
};

const dark: ColorScheme = {
  bg: '#111417',
  surface: '#1a1e22',
  surfaceAlt: '#22272c',
  text: '#eef1f4',
  textMuted: '#b6bec6',
  textInverse: '#0b0c0c',
  border: '#3b434b',
  borderStrong: '#8d97a1',
  primary: '#8ab8ff',
  primaryHover: '#b3d0ff',
  primaryText: '#0b0c0c',
  secondary: '#2c333a',
  secondaryHover: '#3a434c',
  secondaryText: '#eef1f4',
  danger: '#ff9189',
  dangerHover: '#ffb4ae',
  dangerText: '#0b0c0c',
  link: '#8ab8ff',
  linkHover: '#b3d0ff',
  linkVisited: '#cfa8ff',
  focus: '#ffd400',
  focusHalo: '#0b0c0c',
  selected: '#8ab8ff',
  headerBg: '#1a1e22',
  headerText: '#eef1f4',
  headerBorder: '#8ab8ff',
  footerBg: '#1a1e22',
  footerText: '#eef1f4',
  overlay: 'rgb(0 0 0 / 0.7)',
  infoAccent: '#8ab8ff',
  infoSurface: '#13263d',
  infoText: '#d4e5ff',
  successAccent: '#6fcf97',
  successSurface: '#12301f',
  successText: '#c9f2d9',
  warningAccent: '#f2c14e',
  warningSurface: '#33280e',
  warningText: '#ffe7a8',
  errorAccent: '#ff9189',
  errorSurface: '#3a1614',
  errorText: '#ffd3cf',
  neutralSurface: '#2c333a',
  neutralText: '#e3e8ed',
  skeleton: '#2c333a',
  skeletonShine: '#3a434c',
};

const highContrast: ColorScheme = {
  bg: '#000000',
  surface: '#000000',
  surfaceAlt: '#000000',
  text: '#ffffff',
  textMuted: '#ffffff',
  textInverse: '#000000',
  border: '#ffffff',
  borderStrong: '#ffffff',
  primary: '#ffff00',
  primaryHover: '#ffffff',
  primaryText: '#000000',
  secondary: '#000000',
  secondaryHover: '#1f1f1f',
  secondaryText: '#ffffff',
  danger: '#ff8080',
  dangerHover: '#ffb3b3',
  dangerText: '#000000',
  link: '#ffff00',
  linkHover: '#ffffff',
  linkVisited: '#ff9cff',
  focus: '#00ffff',
  focusHalo: '#000000',
  selected: '#ffff00',
  headerBg: '#000000',
  headerText: '#ffffff',
  headerBorder: '#ffffff',
  footerBg: '#000000',
  footerText: '#ffffff',
  overlay: 'rgb(0 0 0 / 0.85)',
  infoAccent: '#00ffff',
  infoSurface: '#000000',
  infoText: '#ffffff',
  successAccent: '#7cff7c',
  successSurface: '#000000',
  successText: '#ffffff',
  warningAccent: '#ffff00',
  warningSurface: '#000000',
  warningText: '#ffffff',
  errorAccent: '#ff8080',
  errorSurface: '#000000',
  errorText: '#ffffff',
  neutralSurface: '#000000',
  neutralText: '#ffffff',
  skeleton: '#3d3d3d',
  skeletonShine: '#5c5c5c',
};

export const colors: Readonly<Record<ThemeName, ColorScheme>> = {
  light,
  dark,
  'high-contrast': highContrast,
};

/**
 * Every foreground/background pair the component CSS uses, with the WCAG 2.1 minimum it must meet:
 * 4.5 for text (1.4.3), 3 for UI component boundaries, icons and focus indicators (1.4.11).
 */
export interface ContrastPair {
  fg: ColorRole;
  bg: ColorRole;
  min: 4.5 | 3;
  usage: string;
}

const textOn = (bg: ColorRole, fgs: ColorRole[], usage: string): ContrastPair[] =>
  fgs.map((fg) => ({ fg, bg, min: 4.5, usage }));

export const contrastPairs: readonly ContrastPair[] = [
  ...textOn('bg', ['text', 'textMuted', 'link', 'linkHover', 'linkVisited', 'errorText'], 'page text'),
  ...textOn('surface', ['text', 'textMuted', 'link', 'linkHover', 'linkVisited', 'errorText'], 'card text'),
  ...textOn('surfaceAlt', ['text', 'textMuted', 'link', 'linkHover', 'linkVisited'], 'table head, footer'),
  { fg: 'primaryText', bg: 'primary', min: 4.5, usage: 'primary button' },
  { fg: 'primaryText', bg: 'primaryHover', min: 4.5, usage: 'primary button hover' },
  { fg: 'primaryText', bg: 'selected', min: 4.5, usage: 'selected step, pagination current' },
  { fg: 'secondaryText', bg: 'secondary', min: 4.5, usage: 'secondary button' },
  { fg: 'secondaryText', bg: 'secondaryHover', min: 4.5, usage: 'secondary button hover' },
  { fg: 'dangerText', bg: 'danger', min: 4.5, usage: 'warning button' },
  { fg: 'dangerText', bg: 'dangerHover', min: 4.5, usage: 'warning button hover' },
  { fg: 'headerText', bg: 'headerBg', min: 4.5, usage: 'header' },
  { fg: 'link', bg: 'headerBg', min: 4.5, usage: 'header links' },
  { fg: 'footerText', bg: 'footerBg', min: 4.5, usage: 'footer' },
  { fg: 'link', bg: 'footerBg', min: 4.5, usage: 'footer links' },
  { fg: 'infoText', bg: 'infoSurface', min: 4.5, usage: 'info alert, tag' },
  { fg: 'successText', bg: 'successSurface', min: 4.5, usage: 'success alert, tag' },
  { fg: 'warningText', bg: 'warningSurface', min: 4.5, usage: 'warning alert, tag' },
  { fg: 'errorText', bg: 'errorSurface', min: 4.5, usage: 'error alert, tag' },
  { fg: 'neutralText', bg: 'neutralSurface', min: 4.5, usage: 'neutral tag' },
  { fg: 'text', bg: 'infoSurface', min: 4.5, usage: 'alert body text' },
  { fg: 'text', bg: 'successSurface', min: 4.5, usage: 'alert body text' },
  { fg: 'text', bg: 'warningSurface', min: 4.5, usage: 'alert body text' },
  { fg: 'text', bg: 'errorSurface', min: 4.5, usage: 'alert body text' },
  { fg: 'link', bg: 'infoSurface', min: 4.5, usage: 'link inside info alert' },
  { fg: 'borderStrong', bg: 'bg', min: 3, usage: 'form control borders' },
  { fg: 'borderStrong', bg: 'surface', min: 3, usage: 'form control borders on cards' },
  { fg: 'borderStrong', bg: 'surfaceAlt', min: 3, usage: 'form control borders on grey' },
  { fg: 'selected', bg: 'bg', min: 3, usage: 'checked radio/checkbox, current tab indicator' },
  { fg: 'selected', bg: 'surface', min: 3, usage: 'current tab indicator on cards' },
  { fg: 'primary', bg: 'bg', min: 3, usage: 'primary button boundary' },
  { fg: 'danger', bg: 'bg', min: 3, usage: 'warning button boundary' },
  { fg: 'focus', bg: 'bg', min: 3, usage: 'focus ring on page' },
  { fg: 'focus', bg: 'surface', min: 3, usage: 'focus ring on cards' },
  { fg: 'focus', bg: 'surfaceAlt', min: 3, usage: 'focus ring on grey' },
  { fg: 'focus', bg: 'focusHalo', min: 3, usage: 'two-tone focus ring' },
  { fg: 'infoAccent', bg: 'bg', min: 3, usage: 'alert left border, icons' },
  { fg: 'successAccent', bg: 'bg', min: 3, usage: 'alert left border, icons' },
  { fg: 'warningAccent', bg: 'bg', min: 3, usage: 'alert left border, icons' },
  { fg: 'errorAccent', bg: 'bg', min: 3, usage: 'error border of invalid fields' },
  { fg: 'errorAccent', bg: 'surface', min: 3, usage: 'error border on cards' },
  { fg: 'infoAccent', bg: 'infoSurface', min: 3, usage: 'alert icon' },
  { fg: 'successAccent', bg: 'successSurface', min: 3, usage: 'alert icon' },
  { fg: 'warningAccent', bg: 'warningSurface', min: 3, usage: 'alert icon' },
  { fg: 'errorAccent', bg: 'errorSurface', min: 3, usage: 'alert icon' },
  { fg: 'headerBorder', bg: 'headerBg', min: 3, usage: 'header accent stripe' },
  { fg: 'infoAccent', bg: 'surface', min: 3, usage: 'toast accent and icon' },
  { fg: 'successAccent', bg: 'surface', min: 3, usage: 'toast accent and icon, timeline done' },
  { fg: 'warningAccent', bg: 'surface', min: 3, usage: 'toast accent and icon' },
  { fg: 'selected', bg: 'surfaceAlt', min: 3, usage: 'current nav item on grey' },
  { fg: 'primary', bg: 'surfaceAlt', min: 3, usage: 'nav badge on grey' },
  { fg: 'primaryText', bg: 'primary', min: 4.5, usage: 'nav badge text' },
  { fg: 'textMuted', bg: 'bg', min: 3, usage: 'breadcrumb separator, upcoming timeline marker' },
  { fg: 'bg', bg: 'successAccent', min: 3, usage: 'check icon in done timeline/stepper marker' },
  { fg: 'bg', bg: 'selected', min: 3, usage: 'clock icon in current timeline marker' },
  { fg: 'bg', bg: 'errorAccent', min: 3, usage: 'cross icon in failed timeline marker' },
];

export const fontFamily = {
  base: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
} as const;

/** Type scale in rem so it follows the user's text size (WCAG 1.4.4). */
export const fontSize = {
  xs: '0.8125rem',
  sm: '0.875rem',
  md: '1rem',
  lg: '1.1875rem',
  xl: '1.5rem',
  '2xl': '2rem',
  '3xl': '2.5rem',
} as const;

export const fontWeight = { regular: '400', bold: '700' } as const;

export const lineHeight = { tight: '1.25', base: '1.5' } as const;

export const space = {
  '0': '0',
  '1': '0.25rem',
  '2': '0.5rem',
  '3': '0.75rem',
  '4': '1rem',
  '5': '1.5rem',
  '6': '2rem',
  '7': '3rem',
  '8': '4rem',
} as const;

export const radius = { none: '0', sm: '0.125rem', md: '0.25rem', lg: '0.5rem', pill: '999rem' } as const;

export const borderWidth = { thin: '1px', medium: '2px', thick: '4px' } as const;

export const elevation = {
  '1': '0 1px 2px rgb(0 0 0 / 0.12), 0 1px 3px rgb(0 0 0 / 0.08)',
  '2': '0 4px 12px rgb(0 0 0 / 0.16), 0 2px 4px rgb(0 0 0 / 0.08)',
  '3': '0 12px 32px rgb(0 0 0 / 0.24), 0 4px 8px rgb(0 0 0 / 0.12)',
} as const;

/** Durations become 0ms under `prefers-reduced-motion: reduce`. */
export const motion = {
  durationFast: '100ms',
  durationBase: '200ms',
  durationSlow: '400ms',
  easing: 'cubic-bezier(0.2, 0, 0, 1)',
} as const;

/**
 * Breakpoints (min-width). CSS custom properties cannot be used in media queries, so the CSS
 * writes these literal values; keep them in sync (a unit test checks the CSS uses only these).
 */
export const breakpoints = { sm: '640px', md: '1024px' } as const;

export const focusRing = { width: '3px', offset: '2px', halo: '2px' } as const;

export const layout = { containerMaxWidth: '72rem', measure: '40rem', controlMinSize: '2.75rem' } as const;

export const zIndex = { header: '10', dropdown: '20', toast: '40', dialog: '50', skipLink: '60' } as const;

export const tokens = {
  colors,
  fontFamily,
  fontSize,
  fontWeight,
  lineHeight,
  space,
  radius,
  borderWidth,
  elevation,
  motion,
  breakpoints,
  focusRing,
  layout,
  zIndex,
} as const;

import {
  borderWidth,
  colors,
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
  zIndex,
} from './tokens.ts';
import type { ColorScheme } from './tokens.ts';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Name of the CSS custom property of a colour role, e.g. `textMuted` → `--cp-color-text-muted`. */
export const colorVar = (role: string): string => `--cp-color-${kebab(role)}`;

function group(prefix: string, values: Readonly<Record<string, string>>): string[] {
  return Object.entries(values).map(([k, v]) => `  --cp-${prefix}-${kebab(k)}: ${v};`);
}

function colorDecls(scheme: ColorScheme, indent = '  '): string[] {
  return Object.entries(scheme).map(([k, v]) => `${indent}${colorVar(k)}: ${v};`);
}

/** Renders `src/tokens.css` from the TS tokens. Deterministic: the unit test compares the file. */
export function renderTokensCss(): string {
  const lines: string[] = [
    '/* GENERATED from src/tokens/tokens.ts by scripts/build-tokens.ts. Do not edit by hand. */',
    '',
    ':root {',
    '  color-scheme: light;',
    ...group('font-family', fontFamily),
    ...group('font-size', fontSize),
    ...group('font-weight', fontWeight),
    ...group('line-height', lineHeight),
    ...group('space', space),
    ...group('radius', radius),
    ...group('border-width', borderWidth),
    ...group('elevation', elevation),
    ...group('motion', motion),
    ...group('focus', focusRing),
    ...group('layout', layout),
    ...group('z', zIndex),
    ...colorDecls(colors.light),
    '}',
    '',
    '@media (prefers-color-scheme: dark) {',
    '  :root:not([data-theme]) {',
    '    color-scheme: dark;',
    ...colorDecls(colors.dark, '    '),
    '  }',
    '}',
    '',
    ':root[data-theme="dark"] {',
    '  color-scheme: dark;',
    ...colorDecls(colors.dark),
    '}',
    '',
    ':root[data-theme="high-contrast"] {',
    '  color-scheme: dark;',
    ...colorDecls(colors['high-contrast']),
    '}',
    '',
    '@media (prefers-reduced-motion: reduce) {',
    '  :root {',
    '    --cp-motion-duration-fast: 0ms;',
    '    --cp-motion-duration-base: 0ms;',
    '    --cp-motion-duration-slow: 0ms;',
    '  }',
    '}',
    '',
  ];
  return lines.join('\n');
}

import { describe, expect, it } from 'vitest';
import { contrastRatio, ensureContrast } from './contrast.ts';
import { renderTokensCss } from './css.ts';
import tokensCss from '../tokens.css?raw';
import { breakpoints, colors, contrastPairs, themeNames } from './tokens.ts';

describe('tokens', () => {
  it('every theme defines the same colour roles', () => {
    const roles = Object.keys(colors.light).sort();
    for (const theme of themeNames) expect(Object.keys(colors[theme]).sort()).toEqual(roles);
  });

  describe.each(themeNames)('WCAG AA contrast of every used token pair — %s', (theme) => {
    it.each(contrastPairs.map((p) => [`${p.fg} on ${p.bg} (${p.usage})`, p] as const))('%s', (_, pair) => {
      const ratio = contrastRatio(colors[theme][pair.fg], colors[theme][pair.bg]);
      expect(ratio, `${theme}: ${pair.fg} on ${pair.bg} = ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(
        pair.min,
      );
    });
  });

  it('ensureContrast never returns a colour below the target', () => {
    const samples = ['#ffff00', '#00ff00', '#ff00ff', '#777777', '#1a4f8b', '#000000', '#ffffff', '#f0a'];
    for (const bg of [colors.light.headerBg, colors.dark.headerBg, '#808080']) {
      for (const accent of samples) {
        expect(contrastRatio(ensureContrast(accent, bg, 4.5), bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(ensureContrast(accent, bg, 3), bg)).toBeGreaterThanOrEqual(3);
      }
    }
    expect(ensureContrast('#1a4f8b', '#ffffff')).toBe('#1a4f8b');
  });

  it('src/tokens.css is up to date with tokens.ts (run `pnpm --filter @carpeta/design-system run tokens`)', () => {
    // Whitespace-insensitive: Biome may re-wrap long declarations of the generated file.
    const normalize = (css: string) => css.replace(/\s+/g, ' ').trim();
    expect(normalize(tokensCss)).toBe(normalize(renderTokensCss()));
  });

  it('component CSS only uses the breakpoint tokens in media queries', () => {
    const sheets = import.meta.glob<string>('../**/*.css', { query: '?raw', import: 'default', eager: true });
    const allowed = new Set(Object.values(breakpoints));
    for (const [file, css] of Object.entries(sheets)) {
      for (const match of css.matchAll(/\((?:min|max)-width:\s*([^)]+)\)/g)) {
        expect(allowed.has(match[1] as '640px'), `${file}: ${match[0]}`).toBe(true);
      }
    }
  });

  it('known WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

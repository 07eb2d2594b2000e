/** WCAG 2.1 relative luminance and contrast ratio helpers (sRGB, hex colours). */

export type Rgb = readonly [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) throw new Error(`Not a hex colour: ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [
    Number.parseInt(h.slice(0, 2), 16),
    Number.parseInt(h.slice(2, 4), 16),
    Number.parseInt(h.slice(4, 6), 16),
  ];
}

export function toHex([r, g, b]: Rgb): string {
  const part = (n: number) =>
    Math.round(Math.min(255, Math.max(0, n)))
      .toString(16)
      .padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Returns `color` if it reaches `min` contrast against `background`; otherwise the closest colour
 * of the same hue (mixed towards black or white, whichever can reach the target) that does.
 * Used by the co-branding slot so an administration's accent colour can never break contrast.
 */
export function ensureContrast(color: string, background: string, min = 4.5): string {
  if (contrastRatio(color, background) >= min) return toHex(parseHex(color));
  const base = parseHex(color);
  const bgLum = relativeLuminance(background);
  const targets: Rgb[] =
    bgLum > 0.18
      ? [
          [0, 0, 0],
          [255, 255, 255],
        ]
      : [
          [255, 255, 255],
          [0, 0, 0],
        ];
  for (const target of targets) {
    if (contrastRatio(toHex(target), background) < min) continue;
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      const mixed = toHex(mix(base, target, mid));
      if (contrastRatio(mixed, background) >= min) hi = mid;
      else lo = mid;
    }
    const result = toHex(mix(base, target, hi));
    if (contrastRatio(result, background) >= min) return result;
  }
  return bgLum > 0.18 ? '#000000' : '#ffffff';
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

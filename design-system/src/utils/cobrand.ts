import { ensureContrast } from '../tokens/contrast.ts';
import { colors } from '../tokens/tokens.ts';

/**
 * CSS custom properties for an administration's co-branding accent. The colour is adjusted per
 * theme so it always reaches 4.5:1 against the header background (usable for text and borders);
 * the high-contrast theme ignores it. Plain-HTML MFEs can put the result in a `style` attribute.
 */
export function cobrandStyle(accent: string): Record<string, string> {
  return {
    '--cp-cobrand-accent-light': ensureContrast(accent, colors.light.headerBg, 4.5),
    '--cp-cobrand-accent-dark': ensureContrast(accent, colors.dark.headerBg, 4.5),
  };
}

export const storybookThemes = ['light', 'dark', 'high-contrast'] as const;
export type StorybookTheme = (typeof storybookThemes)[number];

import { describe, expect, it } from 'vitest';
import { buildMatrix, mfeForPath } from './matrix.ts';

describe('the matrix of pages', () => {
  it('gives primary visitors every language, theme and width; the others one page per route', () => {
    const specs = buildMatrix([
      { visitor: 'maria', primary: true, paths: ['/', '/notifications'] },
      { visitor: 'john', primary: false, paths: ['/'] },
    ]);
    // 6 languages (light, 1280) + 5 other theme × width combinations in Spanish, per route.
    expect(specs.filter((spec) => spec.visitor === 'maria')).toHaveLength(2 * (6 + 5));
    expect(specs.filter((spec) => spec.visitor === 'john')).toHaveLength(1);
    expect(new Set(specs.map((spec) => spec.id)).size).toBe(specs.length);
    const narrow = specs.filter((spec) => spec.width === 320);
    expect(narrow.every((spec) => spec.checks.reflow)).toBe(true);
    expect(specs.filter((spec) => spec.checks.keyboard).map((spec) => spec.id)).toEqual([
      'maria|root|es|light|1280',
      'maria|root|es|light|320',
      'maria|notifications|es|light|1280',
      'maria|notifications|es|light|320',
    ]);
  });

  it('gives a path to the manifest entry with the longest route that holds it', () => {
    const routes = [
      { id: 'home', route: '/' },
      { id: 'feedback', route: '/feedback' },
      { id: 'roadmap-admin', route: '/admin/roadmap' },
    ];
    expect(mfeForPath('/', routes)).toBe('home');
    expect(mfeForPath('/feedback/accessibility', routes)).toBe('feedback');
    expect(mfeForPath('/feedbackish', routes)).toBe('shell');
    expect(mfeForPath('/accessibility', routes)).toBe('shell');
  });
});

import type { Reporter, TestModule } from 'vitest/node';

interface StoryReport {
  type?: string;
  status?: string;
  result?: { violations?: unknown[] };
}

/**
 * Prints one line per story project: how many stories ran and how many axe checks the Storybook
 * a11y addon attached to them (one per story, in that project's theme), with their violations.
 */
export default class A11ySummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const byProject = new Map<string, { stories: number; axe: number; violations: number }>();
    for (const module of testModules) {
      const project = module.project.name;
      if (!project.startsWith('design-system-stories')) continue;
      const entry = byProject.get(project) ?? { stories: 0, axe: 0, violations: 0 };
      for (const test of module.children.allTests()) {
        if (test.result().state === 'skipped') continue;
        entry.stories += 1;
        const reports = ((test.meta() as { reports?: StoryReport[] }).reports ?? []).filter(
          (r) => r.type === 'a11y',
        );
        entry.axe += reports.length;
        entry.violations += reports.reduce((n, r) => n + (r.result?.violations?.length ?? 0), 0);
      }
      byProject.set(project, entry);
    }
    if (byProject.size === 0) return;
    let total = { stories: 0, axe: 0, violations: 0 };
    for (const [project, e] of [...byProject].sort()) {
      console.log(`[a11y] ${project}: ${e.stories} stories, ${e.axe} axe checks, ${e.violations} violations`);
      total = {
        stories: total.stories + e.stories,
        axe: total.axe + e.axe,
        violations: total.violations + e.violations,
      };
    }
    console.log(
      `[a11y] total: ${total.stories} story tests, ${total.axe} axe checks, ${total.violations} violations`,
    );
  }
}

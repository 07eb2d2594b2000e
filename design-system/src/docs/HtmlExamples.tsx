import { Source } from '@storybook/addon-docs/blocks';
import type { ComponentExamples } from '../html/examples.tsx';

// Written by scripts/html-examples.ts before Storybook starts or builds (and before the tests).
const generated = import.meta.glob<ComponentExamples[]>('../../html/examples.json', {
  eager: true,
  import: 'default',
});
const examples = Object.values(generated)[0] ?? [];

/**
 * The framework-free HTML of a component, generated from its stories with react-dom/server: what
 * an Angular or plain-JavaScript micro-frontend writes, with the `cp-` CSS and the behaviours.
 */
export function HtmlExamples({ component }: { component: string }) {
  const entry = examples.find((candidate) => candidate.component === component);
  return (
    <section>
      <h2 id="framework-free-html">Framework-free HTML</h2>
      <p>
        For Angular, web-component or plain-JavaScript micro-frontends: this markup with{' '}
        <code>@carpeta/design-system/styles.css</code> (the shell loads it once), and{' '}
        <code>init(element)</code> from <code>@carpeta/design-system/behaviours</code> for the keyboard and
        focus behaviour (it returns a function that removes every listener, for the MFE's unmount). It is
        generated from this component's stories, never written by hand, and checked with axe in every theme.
      </p>
      {entry ? (
        entry.examples.map((example) => (
          <div key={example.id}>
            <h3>{example.name}</h3>
            <Source code={example.html} language="html" dark={false} />
          </div>
        ))
      ) : (
        <p>
          Not generated yet: run <code>pnpm --filter @carpeta/design-system run html</code>.
        </p>
      )}
    </section>
  );
}

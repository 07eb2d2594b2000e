import type { ComponentType, ReactElement } from 'react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/*
 * The framework-free HTML of every component, GENERATED from its React stories (never written by
 * hand): each story's args rendered with react-dom/server. Loaded by scripts/html-examples.ts
 * through Vite (it runs the stories' TSX), which writes html/<component>.html and
 * html/examples.json. A story leaves itself out with `parameters: { html: false }`, or gives the
 * HTML other args with `parameters: { html: { args } }` (e.g. a dialog rendered open, so that its
 * content is in the markup).
 */

export interface HtmlExample {
  /** The story's export name, e.g. "WithHint". */
  id: string;
  /** Its display name, e.g. "With Hint". */
  name: string;
  html: string;
}

export interface ComponentExamples {
  /** The component's folder name, e.g. "ErrorSummary". */
  component: string;
  /** Its Storybook title, e.g. "Components/ErrorSummary". */
  title: string;
  /** File name under html/, e.g. "error-summary.html". */
  file: string;
  examples: HtmlExample[];
}

type Args = Record<string, unknown>;
type Render = (args: Args, context: unknown) => ReactElement;
interface StoryLike {
  name?: string;
  args?: Args;
  render?: Render;
  parameters?: { html?: false | { args?: Args } };
}
interface MetaLike {
  title?: string;
  component?: ComponentType<Args>;
  args?: Args;
  render?: Render;
  parameters?: { html?: false | { args?: Args } };
}

const stories = import.meta.glob<Record<string, unknown>>('../components/*/*.stories.tsx', { eager: true });

/** "WithHint" → "With Hint" (what Storybook shows). */
export function storyName(exportName: string): string {
  return exportName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/^./, (first) => first.toUpperCase());
}

/** "ErrorSummary" → "error-summary". */
export function fileName(component: string): string {
  return `${component.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.html`;
}

/** One story as React renders it: its render function (hooks allowed) or its component. */
function Example({ meta, story, args }: { meta: MetaLike; story: StoryLike; args: Args }) {
  const render = story.render ?? meta.render;
  if (render) return render(args, { args });
  const Component = meta.component;
  if (!Component) throw new Error('a story without render and component');
  return createElement(Component, args);
}

function renderStory(meta: MetaLike, story: StoryLike, prefix: string): string {
  const forMeta = meta.parameters?.html;
  const forStory = story.parameters?.html;
  const args: Args = {
    ...meta.args,
    ...(forMeta ? forMeta.args : {}),
    ...story.args,
    ...(forStory ? forStory.args : {}),
  };
  // Each example its own id prefix, so that several examples can share one page.
  return renderToStaticMarkup(createElement(Example, { meta, story, args }), { identifierPrefix: prefix });
}

export function collectExamples(): ComponentExamples[] {
  const result: ComponentExamples[] = [];
  for (const [path, module] of Object.entries(stories).sort(([a], [b]) => a.localeCompare(b))) {
    const component = path.split('/').at(-2) ?? path;
    const meta = module.default as MetaLike | undefined;
    if (!meta || meta.parameters?.html === false) continue;
    const examples: HtmlExample[] = [];
    for (const [exportName, value] of Object.entries(module)) {
      if (exportName === 'default' || exportName.startsWith('__') || typeof value !== 'object' || !value)
        continue;
      const story = value as StoryLike;
      if (story.parameters?.html === false) continue;
      const prefix = `${fileName(component).replace('.html', '')}-${exportName.toLowerCase()}-`;
      examples.push({
        id: exportName,
        name: story.name ?? storyName(exportName),
        html: renderStory(meta, story, prefix),
      });
    }
    if (examples.length === 0) continue;
    result.push({ component, title: meta.title ?? component, file: fileName(component), examples });
  }
  return result;
}

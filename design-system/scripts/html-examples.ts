import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'prettier';
import { createServer } from 'vite';
import type { ComponentExamples } from '../src/html/examples.tsx';

/*
 * Writes the framework-free HTML of every component, generated from its React stories:
 *   html/<component>.html   a page per component (open it next to src/styles.css)
 *   html/examples.json      every example, for Storybook's "HTML" blocks and the axe test
 * Run: `pnpm --filter @carpeta/design-system run html` (Storybook and the tests run it first).
 * The files are build output (git-ignored): never edit them, change the component or its stories.
 */

const ROOT = path.join(import.meta.dirname, '..');
export const HTML_DIR = path.join(ROOT, 'html');

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(entry: ComponentExamples): string {
  const sections = entry.examples
    .map(
      (example) => `      <div class="cp-stack" id="example-${example.id}">
        <h2 class="cp-heading-m">${escapeText(example.name)}</h2>
${example.html.replace(/^/gm, '        ')}
      </div>`,
    )
    .join('\n');
  return `<!doctype html>
<!-- Generated from the React component ${entry.component} by design-system/scripts/html-examples.ts. Do not edit. -->
<html lang="es">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeText(entry.component)}: HTML sin framework · Carpeta</title>
    <link rel="stylesheet" href="../src/styles.css" />
  </head>
  <body>
    <div class="cp-width-container cp-main cp-stack">
    <h1 class="cp-heading-l">${escapeText(entry.component)}</h1>
    <p>Keyboard and focus behaviour: <code>init(element)</code> of <code>@carpeta/design-system/behaviours</code>.</p>
${sections}
    </div>
  </body>
</html>
`;
}

/** Renders every story through Vite (the stories are TSX) and writes the files. */
export async function writeHtmlExamples(): Promise<ComponentExamples[]> {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  let examples: ComponentExamples[];
  try {
    const module = (await server.ssrLoadModule(
      '/src/html/examples.tsx',
    )) as typeof import('../src/html/examples.tsx');
    examples = module.collectExamples();
  } finally {
    await server.close();
  }
  // Readable markup (Prettier keeps what is significant: whitespace as CSS displays it).
  for (const entry of examples) {
    for (const example of entry.examples) {
      example.html = (
        await format(example.html, { parser: 'html', printWidth: 100, htmlWhitespaceSensitivity: 'css' })
      ).trim();
    }
  }
  await mkdir(HTML_DIR, { recursive: true });
  // Components that no longer exist leave no page behind.
  for (const file of await readdir(HTML_DIR)) {
    if (file.endsWith('.html') && !examples.some((entry) => entry.file === file)) {
      await rm(path.join(HTML_DIR, file));
    }
  }
  await Promise.all(examples.map((entry) => writeFile(path.join(HTML_DIR, entry.file), page(entry))));
  await writeFile(path.join(HTML_DIR, 'examples.json'), `${JSON.stringify(examples, null, 2)}\n`);
  return examples;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const examples = await writeHtmlExamples();
  const count = examples.reduce((sum, entry) => sum + entry.examples.length, 0);
  console.log(
    `html: ${count} examples of ${examples.length} components in ${path.relative(process.cwd(), HTML_DIR)} (${Math.round(performance.now() - started)} ms)`,
  );
}

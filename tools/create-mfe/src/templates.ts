// The files of a new MFE. They follow the shipped ones (mfes/health for React, mfes/municipal for
// plain JavaScript, mfes/representation for Angular) and stay within the project's rules: text through the MFE's messages in every
// portal language, data only through `props.api`, DOM built with DOM APIs.
import type { MfeAnswers } from './options.ts';

/**
 * The versions every shipped MFE pins (a unit test compares them with mfes/health and
 * mfes/municipal, so that a new MFE never lags behind).
 */
export const VERSIONS = {
  preact: '10.29.8',
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@module-federation/vite': '1.23.0',
  '@storybook/react-vite': '10.6.7',
  '@testing-library/react': '16.3.3',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@vitejs/plugin-react': '6.3.0',
  storybook: '10.6.7',
  vite: '8.3.8',
  '@angular/common': '22.2.6',
  '@angular/core': '22.2.6',
  '@angular/platform-browser': '22.2.6',
  rxjs: '7.8.2',
  '@analogjs/vite-plugin-angular': '2.7.5',
  '@angular/build': '22.2.6',
  '@angular/compiler': '22.2.6',
  '@angular/compiler-cli': '22.2.6',
  typescript: '6.0.3',
  // A package outside the repository brings its own test runner (the repository's root has them).
  vitest: '4.1.12',
  'happy-dom': '21.0.4',
  // The conformance kit's optional peers (it drives the system's Chromium; nothing is downloaded).
  'playwright-core': '1.65.1',
  'axe-core': '4.14.1',
} as const;

/**
 * The contract's range a package outside the repository depends on: the major the portal's shell
 * requires (`strictVersion`), from the registry or the tarballs of `npm run contract:pack`.
 */
export const CONTRACT_RANGE = '^1.0.0';

/**
 * Where the package goes: `workspace` is mfes/<name> of a Carpeta checkout (the contract from the
 * workspace, the repository's tsconfig and test runner); `standalone` is an agency's own repository.
 */
export type Layout = 'workspace' | 'standalone';

/** A TypeScript string literal in the quotes the formatter keeps (single unless the text has one). */
export function tsString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  if (value.includes("'") && !value.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

function packageJson(answers: MfeAnswers, portOffset: number, layout: Layout): string {
  const react = answers.framework === 'react';
  const angular = answers.framework === 'angular';
  const standalone = layout === 'standalone';
  const contract = standalone ? CONTRACT_RANGE : 'workspace:*';
  const pkg = {
    name: standalone ? `mfe-${answers.name}` : `@carpeta/mfe-${answers.name}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: `${answers.title}: ${answers.ownerName} (${answers.owner})`,
    scripts: {
      dev: 'vite',
      build: 'vite build',
      // In the repository, `pnpm typecheck` at the root checks every package's tsconfig.json.
      ...(standalone ? { typecheck: 'tsc -p tsconfig.json', test: 'vitest run' } : {}),
      // The agency kit on the build: mounts, leaks, singletons, axe, size, translations. An Angular
      // remote's size counts the part of Angular it bundles, within the default budget.
      conformance: 'carpeta-conformance dist',
    },
    dependencies: {
      '@carpeta/design-system': contract,
      '@carpeta/sdk': contract,
      ...(react
        ? { preact: VERSIONS.preact, react: VERSIONS.react, 'react-dom': VERSIONS['react-dom'] }
        : {}),
      ...(angular
        ? {
            '@angular/common': VERSIONS['@angular/common'],
            '@angular/core': VERSIONS['@angular/core'],
            '@angular/platform-browser': VERSIONS['@angular/platform-browser'],
            rxjs: VERSIONS.rxjs,
          }
        : {}),
    },
    devDependencies: {
      ...(angular
        ? {
            '@analogjs/vite-plugin-angular': VERSIONS['@analogjs/vite-plugin-angular'],
            '@angular/build': VERSIONS['@angular/build'],
            '@angular/compiler': VERSIONS['@angular/compiler'],
            '@angular/compiler-cli': VERSIONS['@angular/compiler-cli'],
          }
        : {}),
      '@module-federation/vite': VERSIONS['@module-federation/vite'],
      ...(react
        ? {
            '@storybook/react-vite': VERSIONS['@storybook/react-vite'],
            '@testing-library/react': VERSIONS['@testing-library/react'],
            '@types/react': VERSIONS['@types/react'],
            '@types/react-dom': VERSIONS['@types/react-dom'],
            '@vitejs/plugin-react': VERSIONS['@vitejs/plugin-react'],
            storybook: VERSIONS.storybook,
          }
        : {}),
      ...(answers.framework !== 'react' && !standalone
        ? {
            '@storybook/react-vite': VERSIONS['@storybook/react-vite'],
            storybook: VERSIONS.storybook,
          }
        : {}),
      ...(standalone
        ? {
            'axe-core': VERSIONS['axe-core'],
            'happy-dom': VERSIONS['happy-dom'],
            'playwright-core': VERSIONS['playwright-core'],
          }
        : {}),
      ...(angular || standalone ? { typescript: VERSIONS.typescript } : {}),
      vite: VERSIONS.vite,
      ...(standalone ? { vitest: VERSIONS.vitest } : {}),
    },
    carpeta: { portOffset },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const TSCONFIG = `{
  "extends": "../../tsconfig.json",
  "compilerOptions": { "types": ["vite/client"] },
  "include": ["src", "*.ts"]
}
`;

/** The repository's compiler options, for a package that has no repository tsconfig to extend. */
const STANDALONE_TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2023",
    "lib": ["ES2023", "DOM", "DOM.Iterable"],
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "moduleDetection": "force",
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "noImplicitOverride": true,
    "noFallthroughCasesInSwitch": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "erasableSyntaxOnly": true,
    "verbatimModuleSyntax": true,
    "allowImportingTsExtensions": true,
    "resolveJsonModule": true,
    "isolatedModules": true,
    "skipLibCheck": true,
    "noEmit": true,
    "jsx": "react-jsx",
    "types": ["vite/client"]
  },
  "include": ["src", "*.ts"]
}
`;

function indexHtml(answers: MfeAnswers): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Carpeta micro-frontend: ${answers.name}</title>
  </head>
  <body>
    <main>
      <h1>Carpeta micro-frontend: ${answers.name}</h1>
      <p>This is a remote module. It is mounted by the Carpeta portal from its manifest; open the portal instead.</p>
    </main>
  </body>
</html>
`;
}

function viteConfig(answers: MfeAnswers): string {
  if (answers.framework === 'angular') {
    return `import angular from '@analogjs/vite-plugin-angular';
import { defineCarpetaMfe } from '@carpeta/sdk/vite';

const source = \`\${import.meta.dirname}/src/\`;

// Port, federation, shared singletons and build settings come from the portal's preset.
export default defineCarpetaMfe({
  name: '${answers.name}',
  framework: 'angular',
  // The Angular compiler compiles this MFE's own code; the sdk and the rest are plain TypeScript.
  plugins: [
    angular({ tsconfig: 'tsconfig.app.json', transformFilter: (_code, id) => id.startsWith(source) }),
  ],
  exposes: { './lifecycles': './src/lifecycles.ts' },
});
`;
  }
  const entry = answers.framework === 'react' ? './src/lifecycles.tsx' : './src/lifecycles.ts';
  const framework = answers.framework === 'react' ? '' : `\n  framework: '${answers.framework}',`;
  return `import { defineCarpetaMfe } from '@carpeta/sdk/vite';

// Port, federation, shared singletons and build settings come from the portal's preset.
export default defineCarpetaMfe({
  name: '${answers.name}',${framework}
  exposes: { './lifecycles': '${entry}' },
});
`;
}

function vitestConfig(answers: MfeAnswers): string {
  if (answers.framework === 'angular') {
    return `import angular from '@analogjs/vite-plugin-angular';
import { defineProject } from 'vitest/config';

const source = \`\${import.meta.dirname}/src/\`;

export default defineProject({
  // The Angular compiler (just in time under Vitest) for this MFE's components.
  plugins: [
    angular({ tsconfig: 'tsconfig.spec.json', transformFilter: (_code, id) => id.startsWith(source) }),
  ],
  test: {
    name: 'mfe-${answers.name}',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    pool: 'forks',
  },
});
`;
  }
  const framework = answers.framework === 'react' ? '' : `, framework: '${answers.framework}'`;
  return `import { defineProject } from 'vitest/config';
import { carpetaMfeTests } from '@carpeta/sdk/vite';

export default defineProject(carpetaMfeTests({ name: '${answers.name}'${framework} }));
`;
}

/** The words of the MFE's screen in each language but Spanish (the title: the one it was created with). */
const TRANSLATIONS: Record<'ca' | 'gl' | 'eu' | 'va' | 'en', { intro: string; next: string }> = {
  ca: {
    intro: 'Aquest servei l’ofereix {{owner}}.',
    next: 'Aquí trobaràs els teus tràmits amb aquesta administració.',
  },
  gl: {
    intro: 'Este servizo ofréceo {{owner}}.',
    next: 'Aquí atoparás os teus trámites con esta administración.',
  },
  eu: {
    intro: '{{owner}} erakundeak eskaintzen du zerbitzu hau.',
    next: 'Hemen aurkituko dituzu administrazio honekin dituzun izapideak.',
  },
  va: {
    intro: 'Este servei l’oferix {{owner}}.',
    next: 'Ací trobaràs els teus tràmits amb esta administració.',
  },
  en: {
    intro: 'This service is provided by {{owner}}.',
    next: 'Here you will find your procedures with this administration.',
  },
};

/**
 * `src/messages.ts`: Spanish in the MFE's code, every other language a module of its own that the
 * MFE loads on demand (`LazyCatalog`), so that a reader downloads only the language they read.
 */
function messages(answers: MfeAnswers): string {
  const title = tsString(answers.title);
  const loaders = Object.keys(TRANSLATIONS)
    .map(
      (language) =>
        `  ${language}: () => import('./messages/${language}.ts').then((module) => module.${language}),`,
    )
    .join('\n');
  return `import type { LazyCatalog, Localized } from '@carpeta/sdk';

// The MFE's own words (Spanish is required). Each other portal language is in messages/<language>.ts,
// loaded for a reader of it only: the gateway hints that file on a page in its language. The title
// is the one given when the MFE was created: translate it there and in gateway/config/mfes.json.
const es = {
  title: ${title},
  intro: 'Este servicio lo ofrece {{owner}}.',
  next: 'Aquí encontrarás tus trámites con esta administración.',
};

/** The shape of every language's messages: the Spanish keys (see \`Localized\`). */
export type Messages = Localized<typeof es>;

export const messages = {
  es,
${loaders}
} satisfies LazyCatalog<typeof es>;

/** The administration that owns this MFE (its DIR3 code and name, as in the manifest). */
export const OWNER = { dir3: ${tsString(answers.owner)}, name: ${tsString(answers.ownerName)} } as const;
`;
}

/** \`src/messages/<language>.ts\` for each language but Spanish. */
function translations(answers: MfeAnswers): Record<string, string> {
  const title = tsString(answers.title);
  return Object.fromEntries(
    Object.entries(TRANSLATIONS).map(([language, words]) => [
      `src/messages/${language}.ts`,
      `import type { Messages } from '../messages.ts';

export const ${language}: Messages = {
  title: ${title},
  intro: ${tsString(words.intro)},
  next: ${tsString(words.next)},
};
`,
    ]),
  );
}

function reactFiles(answers: MfeAnswers): Record<string, string> {
  return {
    'src/lifecycles.tsx': `import { createLifecycles } from '@carpeta/sdk/react';
import { App } from './App.tsx';
import { messages } from './messages.ts';

const lifecycles = createLifecycles({ rootComponent: App, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
`,
    'src/App.tsx': `import { useTranslation } from '@carpeta/sdk/react';
import { OWNER } from './messages.ts';

/** The MFE's first screen. Its data comes through \`useCarpeta().api\` (never \`fetch\`). */
export function App() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="cp-lead">{t('intro', { owner: OWNER.name })}</p>
      <p>{t('next')}</p>
    </>
  );
}
`,
    // Shown in the design system's Storybook under "MFEs/<name>", axe-checked in every theme.
    'src/App.stories.tsx': story(answers, './lifecycles.tsx'),
    'src/App.test.tsx': `import { createTestProps, mountForTest, switchLanguage } from '@carpeta/sdk/testing';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.tsx';
import { messages, OWNER } from './messages.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('${answers.name} MFE', () => {
  it('shows its screen in Spanish, follows the language, and leaves nothing behind', async () => {
    const test = createTestProps({ mfeId: '${answers.name}', basePath: '${answers.route}' });
    await mountForTest(lifecycles, test.props);
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe(messages.es.title);
    expect(root.textContent).toContain(\`Este servicio lo ofrece \${OWNER.name}.\`);

    // As the shell switches: the MFE's English messages first (loaded on demand), then the language.
    await switchLanguage(lifecycles, test, 'en');
    expect(root.textContent).toContain(\`This service is provided by \${OWNER.name}.\`);

    await act(() => lifecycles.unmount(test.props));
    expect(root.childElementCount).toBe(0);
    expect(test.languageListeners()).toBe(0);
    expect(test.telemetry.errors).toEqual([]);
  });
});
`,
  };
}

/**
 * The MFE's story (React and plain TypeScript alike: `mfeScreen` mounts it through its lifecycles),
 * shown in the design system's Storybook under "MFEs/<name>" and axe-checked there in every theme.
 */
function story(answers: MfeAnswers, lifecycles: string): string {
  // Angular components are compiled just in time in the Storybook's tests: the compiler loads first.
  const compiler =
    answers.framework === 'angular'
      ? "// Compiled just in time in the Storybook's tests (as in src/test-setup.ts): the compiler loads first.\nimport '@angular/compiler';\n"
      : '';
  return `${compiler}import type { Language } from '@carpeta/sdk';
import { fetchFrom, mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import lifecycles from '${lifecycles}';
import { messages } from './messages.ts';
import { eu } from './messages/eu.ts';

/**
 * The MFE's screen in each state, mounted through its lifecycles. When it calls the API, answer
 * it with MSW handlers in src/test/handlers.ts, shared with its unit test (see mfes/files), and add
 * the loading, empty, partial sources and error states.
 */
const meta = { title: 'Start', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const noApi = fetchFrom(async () => undefined);
const screen = (language: Language, shows: string): Story =>
  mfeScreen({ lifecycles, mfeId: '${answers.name}', fetch: noApi, language, shows });

export const Spanish = screen('es', messages.es.title);
export const LongBasqueText: Story = { ...screen('eu', eu.title), name: 'Long Basque text (eu)' };
`;
}

function vanillaFiles(answers: MfeAnswers): Record<string, string> {
  return {
    'src/lifecycles.ts': `import { createLifecycles } from '@carpeta/sdk/vanilla';
import { mountApp } from './app.ts';
import { messages } from './messages.ts';

/** The single-spa lifecycles the shell mounts: plain TypeScript, no framework. */
const lifecycles = createLifecycles({ messages, mount: mountApp });

export const { bootstrap, mount, unmount, update } = lifecycles;
export default lifecycles;
`,
    'src/app.ts': `import type { CarpetaProps } from '@carpeta/sdk';
import { h, type VanillaMount } from '@carpeta/sdk/vanilla';
import { OWNER } from './messages.ts';

/**
 * The MFE's first screen, built with DOM APIs (text is always text). Its data comes through
 * \`props.api\` (never \`fetch\`); listeners take \`mount.signal\`, so that nothing outlives the MFE.
 */
export function mountApp(element: HTMLElement, _props: CarpetaProps, mount: VanillaMount): void {
  const render = () => {
    const { t } = mount;
    element.replaceChildren(
      h('h1', { class: 'cp-heading-xl' }, t('title')),
      h('p', { class: 'cp-lead' }, t('intro', { owner: OWNER.name })),
      h('p', null, t('next')),
    );
  };
  render();
  mount.onLanguageChange(render);
}
`,
    'src/app.test.ts': `import { createTestProps } from '@carpeta/sdk/testing/props';
import { afterEach, describe, expect, it } from 'vitest';
import lifecycles from './lifecycles.ts';
import { messages, OWNER } from './messages.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('${answers.name} MFE', () => {
  it('shows its screen in Spanish, follows the language, and leaves nothing behind', async () => {
    const test = createTestProps({ mfeId: '${answers.name}', basePath: '${answers.route}' });
    await lifecycles.bootstrap(test.props);
    await lifecycles.mount(test.props);
    const root = test.props.domElement;
    expect(root.querySelector('h1')?.textContent).toBe(messages.es.title);
    expect(root.textContent).toContain(\`Este servicio lo ofrece \${OWNER.name}.\`);

    // As the shell switches: the MFE's English messages first (loaded on demand), then the language.
    await lifecycles.prepare?.('en');
    test.setLanguage('en');
    expect(root.textContent).toContain(\`This service is provided by \${OWNER.name}.\`);

    await lifecycles.unmount(test.props);
    expect(root.childElementCount).toBe(0);
    expect(test.languageListeners()).toBe(0);
  });
});
`,
  };
}

/** The Angular component's class name and selector, from the MFE's name. */
/**
 * The Vite plugins the design system's Storybook adds for an Angular MFE's stories (as
 * mfes/representation/storybook.vite.ts): the Angular compiler for the MFE's own sources only.
 */
const ANGULAR_STORYBOOK = `import angular from '@analogjs/vite-plugin-angular';
import type { Plugin, PluginOption } from 'vite';

const source = \`\${import.meta.dirname}/src/\`;

/**
 * The Vite plugins the design system's Storybook adds for this MFE's stories
 * (\`design-system/.storybook/main.ts\` loads \`mfes/<name>/storybook.vite.ts\` where one exists): the
 * Angular compiler for this MFE's own sources only, as its unit tests use it (just in time under
 * Vitest, ahead of time in \`storybook dev\`/\`build\`). The React stories around it are untouched.
 */
const plugins: PluginOption[] = [
  {
    // Analog turns Vite's TypeScript/JSX transform (oxc) off unless the config sets one, which
    // would leave every React story untransformed: keep it on, for everything but this MFE's
    // sources, which the Angular plugin compiles.
    name: 'carpeta:keeps-oxc',
    config: (config) => ({
      oxc: {
        ...(config.oxc || {}),
        exclude: [new RegExp(\`^\${source.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&')}.*\\\\.ts$\`)],
      },
    }),
  },
  // Compiled before Storybook's react-docgen (also \`pre\`) reads the file: Babel cannot parse
  // Angular's decorators, and the compiled components have no React props to document anyway.
  ...angular({
    tsconfig: \`\${import.meta.dirname}/tsconfig.spec.json\`,
    transformFilter: (_code, id) => id.startsWith(source),
  }).map(
    (plugin: Plugin): Plugin =>
      plugin.name === '@analogjs/vite-plugin-angular' ? { ...plugin, enforce: 'pre' } : plugin,
  ),
];
export default plugins;
`;

function angularNames(name: string): { className: string; selector: string } {
  const pascal = name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return { className: `${pascal}AppComponent`, selector: `mfe-${name}-app` };
}

function angularFiles(answers: MfeAnswers): Record<string, string> {
  const { className, selector } = angularNames(answers.name);
  return {
    'tsconfig.app.json': `{
  "extends": "./tsconfig.json",
  "compilerOptions": { "noEmit": false, "sourceMap": true, "declaration": false },
  "angularCompilerOptions": {
    "strictInjectionParameters": true,
    "strictInputAccessModifiers": true,
    "strictTemplates": true
  },
  "files": [],
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.test.ts", "src/**/*.stories.ts", "src/test-setup.ts"]
}
`,
    'tsconfig.spec.json': `{
  "extends": "./tsconfig.json",
  "compilerOptions": { "noEmit": false, "sourceMap": true, "declaration": false },
  "files": [],
  "include": ["src/**/*.ts"]
}
`,
    'src/lifecycles.ts': `import { createAngularLifecycles } from '@carpeta/sdk/angular';
import { ${className} } from './app.component.ts';
import { messages } from './messages.ts';

/** The single-spa lifecycles the shell mounts: one zoneless Angular application per mount. */
const lifecycles = createAngularLifecycles({ rootComponent: ${className}, messages });

export const { bootstrap, mount, unmount } = lifecycles;
export default lifecycles;
`,
    'src/app.component.ts': `import { ChangeDetectionStrategy, Component } from '@angular/core';
import { injectTranslate } from '@carpeta/sdk/angular';
import { OWNER } from './messages.ts';

/**
 * The MFE's first screen, a standalone component. Its data comes through \`injectApi()\` (never
 * \`fetch\`); the shell's other props through the sdk's other inject functions.
 */
@Component({
  selector: '${selector}',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: \`
    <h1>{{ t('title') }}</h1>
    <p class="cp-lead">{{ t('intro', { owner: owner.name }) }}</p>
    <p>{{ t('next') }}</p>
  \`,
})
export class ${className} {
  protected readonly t = injectTranslate();
  protected readonly owner = OWNER;
}
`,
    'src/test-setup.ts': `// The components are compiled just in time under Vitest (ahead of time by the Vite build).
import '@angular/compiler';
import { getTestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';

getTestBed().initTestEnvironment(BrowserTestingModule, platformBrowserTesting());
`,
    'src/app.test.ts': `import { createTestProps } from '@carpeta/sdk/testing/props';
import { afterEach, describe, expect, it, vi } from 'vitest';
import lifecycles from './lifecycles.ts';
import { messages, OWNER } from './messages.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('${answers.name} MFE', () => {
  it('shows its screen in Spanish, follows the language, and leaves nothing behind', async () => {
    const test = createTestProps({ mfeId: '${answers.name}', basePath: '${answers.route}' });
    await lifecycles.bootstrap(test.props);
    await lifecycles.mount(test.props);
    const root = test.props.domElement;
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(messages.es.title));
    expect(root.textContent).toContain(\`Este servicio lo ofrece \${OWNER.name}.\`);

    // As the shell switches: the MFE's English messages first (loaded on demand), then the language.
    await lifecycles.prepare?.('en');
    test.setLanguage('en');
    await vi.waitFor(() => expect(root.textContent).toContain(\`This service is provided by \${OWNER.name}.\`));

    await lifecycles.unmount(test.props);
    expect(root.childNodes).toHaveLength(0);
    expect(test.languageListeners()).toBe(0);
    expect(test.telemetry.errors).toEqual([]);
  });
});
`,
  };
}

/** Every file of the new package, by path relative to its folder (mfes/<name>/ in a checkout). */
export function packageFiles(
  answers: MfeAnswers,
  portOffset: number,
  layout: Layout = 'workspace',
): Record<string, string> {
  return {
    'package.json': packageJson(answers, portOffset, layout),
    'tsconfig.json': layout === 'standalone' ? STANDALONE_TSCONFIG : TSCONFIG,
    'index.html': indexHtml(answers),
    'vite.config.ts': viteConfig(answers),
    'vitest.config.ts': vitestConfig(answers),
    'src/messages.ts': messages(answers),
    ...translations(answers),
    ...(answers.framework === 'react'
      ? reactFiles(answers)
      : answers.framework === 'angular'
        ? angularFiles(answers)
        : vanillaFiles(answers)),
    // A plain-TypeScript or Angular MFE's story is composed by the design system's Storybook in a
    // checkout (Angular's compiler added by storybook.vite.ts); an agency's own package has no React
    // to host it.
    ...(answers.framework !== 'react' && layout === 'workspace'
      ? { 'src/App.stories.ts': story(answers, './lifecycles.ts') }
      : {}),
    ...(answers.framework === 'angular' && layout === 'workspace'
      ? {
          'storybook.vite.ts': ANGULAR_STORYBOOK.replace(
            'carpeta:keeps-oxc',
            `carpeta:${answers.name}-keeps-oxc`,
          ),
        }
      : {}),
    ...(layout === 'standalone' ? { '.gitignore': 'node_modules\ndist\n' } : {}),
  };
}

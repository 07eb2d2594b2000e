// The files of a new MFE. They follow the shipped ones (mfes/health for React, mfes/municipal for
// plain JavaScript) and stay within the project's rules: text through the MFE's messages in every
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
} as const;

/** A TypeScript string literal in the quotes the formatter keeps (single unless the text has one). */
export function tsString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  if (value.includes("'") && !value.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

function packageJson(answers: MfeAnswers, portOffset: number): string {
  const react = answers.framework === 'react';
  const pkg = {
    name: `@carpeta/mfe-${answers.name}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: `${answers.title}: ${answers.ownerName} (${answers.owner})`,
    scripts: { dev: 'vite', build: 'vite build', typecheck: 'tsc -p tsconfig.json' },
    dependencies: {
      '@carpeta/design-system': 'workspace:*',
      '@carpeta/sdk': 'workspace:*',
      ...(react
        ? { preact: VERSIONS.preact, react: VERSIONS.react, 'react-dom': VERSIONS['react-dom'] }
        : {}),
    },
    devDependencies: {
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
      vite: VERSIONS.vite,
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
  const framework = answers.framework === 'react' ? '' : `, framework: '${answers.framework}'`;
  return `import { defineProject } from 'vitest/config';
import { carpetaMfeTests } from '@carpeta/sdk/vite';

export default defineProject(carpetaMfeTests({ name: '${answers.name}'${framework} }));
`;
}

function messages(answers: MfeAnswers): string {
  const title = tsString(answers.title);
  return `import type { Catalog, Localized } from '@carpeta/sdk';

// The MFE's own words, in every portal language (Spanish is required). The title is the one given
// when the MFE was created: translate it here and in gateway/config/mfes.json when it has other names.
const es = {
  title: ${title},
  intro: 'Este servicio lo ofrece {{owner}}.',
  next: 'Aquí encontrarás tus trámites con esta administración.',
};

export type Messages = typeof es;

const ca: Localized<Messages> = {
  title: ${title},
  intro: 'Aquest servei l’ofereix {{owner}}.',
  next: 'Aquí trobaràs els teus tràmits amb aquesta administració.',
};

const gl: Localized<Messages> = {
  title: ${title},
  intro: 'Este servizo ofréceo {{owner}}.',
  next: 'Aquí atoparás os teus trámites con esta administración.',
};

const eu: Localized<Messages> = {
  title: ${title},
  intro: '{{owner}} erakundeak eskaintzen du zerbitzu hau.',
  next: 'Hemen aurkituko dituzu administrazio honekin dituzun izapideak.',
};

const va: Localized<Messages> = {
  title: ${title},
  intro: 'Este servei l’oferix {{owner}}.',
  next: 'Ací trobaràs els teus tràmits amb esta administració.',
};

const en: Localized<Messages> = {
  title: ${title},
  intro: 'This service is provided by {{owner}}.',
  next: 'Here you will find your procedures with this administration.',
};

export const messages = { es, ca, gl, eu, va, en } satisfies Catalog<Messages>;

/** The administration that owns this MFE (its DIR3 code and name, as in the manifest). */
export const OWNER = { dir3: ${tsString(answers.owner)}, name: ${tsString(answers.ownerName)} } as const;
`;
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
    'src/App.stories.tsx': `import type { Language } from '@carpeta/sdk';
import { fetchFrom, mfeScreen } from '@carpeta/sdk/testing/story';
import type { Meta, StoryObj } from '@storybook/react-vite';
import lifecycles from './lifecycles.tsx';
import { messages } from './messages.ts';

/**
 * The MFE's screen in each state, mounted through its lifecycles. When it calls the API, answer
 * it with MSW handlers in src/test/handlers.ts, shared with App.test.tsx (see mfes/files), and add
 * the loading, empty, partial sources and error states.
 */
const meta = { title: 'Start', parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const noApi = fetchFrom(async () => undefined);
const screen = (language: Language): Story =>
  mfeScreen({ lifecycles, mfeId: '${answers.name}', fetch: noApi, language, shows: messages[language].title });

export const Spanish = screen('es');
export const LongBasqueText: Story = { ...screen('eu'), name: 'Long Basque text (eu)' };
`,
    'src/App.test.tsx': `import { createTestProps, mountForTest } from '@carpeta/sdk/testing';
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

    await act(async () => test.setLanguage('en'));
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

    test.setLanguage('en');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.textContent).toContain(\`This service is provided by \${OWNER.name}.\`);

    await lifecycles.unmount(test.props);
    expect(root.childElementCount).toBe(0);
    expect(test.languageListeners()).toBe(0);
  });
});
`,
  };
}

/** Every file of the new package, by path relative to mfes/<name>/. */
export function packageFiles(answers: MfeAnswers, portOffset: number): Record<string, string> {
  return {
    'package.json': packageJson(answers, portOffset),
    'tsconfig.json': TSCONFIG,
    'index.html': indexHtml(answers),
    'vite.config.ts': viteConfig(answers),
    'vitest.config.ts': vitestConfig(answers),
    'src/messages.ts': messages(answers),
    ...(answers.framework === 'react' ? reactFiles(answers) : vanillaFiles(answers)),
  };
}

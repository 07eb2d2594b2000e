// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the manifest's own ${VAR} syntax.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkName,
  checkOwner,
  checkRoute,
  freePortOffset,
  InvalidAnswer,
  manifestEntryFor,
  parseAudience,
  validateAnswers,
  type Workspace,
} from './options.ts';
import { appendEntry, formatJson } from './scaffold.ts';
import { packageFiles, tsString, VERSIONS } from './templates.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

const workspace: Workspace = {
  packages: ['home', 'municipal', 'health'],
  portOffsets: [201, 202, 204],
  containers: ['carpeta_home', 'carpeta_municipal', 'carpeta_health'],
  entries: [
    { id: 'home', route: '/' },
    { id: 'municipal', route: '/municipal' },
    { id: 'health-madrid', route: '/health-madrid' },
    { id: 'roadmap-admin', route: '/admin/roadmap' },
  ],
  maxNavOrder: 70,
};

const valid = { name: 'tributos', owner: 'L01280796' };

function problemWith(raw: Record<string, string>): { field: string; message: string } {
  try {
    validateAnswers({ ...valid, ...raw }, workspace);
  } catch (error) {
    if (error instanceof InvalidAnswer) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('the answers were accepted');
}

describe('the answers of a new MFE', () => {
  it('fills the defaults of a minimal answer', () => {
    expect(validateAnswers(valid, workspace)).toEqual({
      name: 'tributos',
      owner: 'L01280796',
      ownerName: 'L01280796',
      framework: 'react',
      route: '/tributos',
      title: 'Tributos',
      minLoa: 'substantial',
      audience: undefined,
    });
  });

  it('refuses names that are not package names, or are taken', () => {
    expect(checkName('Tributos', workspace)).toMatch(/not a package name/);
    expect(checkName('tributos--x', workspace)).toMatch(/not a package name/);
    expect(checkName('1tributos', workspace)).toMatch(/not a package name/);
    expect(checkName('a'.repeat(31), workspace)).toMatch(/not a package name/);
    expect(checkName('municipal', workspace)).toBe('mfes/municipal already exists: choose another name');
    expect(checkName('health-madrid', workspace)).toMatch(
      /manifest already has an entry with id "health-madrid"/,
    );
    expect(checkName('salud-aragon', workspace)).toBeNull();
    expect(problemWith({ name: '' })).toEqual({
      field: 'name',
      message: '--name: required, e.g. --name tributos',
    });
  });

  it('takes only DIR3-shaped owners', () => {
    for (const code of ['L01280796', 'E00003901', 'A13002908', 'U00400001'])
      expect(checkOwner(code)).toBeNull();
    for (const code of ['l01280796', 'L0128079', 'L012807961', '001280796', 'L01-80796']) {
      expect(checkOwner(code)).toMatch(/is not a DIR3 code/);
    }
    expect(problemWith({ owner: 'madrid' }).field).toBe('owner');
  });

  it('refuses routes that clash with an existing entry, and malformed ones', () => {
    expect(checkRoute('/municipal', workspace)).toBe('/municipal is already the route of "municipal"');
    expect(checkRoute('/municipal/tasas', workspace)).toBe(
      '/municipal/tasas is inside /municipal, the route of "municipal"',
    );
    expect(checkRoute('/admin', workspace)).toBe(
      '/admin would contain /admin/roadmap, the route of "roadmap-admin"',
    );
    expect(checkRoute('/', workspace)).toMatch(/is not a route/);
    expect(checkRoute('tributos', workspace)).toMatch(/is not a route/);
    expect(checkRoute('/Tributos', workspace)).toMatch(/is not a route/);
    expect(checkRoute('/municipales', workspace)).toBeNull();
    expect(problemWith({ name: 'tasas', route: '/health-madrid' }).field).toBe('route');
  });

  it('reads an audience by INE codes, and says what is wrong with one', () => {
    expect(parseAudience('state')).toBeUndefined();
    expect(parseAudience('')).toBeUndefined();
    expect(parseAudience('municipality:28079')).toEqual({ municipalities: ['28079'] });
    expect(parseAudience('community:13, province:19')).toEqual({ communities: ['13'], provinces: ['19'] });
    expect(() => parseAudience('city:28079')).toThrow(/"city:28079" is not a place/);
    expect(() => parseAudience('municipality:99999')).toThrow(/INE municipality code/);
    expect(() => parseAudience('community:20')).toThrow(/INE community code/);
  });

  it('scaffolds React, plain JavaScript and Angular, and nothing else', () => {
    expect(validateAnswers({ ...valid, framework: 'vanilla' }, workspace).framework).toBe('vanilla');
    expect(validateAnswers({ ...valid, framework: 'angular' }, workspace).framework).toBe('angular');
    expect(problemWith({ framework: 'vue' }).message).toMatch(/"vue" is not one of: react, vanilla, angular/);
    expect(problemWith({ minLoa: 'medium' }).field).toBe('min-loa');
  });
});

describe('what the scaffolder writes', () => {
  it('takes the lowest free port offset from 201', () => {
    expect(freePortOffset(workspace)).toBe(203);
    expect(freePortOffset({ ...workspace, portOffsets: [] })).toBe(201);
  });

  it('writes a manifest entry the sdk accepts, with the portal variable of its URL', () => {
    const answers = validateAnswers(
      { ...valid, ownerName: 'Ayuntamiento de Madrid', audience: 'municipality:28079' },
      workspace,
    );
    expect(manifestEntryFor(answers, 212, 80)).toEqual({
      id: 'tributos',
      title: { es: 'Tributos' },
      owner: { id: 'L01280796', name: 'Ayuntamiento de Madrid' },
      kind: 'administration',
      route: '/tributos',
      nav: { order: 80, show: true },
      framework: 'react',
      remote: {
        name: 'carpeta_tributos',
        entry: '${MFE_TRIBUTOS_URL:-http://127.0.0.1:4212}/remoteEntry.js',
        expose: './lifecycles',
      },
      minLoa: 'substantial',
      scopes: [],
      version: '0.1.0',
      audience: { municipalities: ['28079'] },
    });
  });

  it('appends the entry and leaves every other line of the manifest configuration as it was', () => {
    const config = readFileSync(join(ROOT, 'gateway', 'config', 'mfes.json'), 'utf8');
    const entry = manifestEntryFor(validateAnswers(valid, workspace), 212, 80);
    const updated = appendEntry(config, entry);
    const lastBrace = config.lastIndexOf('}', config.lastIndexOf(']'));
    expect(updated.startsWith(config.slice(0, lastBrace + 1))).toBe(true);
    expect(updated.endsWith(config.slice(lastBrace + 1))).toBe(true);
    const parsed = JSON.parse(updated) as { mfes: unknown[] };
    expect(parsed.mfes.at(-1)).toEqual(entry);
    expect(formatJson({ a: [], b: ['x', 'y'], c: { d: [1] } })).toBe(
      '{\n  "a": [],\n  "b": ["x", "y"],\n  "c": {\n    "d": [1]\n  }\n}',
    );
  });

  it('writes hostile titles as string literals, not code', () => {
    expect(tsString("it's")).toBe(`"it's"`);
    expect(tsString(`a'b"c\\`)).toBe(`'a\\'b"c\\\\'`);
    const files = packageFiles(validateAnswers({ ...valid, title: "'); alert(1); ('" }, workspace), 212);
    expect(files['src/messages.ts']).toContain(`title: "'); alert(1); ('",`);
  });

  it('pins the versions the shipped MFEs pin', () => {
    const pins = (name: string) => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'mfes', name, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
        devDependencies: Record<string, string>;
      };
      return { ...pkg.dependencies, ...pkg.devDependencies };
    };
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    // The test runner of a package outside the repository: the repository root's.
    const shipped: Record<string, string | undefined> = {
      vitest: root.devDependencies.vitest,
      'happy-dom': root.devDependencies['happy-dom'],
      // The kit's optional peers: the versions the sdk is developed with.
      ...JSON.parse(readFileSync(join(ROOT, 'sdk', 'package.json'), 'utf8')).devDependencies,
      ...pins('municipal'),
      ...pins('health'),
      ...pins('representation'),
    };
    for (const [name, version] of Object.entries(VERSIONS))
      expect([name, shipped[name]]).toEqual([name, version]);
  });
});

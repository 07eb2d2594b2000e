import { PROVINCE_CODES, PROVINCE_COMMUNITY } from './regions.ts';

/*
 * A generated manifest configuration at the scale of the real service, for tests and the bench: one
 * entry per municipality of Spain (8,000+, each a city council's own micro-frontend on its own
 * origin), one per autonomous community, and the State-wide entries. Generated, never committed.
 */

/** Municipality codes (INE, 5 digits) the tests look at by name, always in the generated set. */
export const KNOWN_MUNICIPALITIES = {
  madrid: '28079',
  getafe: '28065',
  barcelona: '08019',
  valencia: '46250',
  sevilla: '41091',
  toledo: '45168',
} as const;

/** 157 per province × 52 provinces = 8,164 codes, plus the known ones outside that range. */
export function generatedMunicipalities(perProvince = 157): string[] {
  const codes = new Set<string>();
  for (const province of PROVINCE_CODES) {
    for (let n = 1; n <= perProvince; n += 1) codes.add(`${province}${String(n).padStart(3, '0')}`);
  }
  for (const code of Object.values(KNOWN_MUNICIPALITIES)) codes.add(code);
  return [...codes].sort();
}

export const COMMUNITY_CODES: readonly string[] = [...new Set(Object.values(PROVINCE_COMMUNITY))].sort();

const entry = (id: string, origin: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: { es: `Servicio ${id}`, en: `Service ${id}` },
  owner: { id: 'L01000000', name: `Administración ${id}` },
  kind: 'administration',
  route: `/${id}`,
  nav: { order: 50, show: true },
  framework: 'react',
  remote: {
    name: `carpeta_${id.replaceAll('-', '_')}`,
    entry: `${origin}/remoteEntry.js`,
    expose: './lifecycles',
  },
  minLoa: 'substantial',
  version: '1.0.0',
  ...extra,
});

export interface GeneratedManifest {
  document: { version: 1; mfes: Record<string, unknown>[] };
  /** Every remote origin named, for the allowed-origins policy. */
  origins: string[];
  municipalities: string[];
}

/**
 * The configuration: State-wide entries (`state-*`, one of them public), one per community
 * (`ccaa-<code>`, audience that community) and one per municipality (`ayto-<code>`, audience that
 * municipality), each on its own origin.
 */
export function generatedManifest(): GeneratedManifest {
  const municipalities = generatedMunicipalities();
  const mfes: Record<string, unknown>[] = [
    entry('state-home', 'https://home.state.example', { nav: { order: 0, show: true }, route: '/' }),
    entry('state-files', 'https://files.state.example', { nav: { order: 10, show: true } }),
    entry('state-verify', 'https://verify.state.example', { public: true, nav: { order: 90, show: false } }),
    entry('state-high', 'https://high.state.example', { minLoa: 'high', nav: { order: 20, show: true } }),
  ];
  for (const community of COMMUNITY_CODES) {
    mfes.push(
      entry(`ccaa-${community}`, `https://ccaa-${community}.example`, {
        audience: { communities: [community] },
        nav: { order: 60, show: true },
      }),
    );
  }
  for (const municipality of municipalities) {
    mfes.push(
      entry(`ayto-${municipality}`, `https://ayto-${municipality}.example`, {
        audience: { municipalities: [municipality] },
        nav: { order: 70, show: true },
      }),
    );
  }
  const origins = mfes.map((item) => new URL((item.remote as { entry: string }).entry).origin);
  return { document: { version: 1, mfes }, origins, municipalities };
}

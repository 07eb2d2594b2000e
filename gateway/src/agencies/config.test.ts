// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings use the agencies file's own ${VAR} syntax.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandAgencyUrl, loadAgencies, parseAgencies } from './config.ts';
import { CONNECTOR_TYPES } from './registry.ts';

const TYPES = ['dehu', 'municipal-platform'];
const good = (extra: Record<string, unknown> = {}) => ({
  id: 'ayto-bilbao',
  name: 'Ayuntamiento de Bilbao',
  dir3: 'L01480209',
  connector: 'municipal-platform',
  baseUrl: '${AGENCY_MUNICIPAL_URL:-http://127.0.0.1:4108}',
  timeoutMs: 3000,
  cacheSeconds: 30,
  domains: ['files', 'appointments'],
  options: { council: '48020' },
  ...extra,
});

describe('agencies file', () => {
  it('expands only AGENCY_<ID>_URL references, with their defaults', () => {
    expect(expandAgencyUrl('${AGENCY_TGSS_URL:-http://127.0.0.1:4104}', {})).toBe('http://127.0.0.1:4104');
    expect(
      expandAgencyUrl('${AGENCY_TGSS_URL:-http://x}/api', { AGENCY_TGSS_URL: 'https://tgss.example' }),
    ).toBe('https://tgss.example/api');
    // Any other variable stays as written (and then is not a URL): no secret leaks into a URL.
    expect(expandAgencyUrl('${DATABASE_URL:-http://x}', { DATABASE_URL: 'postgres://secret' })).toBe(
      '${DATABASE_URL:-http://x}',
    );
    expect(expandAgencyUrl('${AGENCY_NONE_URL}', {})).toBe('');
  });

  it('keeps the good entries and rejects the others, each with its reason', () => {
    const loaded = parseAgencies(
      {
        version: 1,
        agencies: [
          good(),
          good({ id: 'Bad Id!' }),
          good({ id: 'ayto-x', connector: 'carrier-pigeon' }),
          good({ id: 'ayto-y', baseUrl: 'ftp://files.example' }),
          good({ id: 'ayto-z', baseUrl: '${HOME:-http://127.0.0.1:1}' }),
          good({ name: 'Otro Bilbao' }),
          good({ id: 'ayto-w', domains: ['weather'] }),
          'not an object',
        ],
      },
      { env: { AGENCY_MUNICIPAL_URL: 'http://10.0.0.8:8080/' }, connectorTypes: TYPES },
    );
    expect(loaded.entries).toEqual([
      expect.objectContaining({
        id: 'ayto-bilbao',
        baseUrl: 'http://10.0.0.8:8080',
        options: { council: '48020' },
      }),
    ]);
    const reasons = Object.fromEntries(loaded.rejected.map((rejected) => [rejected.index, rejected.reason]));
    expect(reasons[1]).toMatch(/^id: must be 1 to 40 lower-case/);
    expect(reasons[2]).toMatch(/^connector: unknown type "carrier-pigeon"/);
    expect(reasons[3]).toMatch(/^baseUrl: must be an absolute http\(s\) URL/);
    expect(reasons[4]).toMatch(/^baseUrl:/);
    expect(reasons[5]).toBe('id: "ayto-bilbao" is already used by an earlier entry');
    expect(reasons[6]).toMatch(/^domains\.0:/);
    expect(reasons[7]).toBeTruthy();
    expect(loaded.rejected.map((rejected) => rejected.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a file that is not a list of agencies at all', () => {
    expect(() => parseAgencies({ agencies: {} }, { env: {}, connectorTypes: TYPES })).toThrow(/not valid/);
  });

  it('reads a file and logs each rejected entry once, with its reason', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'carpeta-agencies-'));
    try {
      const file = path.join(dir, 'agencies.json');
      await writeFile(file, JSON.stringify({ version: 1, agencies: [good(), good({ connector: 'nope' })] }));
      const warnings: object[] = [];
      const loaded = loadAgencies(file, {
        env: {},
        connectorTypes: TYPES,
        logger: { warn: (details) => warnings.push(details) },
      });
      expect(loaded.entries.map((entry) => entry.id)).toEqual(['ayto-bilbao']);
      expect(warnings).toEqual([
        expect.objectContaining({ index: 1, reason: expect.stringMatching(/nope/) }),
      ]);
      expect(() => loadAgencies(path.join(dir, 'missing.json'), { env: {}, connectorTypes: TYPES })).toThrow(
        /cannot be read/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the portal's own file is valid for the connector types the gateway has", () => {
    const file = fileURLToPath(new URL('../../config/agencies.json', import.meta.url));
    const loaded = loadAgencies(file, { env: {}, connectorTypes: Object.keys(CONNECTOR_TYPES) });
    expect(loaded.rejected).toEqual([]);
    expect(loaded.entries.map((entry) => entry.id)).toContain('dehu');
  });
});

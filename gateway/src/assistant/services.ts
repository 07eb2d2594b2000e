import { readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { normalise } from './corpus.ts';
import { ASSISTANT_DATA_DIR } from './corpus.ts';
import type { AssistantLanguage } from './intents.ts';

const serviceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,120}$/),
  name: z.object({
    es: z.string().min(1),
    en: z.string().min(1),
    ca: z.string().min(1).optional(),
    va: z.string().min(1).optional(),
    gl: z.string().min(1).optional(),
    eu: z.string().min(1).optional(),
  }),
  administration: z.object({ level: z.enum(['state', 'regional', 'local']), name: z.string().min(1) }),
  keywords: z.string(),
  url: z.url(),
});
export type CatalogueService = z.infer<typeof serviceSchema>;

/** A service as Ada shows it, named in the citizen's language. */
export interface FoundService {
  id: string;
  name: string;
  administration: { level: CatalogueService['administration']['level']; name: string };
  url: string;
}

/** Words that say nothing about which service ("quiero", "the", "de"…), in the six languages. */
const STOP_WORDS = new Set(
  (
    'a al con de del el en la las lo los para por que un una y o e i the of to for my me i want how do I need ' +
    'quiero necesito como mi mis tengo vull necessito com meu meva tinc quero preciso como meu miña teño ' +
    'nahi dut nire behar da eta ' +
    'un una uns unes els les del dels amb per servicio servei servizo service zerbitzua tramite tramit'
  )
    .split(/\s+/)
    .map(normalise)
    .filter(Boolean),
);

const processTerm = (term: string): string | null => {
  const folded = normalise(term);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
};

const FALLBACK: Record<AssistantLanguage, (keyof CatalogueService['name'])[]> = {
  es: ['es'],
  en: ['en', 'es'],
  ca: ['ca', 'va', 'es'],
  va: ['va', 'ca', 'es'],
  gl: ['gl', 'es'],
  eu: ['eu', 'es'],
};

export function nameIn(service: CatalogueService, language: AssistantLanguage): string {
  for (const key of FALLBACK[language]) {
    const name = service.name[key];
    if (name) return name;
  }
  return service.name.es;
}

export interface ServiceCatalogue {
  size: number;
  search(query: string, language: AssistantLanguage, limit?: number): FoundService[];
}

/** The catalogue of services of every administration (gateway/assistant/services.json), searched with MiniSearch. */
export function loadServiceCatalogue(
  file = path.join(ASSISTANT_DATA_DIR, 'services.json'),
): ServiceCatalogue {
  const services = z
    .object({ services: z.array(serviceSchema) })
    .parse(JSON.parse(readFileSync(file, 'utf8'))).services;
  const byId = new Map(services.map((service) => [service.id, service]));
  const index = new MiniSearch<CatalogueService>({
    fields: ['names', 'keywords', 'administration'],
    extractField: (service, field) =>
      field === 'names'
        ? Object.values(service.name).join(' ')
        : field === 'administration'
          ? service.administration.name
          : field === 'id'
            ? service.id
            : service.keywords,
    processTerm,
    searchOptions: {
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      combineWith: 'OR',
      boost: { names: 2, keywords: 1.5, administration: 1 },
    },
  });
  index.addAll(services);
  return {
    size: services.length,
    search(query, language, limit = 5) {
      const trimmed = query.slice(0, 200);
      if (normalise(trimmed) === '') return [];
      const results = index.search(trimmed);
      const best = results[0]?.score ?? 0;
      return (
        results
          // Only results close to the best one: a shared common word must not list a hundred services.
          .filter((result) => result.score >= best * 0.5)
          .slice(0, limit)
          .flatMap((result) => {
            const service = byId.get(String(result.id));
            return service
              ? [
                  {
                    id: service.id,
                    name: nameIn(service, language),
                    administration: service.administration,
                    url: service.url,
                  },
                ]
              : [];
          })
      );
    },
  };
}

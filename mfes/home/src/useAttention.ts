import {
  type AttentionItem,
  folderSourceListSchema,
  homeSourceAnswerSchema,
  isApiError,
  type SourceStatus,
} from '@carpeta/sdk';
import { useCarpeta } from '@carpeta/sdk/react';
import { useEffect, useState } from 'react';

export interface SourceProgress {
  source: string;
  name: string;
  state: 'waiting' | 'answered' | 'failed';
  failure?: Exclude<SourceStatus['status'], 'ok'>;
  items: AttentionItem[];
}

export type Attention =
  | { state: 'loading' }
  | { state: 'error' }
  | { state: 'streaming'; sources: SourceProgress[]; items: AttentionItem[] };

const FAILURES = {
  'agency-timeout': 'timeout',
  'agency-invalid-response': 'invalid-response',
} as const;

/** Everything that has answered so far, soonest due first, each item once. */
export function mergeItems(sources: SourceProgress[]): AttentionItem[] {
  const byId = new Map<string, AttentionItem>();
  for (const source of sources) for (const item of source.items) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title));
}

/**
 * Asks which administrations feed the folder, then each of them in parallel, and updates as each
 * answers: the slowest never holds back the others.
 */
export function useAttention(): [Attention, () => void] {
  const { api } = useCarpeta();
  const [sources, setSources] = useState<SourceProgress[] | 'loading' | 'error'>('loading');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` drives reloads
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setSources('loading');
    const update = (source: string, change: Partial<SourceProgress>) =>
      setSources((current) =>
        Array.isArray(current)
          ? current.map((entry) => (entry.source === source ? { ...entry, ...change } : entry))
          : current,
      );
    api.get('/home/sources', folderSourceListSchema, { signal }).then(
      (list) => {
        if (signal.aborted) return;
        setSources(
          list.items.map((item) => ({ source: item.source, name: item.name, state: 'waiting', items: [] })),
        );
        for (const item of list.items) {
          api
            .get(`/home/sources/${encodeURIComponent(item.source)}`, homeSourceAnswerSchema, { signal })
            .then(
              (answer) => {
                if (signal.aborted) return;
                const { status } = answer.source;
                update(
                  item.source,
                  status === 'ok'
                    ? { state: 'answered', items: answer.items }
                    : { state: 'failed', failure: status, items: answer.items },
                );
              },
              (error: unknown) => {
                if (signal.aborted) return;
                const code = isApiError(error) ? error.code : 'internal';
                update(item.source, {
                  state: 'failed',
                  failure: code in FAILURES ? FAILURES[code as keyof typeof FAILURES] : 'unavailable',
                });
              },
            );
        }
      },
      () => {
        if (!signal.aborted) setSources('error');
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const reload = () => setAttempt((value) => value + 1);
  if (sources === 'loading') return [{ state: 'loading' }, reload];
  if (sources === 'error') return [{ state: 'error' }, reload];
  return [{ state: 'streaming', sources, items: mergeItems(sources) }, reload];
}

import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/*
 * oidc-provider storage in this process's memory, one store per provider instance (a simulated
 * provider needs no more: a restart signs everyone out). Entries expire after their TTL; tokens
 * are indexed by grant so that revoking a grant (sign-out) removes them.
 */

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const MAX_ENTRIES = 50_000;

export function createMemoryAdapter(now: () => number = Date.now): AdapterFactory {
  const entries = new Map<string, Entry>();
  const sessionsByUid = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();

  function live(key: string): AdapterPayload | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      remove(key);
      return undefined;
    }
    return entry.payload;
  }

  function remove(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    const { uid, grantId } = entry.payload;
    if (typeof uid === 'string' && sessionsByUid.get(uid) === key) sessionsByUid.delete(uid);
    if (typeof grantId === 'string') keysByGrant.get(grantId)?.delete(key);
  }

  function sweep() {
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) remove(key);
    // Oldest first: Map keeps insertion order.
    for (const key of entries.keys()) {
      if (entries.size <= MAX_ENTRIES) break;
      remove(key);
    }
  }

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id);
        remove(key);
        if (entries.size >= MAX_ENTRIES) sweep();
        const expiresAt = typeof expiresIn === 'number' ? now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
        entries.set(key, { payload: structuredClone(payload), expiresAt });
        if (model === 'Session' && typeof payload.uid === 'string') sessionsByUid.set(payload.uid, key);
        if (typeof payload.grantId === 'string') {
          let keys = keysByGrant.get(payload.grantId);
          if (!keys) {
            keys = new Set();
            keysByGrant.set(payload.grantId, keys);
          }
          keys.add(key);
        }
      },
      async find(id) {
        const payload = live(keyOf(id));
        return payload ? structuredClone(payload) : undefined;
      },
      async findByUid(uid) {
        const key = sessionsByUid.get(uid);
        const payload = key ? live(key) : undefined;
        return payload ? structuredClone(payload) : undefined;
      },
      async findByUserCode() {
        return undefined; // No device flow.
      },
      async consume(id) {
        const payload = live(keyOf(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        remove(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) remove(key);
        keysByGrant.delete(grantId);
      },
    };
  };
}

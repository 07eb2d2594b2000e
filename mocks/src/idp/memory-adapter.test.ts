import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from './memory-adapter.ts';

describe('createMemoryAdapter', () => {
  it('stores copies per model, expires them and consumes them', async () => {
    let time = 1_000_000;
    const factory = createMemoryAdapter(() => time);
    const codes = factory('AuthorizationCode');
    const sessions = factory('Session');
    const payload = { jti: 'a', grantId: 'g1', kind: 'AuthorizationCode' };
    await codes.upsert('a', payload, 60);
    payload.kind = 'changed';
    expect(await codes.find('a')).toEqual({ jti: 'a', grantId: 'g1', kind: 'AuthorizationCode' });
    expect(await sessions.find('a')).toBeUndefined();

    await codes.consume('a');
    expect((await codes.find('a'))?.consumed).toBe(1000);

    time += 61_000;
    expect(await codes.find('a')).toBeUndefined();
  });

  it('finds sessions by uid and revokes everything of a grant', async () => {
    const factory = createMemoryAdapter();
    const sessions = factory('Session');
    const tokens = factory('AccessToken');
    await sessions.upsert('s1', { uid: 'u1', accountId: '12345678Z' }, 3600);
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: '12345678Z' });
    await sessions.destroy('s1');
    expect(await sessions.findByUid('u1')).toBeUndefined();

    await tokens.upsert('t1', { grantId: 'g' }, 600);
    await tokens.upsert('t2', { grantId: 'g' }, 600);
    await tokens.upsert('t3', { grantId: 'other' }, 600);
    await tokens.revokeByGrantId('g');
    expect(await tokens.find('t1')).toBeUndefined();
    expect(await tokens.find('t2')).toBeUndefined();
    expect(await tokens.find('t3')).toBeDefined();
  });

  it('keeps instances apart', async () => {
    const one = createMemoryAdapter()('Grant');
    const two = createMemoryAdapter()('Grant');
    await one.upsert('g', { accountId: 'x' });
    expect(await two.find('g')).toBeUndefined();
  });
});

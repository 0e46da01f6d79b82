import { createLogger } from '@bibia/core';
import { createMetrics } from '../../metrics/createMetrics';
import { NationalIndex } from '../NationalIndex';
import { readStaleMembers, StaleMembers } from '../StaleMembers';

// Nothing listens on port 9: every request fails at once ("unreachable").
function unreachableIndex(options: { retryAfterMs?: number; refusedCapacity?: number } = {}): NationalIndex {
  return new NationalIndex({
    url: 'http://127.0.0.1:9/graphql',
    timeoutMs: 1000,
    retryAfterMs: options.retryAfterMs ?? 60_000,
    refusedCapacity: options.refusedCapacity,
    metrics: createMetrics({ defaultMetrics: false }),
    logger: createLogger('test'),
  });
}
const request = (query: string, variables: Record<string, unknown> = {}) => ({ query, variables });

describe('NationalIndex', () => {
  it('leaves the index alone after a failure, then tries it again', async () => {
    const index = unreachableIndex({ retryAfterMs: 100 });
    expect(await index.send(request('{ a }'), 'registry')).toEqual({ ok: false, failure: 'unreachable' });
    expect(await index.send(request('{ a }'), 'registry')).toEqual({ ok: false, failure: 'index down' });
    await new Promise((r) => setTimeout(r, 150));
    // One request tries it; the others meanwhile do not wait for it.
    const [probe, other] = await Promise.all([index.send(request('{ a }'), 'registry'), index.send(request('{ a }'), 'registry')]);
    expect(probe).toEqual({ ok: false, failure: 'unreachable' });
    expect(other).toEqual({ ok: false, failure: 'index down' });
  });

  it('remembers refused documents whatever the variables, refused arguments with them, in a bounded LRU', () => {
    const index = unreachableIndex({ refusedCapacity: 2 });
    const byDocument = [{ message: 'no', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }];
    const byArguments = [{ message: 'no', path: ['aiTools'], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }];
    index.rememberRefusal(request('{ a }', { x: 1 }), byDocument);
    expect(index.refusedEarlier(request('{ a }', { x: 2 }))).toBe(true);
    index.rememberRefusal(request('{ b }', { x: 1 }), byArguments);
    expect(index.refusedEarlier(request('{ b }', { x: 1 }))).toBe(true);
    expect(index.refusedEarlier(request('{ b }', { x: 2 }))).toBe(false);
    // `{ b }` was used last: `{ a }` is the one forgotten.
    index.rememberRefusal(request('{ c }'), byDocument);
    expect(index.refusedEarlier(request('{ a }', { x: 1 }))).toBe(false);
    expect(index.refusedEarlier(request('{ b }', { x: 1 }))).toBe(true);
    expect(index.refusedEarlier(request('{ c }'))).toBe(true);
  });
});

describe('stale members', () => {
  it('reads the index extensions, dropping what is malformed', () => {
    expect(readStaleMembers({ bibia: { staleMembers: [{ siren: '216200410', harvestedAt: '2026-01-01T00:00:00.000Z' }, { siren: 3 }, 'x', { siren: '215903501' }] } })).toEqual([
      { siren: '216200410', harvestedAt: '2026-01-01T00:00:00.000Z' },
      { siren: '215903501', harvestedAt: null },
    ]);
    expect(readStaleMembers(undefined)).toEqual([]);
    expect(readStaleMembers({ bibia: { staleMembers: 'x' } })).toEqual([]);
  });

  it('names each member once, with its oldest harvest, in SIREN order', () => {
    const stale = new StaleMembers();
    stale.add([{ siren: '216200410', harvestedAt: '2026-01-02T00:00:00.000Z' }, { siren: '215903501', harvestedAt: '2026-01-05T00:00:00.000Z' }]);
    stale.add([{ siren: '216200410', harvestedAt: '2026-01-01T00:00:00.000Z' }, { siren: '215903501', harvestedAt: null }]);
    stale.add([{ siren: '215903501', harvestedAt: '2026-01-09T00:00:00.000Z' }]);
    expect(stale.list()).toEqual([
      { siren: '215903501', harvestedAt: null },
      { siren: '216200410', harvestedAt: '2026-01-01T00:00:00.000Z' },
    ]);
  });
});

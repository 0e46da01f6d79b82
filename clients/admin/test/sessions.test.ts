import { createSessionStore } from '../src/sessions';

describe('createSessionStore', () => {
  const publisher = { tokenId: 't1', label: 'Service numérique' };

  it('ends a session after its idle time, and restarts the idle time on use', () => {
    let now = 0;
    const store = createSessionStore({ idleMs: 1000, maxMs: 10_000, now: () => now });
    const s = store.create(publisher);
    now = 900;
    expect(store.get(s.id)?.label).toBe('Service numérique');
    now = 1800;
    expect(store.get(s.id)).toBeDefined();
    now = 2800;
    expect(store.get(s.id)).toBeUndefined();
  });

  it('ends a session at its maximum age even when used', () => {
    let now = 0;
    const store = createSessionStore({ idleMs: 1000, maxMs: 2500, now: () => now });
    const s = store.create(publisher);
    for (now = 500; now < 2500; now += 500) expect(store.get(s.id)).toBeDefined();
    expect(store.get(s.id)).toBeUndefined();
  });

  it('keeps at most maxSessions, dropping the oldest; ends every session of a revoked token', () => {
    const store = createSessionStore({ maxSessions: 2 });
    const first = store.create(publisher);
    const second = store.create({ tokenId: 't2', label: 'Autre' });
    const third = store.create(publisher);
    expect(store.get(first.id)).toBeUndefined();
    expect(store.get(second.id)).toBeDefined();
    store.deleteToken('t1');
    expect(store.get(third.id)).toBeUndefined();
    expect(store.get(second.id)).toBeDefined();
  });
});

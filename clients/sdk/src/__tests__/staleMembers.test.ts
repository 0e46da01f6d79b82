import { addStaleMembers, staleMembersOf } from '../staleMembers';

describe('staleMembersOf', () => {
  it('reads extensions.bibia.staleMembers, dropping malformed entries and repeats', () => {
    const extensions = {
      bibia: {
        staleMembers: [
          { siren: '226200012', harvestedAt: '2025-03-12T10:15:00.000Z' },
          { siren: '216200410', harvestedAt: null, name: 'Arras' },
          { harvestedAt: '2025-03-12T10:15:00.000Z' },
          'not a member',
          { siren: '226200012', harvestedAt: '2025-03-12T09:00:00.000Z' },
        ],
      },
    };
    expect(staleMembersOf(extensions)).toEqual([
      { siren: '226200012', harvestedAt: '2025-03-12T09:00:00.000Z' },
      { siren: '216200410', name: 'Arras', harvestedAt: null },
    ]);
  });

  it('is empty without the extension', () => {
    for (const extensions of [undefined, null, {}, { bibia: {} }, { bibia: { staleMembers: 'x' } }]) expect(staleMembersOf(extensions)).toEqual([]);
  });
});

describe('addStaleMembers', () => {
  it('keeps each member once, with its oldest harvest (never read is the oldest)', () => {
    const into = [{ siren: 'a', harvestedAt: '2025-03-12T10:00:00Z' }, { siren: 'b', harvestedAt: '2025-03-12T10:00:00Z' }];
    addStaleMembers(into, [{ siren: 'a', harvestedAt: '2025-03-12T11:00:00Z' }, { siren: 'b', harvestedAt: null }, { siren: 'c', harvestedAt: null }]);
    expect(into).toEqual([
      { siren: 'a', harvestedAt: '2025-03-12T10:00:00Z' },
      { siren: 'b', harvestedAt: null },
      { siren: 'c', harvestedAt: null },
    ]);
  });
});

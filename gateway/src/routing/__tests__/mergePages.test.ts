import { compareCursorKeys, parseCursor, encodeCursor, type CursorKey, type SortDirection } from '@bibia/core';
import { mergePages, type MemberPage } from '../mergePages';

const c = (sort: string, id: string) => encodeCursor([sort, id]);

describe('compareCursorKeys', () => {
  it('orders by sort value, then id ascending, in byte order', () => {
    expect(compareCursorKeys(['a', '2:x'], ['b', '1:x'], 'asc')).toBeLessThan(0);
    expect(compareCursorKeys(['b', '1:x'], ['a', '2:x'], 'desc')).toBeLessThan(0);
    // Ties by id ascending whatever the direction.
    expect(compareCursorKeys(['a', '1:x'], ['a', '2:x'], 'desc')).toBeLessThan(0);
    // Byte order, not locale: upper case before lower case, "é" after "z".
    expect(compareCursorKeys(['Z', '1'], ['a', '1'], 'asc')).toBeLessThan(0);
    expect(compareCursorKeys(['z', '1'], ['é', '1'], 'asc')).toBeLessThan(0);
    // UTF-8 order where UTF-16 units disagree (astral vs. high BMP characters).
    expect(compareCursorKeys(['\uffff', '1'], ['😀', '1'], 'asc')).toBeLessThan(0);
  });

  it('round-trips cursors and rejects others', () => {
    expect(parseCursor(c('x', '1:y'))).toEqual(['x', '1:y']);
    expect(parseCursor('nope')).toBeNull();
    expect(parseCursor(Buffer.from('[1,2]').toString('base64url'))).toBeNull();
    expect(parseCursor(null)).toBeNull();
  });
});

describe('mergePages', () => {
  it('interleaves member pages, cuts to first, sums totals', () => {
    const pages: MemberPage[] = [
      { cursors: [c('a', '1:a'), c('c', '1:c')], hasNextPage: false, totalCount: 2 },
      { cursors: [c('b', '2:b'), c('c', '2:c'), c('d', '2:d')], hasNextPage: true, totalCount: 9 },
    ];
    const merged = mergePages(pages, { direction: 'asc', first: 4 });
    expect(merged.order).toEqual([
      { page: 0, index: 0 },
      { page: 1, index: 0 },
      { page: 0, index: 1 },
      { page: 1, index: 1 },
    ]);
    expect(merged.totalCount).toBe(11);
    expect(merged.hasNextPage).toBe(true);
    expect(merged.endCursor).toBe(c('c', '2:c'));
  });

  it('reports no next page when nothing was cut and no member has more', () => {
    const merged = mergePages([{ cursors: [c('a', '1:a')], hasNextPage: false, totalCount: 1 }, { cursors: [], hasNextPage: false, totalCount: 0 }], { direction: 'asc', first: 5 });
    expect(merged).toEqual({ order: [{ page: 0, index: 0 }], hasNextPage: false, endCursor: c('a', '1:a'), totalCount: 1 });
  });

  it('says there is more when edges were cut even if no member said so', () => {
    const merged = mergePages([{ cursors: [c('a', '1:a'), c('b', '1:b')], hasNextPage: false, totalCount: 2 }], { direction: 'asc', first: 1 });
    expect(merged.hasNextPage).toBe(true);
    expect(merged.endCursor).toBe(c('a', '1:a'));
  });

  it('gives an empty page a null end cursor', () => {
    expect(mergePages([], { direction: 'desc', first: 20 })).toEqual({ order: [], hasNextPage: false, endCursor: null, totalCount: 0 });
  });

  it.each<SortDirection>(['asc', 'desc'])('pages through a union split over members without repeat or skip (%s)', (direction) => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Few distinct sort values, so that ties (broken by id) are frequent.
    const items: CursorKey[] = Array.from({ length: 120 }, (_, i) => [`v${Math.floor(random() * 15)}`, `${100000000 + Math.floor(random() * 5)}:item-${i}`]);
    const members = [0, 1, 2, 3].map((m) => items.filter((_, i) => (i * 7 + Math.floor(i / 5)) % 4 === m).sort((a, b) => compareCursorKeys(a, b, direction)));
    // A member answers `first` items strictly after the cursor, like a contract registry.
    const memberPage = (list: CursorKey[], first: number, after: string | null): MemberPage => {
      const afterKey = after ? parseCursor(after)! : null;
      const rest = afterKey ? list.filter((k) => compareCursorKeys(k, afterKey, direction) > 0) : list;
      return { cursors: rest.slice(0, first).map(encodeCursor), hasNextPage: rest.length > first, totalCount: list.length };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const pages = members.map((list) => memberPage(list, 7, after));
      const merged = mergePages(pages, { direction, first: 7 });
      expect(merged.totalCount).toBe(items.length);
      for (const { page, index } of merged.order) seen.push(pages[page].cursors[index]);
      if (!merged.hasNextPage) break;
      after = merged.endCursor;
    }
    const expected = [...items].sort((a, b) => compareCursorKeys(a, b, direction)).map(encodeCursor);
    expect(seen).toEqual(expected);
  });
});

import { compareCursorKeys, connectionFromRows, decodeCursor, encodeCursor, pageSize, parseCursor } from '../cursor';

describe('contract cursors', () => {
  it('round-trip [sortValue, id] as base64url JSON', () => {
    const cursor = encodeCursor(['commune d arras', '216200410']);
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual(['commune d arras', '216200410']);
    expect(decodeCursor(cursor)).toEqual(['commune d arras', '216200410']);
  });

  it('refuses forged cursors: null from parseCursor, BAD_USER_INPUT from decodeCursor', () => {
    for (const bad of ['', 'not-base64!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(parseCursor(bad)).toBeNull();
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
    }
    expect(parseCursor(null)).toBeNull();
  });

  it('refuses a key no issued cursor holds: NUL or an unpaired surrogate (found by the fuzz: the directory\'s SQL failed on it)', () => {
    for (const key of [['a\u0000', 'x'], ['a', '1:\ud800']] as const) {
      expect(() => decodeCursor(encodeCursor([key[0], key[1]]))).toThrow(expect.objectContaining({ message: expect.stringMatching(/invalid character \(U\+(0000|D800)\)/), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
    }
  });

  it('orders by UTF-8 bytes, like PostgreSQL\'s "C" collation, ties by id', () => {
    expect(compareCursorKeys(['Z', '1'], ['a', '1'], 'asc')).toBeLessThan(0);
    expect(compareCursorKeys(['\uffff', '1'], ['😀', '1'], 'asc')).toBeLessThan(0);
    expect(compareCursorKeys(['a', '1:x'], ['a', '2:x'], 'desc')).toBeLessThan(0);
    expect(compareCursorKeys(['b', '1:x'], ['a', '2:x'], 'desc')).toBeLessThan(0);
  });

  it('bounds first to 1..100', () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(undefined)).toBe(20);
    for (const bad of [0, -1, 101, 2.5]) expect(() => pageSize(bad)).toThrow(/between 1 and 100/);
  });

  it('builds a page from first + 1 rows', () => {
    const page = connectionFromRows(['a', 'b', 'c'], 2, 7, (s) => [s, s]);
    expect(page.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['b', 'b']) });
    expect(page.totalCount).toBe(7);
    expect(connectionFromRows([], 2, 0, (s: string) => [s, s]).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

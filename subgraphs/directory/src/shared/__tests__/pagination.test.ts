import { checkFirst, decodeCursor, encodeCursor, toPage } from '../pagination';
import { normalizeText, searchWords } from '../text';

describe('cursors', () => {
  it('round-trip [sortValue, id] as base64url JSON, the contract format', () => {
    const cursor = encodeCursor('commune d arras', '216200410');
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual(['commune d arras', '216200410']);
    expect(decodeCursor(cursor)).toEqual(['commune d arras', '216200410']);
  });

  it('refuses forged cursors with BAD_USER_INPUT', () => {
    for (const bad of ['', 'not-base64!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
    }
  });

  it('bounds first to 1..100', () => {
    expect(() => checkFirst(1)).not.toThrow();
    expect(() => checkFirst(100)).not.toThrow();
    for (const bad of [0, -1, 101, 2.5]) expect(() => checkFirst(bad)).toThrow(/between 1 and 100/);
  });

  it('builds a page from first + 1 rows', () => {
    const page = toPage(['a', 'b', 'c'], 2, 7, (s) => `c-${s}`);
    expect(page).toEqual({
      edges: [{ cursor: 'c-a', node: 'a' }, { cursor: 'c-b', node: 'b' }],
      pageInfo: { hasNextPage: true, endCursor: 'c-b' },
      totalCount: 7,
    });
    expect(toPage([], 2, 0, String).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('normalizeText', () => {
  it('drops case, accents, ligatures and punctuation', () => {
    expect(normalizeText("Communauté d'agglomération de Béthune-Bruay, Artois Lys Romane")).toBe(
      'communaute d agglomeration de bethune bruay artois lys romane',
    );
    expect(normalizeText('Marcq-en-Barœul')).toBe('marcq en baroeul');
    expect(searchWords('  BÉTHUNE   bruay ')).toEqual(['bethune', 'bruay']);
    expect(searchWords('%_')).toEqual([]);
  });
});

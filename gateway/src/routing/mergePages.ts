import { compareCursorKeys, parseCursor, type CursorKey, type SortDirection } from '@bibia/core';

/** One member's page of a connection, as far as merging needs it. */
export interface MemberPage {
  /** Edge cursors, in the member's order. */
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface MergedPage {
  /** Kept edges in merged order: which page, which index in it. */
  order: Array<{ page: number; index: number }>;
  hasNextPage: boolean;
  /** Cursor of the last kept edge (null when the page is empty). */
  endCursor: string | null;
  totalCount: number;
}

/**
 * k-way merge of sorted member pages by their global keyset cursors, cut to `first`. Because every
 * member was given the same `after`, the first `first` edges of the merge are exactly the next
 * page of the union, and the last kept cursor is a valid `after` for every member.
 */
export function mergePages(pages: MemberPage[], options: { direction: SortDirection; first: number }): MergedPage {
  const keys: CursorKey[][] = pages.map((p) =>
    p.cursors.map((c) => {
      const key = parseCursor(c);
      if (!key) throw new Error(`not a contract cursor: ${c}`);
      return key;
    }),
  );
  const heads = pages.map(() => 0);
  const order: MergedPage['order'] = [];
  const first = Math.max(0, options.first);
  while (order.length < first) {
    let best = -1;
    for (let p = 0; p < pages.length; p++) {
      if (heads[p] >= keys[p].length) continue;
      if (best === -1 || compareCursorKeys(keys[p][heads[p]], keys[best][heads[best]], options.direction) < 0) best = p;
    }
    if (best === -1) break;
    order.push({ page: best, index: heads[best]++ });
  }
  const cut = heads.some((h, p) => h < keys[p].length);
  const last = order.at(-1);
  return {
    order,
    hasNextPage: cut || pages.some((p) => p.hasNextPage),
    endCursor: last ? pages[last.page].cursors[last.index] : null,
    totalCount: pages.reduce((sum, p) => sum + p.totalCount, 0),
  };
}

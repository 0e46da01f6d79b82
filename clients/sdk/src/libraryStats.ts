import type { LibraryStatsQuery } from './generated/graphql';

/** How many tools have one value of a dimension: an enum value, a région or département code, a product id. */
export interface LibraryCount {
  key: string;
  count: number;
}

/**
 * National figures of the library (published public content), as the hub's national index
 * computes them in one query. Every `by…` list is sorted by decreasing count, then key.
 */
export interface LibraryStats {
  /** Matching tools. */
  toolCount: number;
  /** Published public practice reports on the matching tools. */
  reportCount: number;
  /** Collectivités (members) with at least one matching tool. */
  memberCount: number;
  /** A tool counts once for each of its themes. */
  byTheme: LibraryCount[];
  byStatus: LibraryCount[];
  byRiskLevel: LibraryCount[];
  byAlgorithmType: LibraryCount[];
  byHosting: LibraryCount[];
  /** By product of the shared catalogue; tools without a product are not counted. */
  byProduct: LibraryCount[];
  /** By région code (INSEE); members whose région the directory does not give are not counted. */
  byRegion: LibraryCount[];
  /** By département code. */
  byDepartement: LibraryCount[];
  /** Members with at least one matching tool, by département code. */
  membersByDepartement: LibraryCount[];
  /** By month of publication (`"YYYY-MM"`, UTC), oldest first; tools never published are not counted. */
  byPublicationMonth: LibraryCount[];
  /** @deprecated The same as `memberCount` (its name before SDK figures came from the national index). */
  collectiviteCount: number;
}

/** The SDK's figures from the `libraryStats` field of the `LibraryStats` operation. */
export function toLibraryStats(answer: NonNullable<LibraryStatsQuery['libraryStats']>): LibraryStats {
  return { ...answer, collectiviteCount: answer.memberCount };
}

import { normalizeText } from '@bibia/kit';

/** The normalised words of a search string (`normalizeText` of the kit); every word must match (AND). */
export function searchWords(search: string): string[] {
  return normalizeText(search).split(' ').filter(Boolean);
}

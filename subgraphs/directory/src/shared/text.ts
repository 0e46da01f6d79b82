/**
 * Lower case, accents and punctuation removed, spaces collapsed: the key BibIA sorts and searches
 * names on, so that "Béthune", "BETHUNE" and "bethune" sort together and match each other.
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The normalised words of a search string; every word must match (AND). */
export function searchWords(search: string): string[] {
  return normalizeText(search).split(' ').filter(Boolean);
}

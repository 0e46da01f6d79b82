import { badInput, normalizeText } from '@bibia/kit';

/*
 * French full text without the `unaccent` extension (the embedded PGlite of the kit loads none):
 * accents are folded in JavaScript (`normalizeText`) both in the indexed text and in the query,
 * then PostgreSQL's `french` configuration stems both sides. "etat civil" finds "état civil",
 * "videoprotection" finds "vidéoprotection", and every query word is also a prefix ("vidéo" finds
 * "vidéoprotection").
 */

/** The texts of an entry, by weight: A (name/title), B (summary), C (the rest). */
export interface WeightedTexts {
  a: string;
  b: string;
  c: string;
}

/** The folded texts to index: what `to_tsvector('french', …)` receives for each weight. */
export function foldTexts(texts: WeightedTexts): WeightedTexts {
  return { a: normalizeText(texts.a), b: normalizeText(texts.b), c: normalizeText(texts.c) };
}

/**
 * A `to_tsquery('french', …)` text from a user's search (web-search syntax: words, "phrases",
 * -exclusions); every word becomes a prefix. Only `[a-z0-9]` words and operators are produced, so
 * the query can never be a tsquery syntax error. Null when nothing is left to search for.
 */
export function toTsQuery(search: string | null | undefined): string | null {
  const s = search?.trim();
  if (!s) return null;
  if (s.length > 200) throw badInput('`search` must be at most 200 characters', { field: 'filter.search' });
  const parts: string[] = [];
  // "a phrase" | -word | word
  const re = /(-?)"([^"]*)"|(-?)(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const negative = (m[1] || m[3]) === '-';
    // Single letters are French elisions (l', d', qu'...): as prefixes they would match anything.
    const words = normalizeText(m[2] ?? m[4] ?? '').split(' ').filter((w) => w && !/^[a-z]$/.test(w));
    if (!words.length) continue;
    const term = m[2] !== undefined ? words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' <-> ') : words.map((w) => `${w}:*`).join(' & ');
    parts.push(negative ? `!(${term})` : words.length > 1 ? `(${term})` : term);
  }
  if (!parts.some((p) => !p.startsWith('!'))) return null;
  return parts.join(' & ');
}

/**
 * The plain-text policy of every BibIA server. Texts are plain text, never markup. Characters
 * that change how a text is displayed rather than what it says are removed on input, so that
 * what is stored and later printed on a terminal or a page is what the author typed:
 * - C0 controls except tab, line feed and carriage return, DEL, and the C1 controls
 *   (U+0080–U+009F, e.g. U+009B, a terminal escape);
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
 *   make a text read differently from what it is (U+202E);
 * - byte-order marks and other zero-width format characters that carry nothing (U+FEFF, U+200B).
 * Carriage returns are folded into line feeds.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The text with the characters of the policy removed, line breaks normalised, trimmed. */
export function plainText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
}

/** Whether a text contains characters the policy removes. */
export function hasInvisibleCharacters(value: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(value);
  INVISIBLE.lastIndex = 0;
  return found;
}

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

/** BibIA's limits for the texts a register's file may exceed (the model's `text(max)`). */
export const TEXT_LIMITS: Record<string, number> = {
  name: 100,
  summary: 400,
  department: 200,
  providerName: 200,
  purpose: 4000,
  humanOversight: 4000,
  affectedPublic: 2000,
  legalBasis: 2000,
  hostingDetails: 1000,
  description: 20000,
};

// The registries' plain-text policy (plainText of @bibia/core), applied here too so that what the
// import sends is what a registry stores, and an export can tell an unchanged field from a changed one.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g;

export const plainText = (value: string): string => value.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();

/** A text of at most `max` characters, cut at the last space before the limit, with "…". */
export function cutText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return { text: `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`, cut: true };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The plain text of a register's HTML cell (the Dutch register writes `<p>`, `<br>`, `<li>`):
 * blocks become lines, tags go, entities are decoded. A text without tags is returned as is.
 */
export function htmlToText(text: string): string {
  if (!/<\/?[a-z][^>]*>/i.test(text)) return plainText(text);
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|li|ul|ol|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(INVISIBLE, '')
    .trim();
}

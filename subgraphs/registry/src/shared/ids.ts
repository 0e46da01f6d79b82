import { isValidSiren } from '@bibia/kit';

/** Contract version this implementation follows (semver of schema/registry.graphql). */
export const CONTRACT_VERSION = '2.0.0';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** `<siren>:<slug>`: the id of a tool or report, stable forever. */
export function makeId(siren: string, slug: string): string {
  return `${siren}:${slug}`;
}

/** Splits an entity id; null when it is not `<valid siren>:<slug>`. */
export function parseId(id: string): { siren: string; slug: string } | null {
  const m = /^(\d{9}):(.+)$/.exec(id);
  if (!m || !isValidSiren(m[1]) || !SLUG_PATTERN.test(m[2])) return null;
  return { siren: m[1], slug: m[2] };
}

/** Turns a name into a slug candidate (`Tri du courrier` → `tri-du-courrier`). */
export function slugify(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/**
 * The sort key every member computes the same way, so that a hub can merge sorted pages by
 * plain string comparison: lower case, accents removed, printable ASCII only.
 */
export function sortKey(name: string): string {
  return asciiFold(name).toLowerCase().replace(/[^\x20-\x7e]/g, '').replace(/\s+/g, ' ').trim();
}

function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE').replace(/ß/g, 'ss');
}

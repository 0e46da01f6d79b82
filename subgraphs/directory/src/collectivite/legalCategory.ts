import type { CollectiviteKind } from '../generated/prisma/enums';

/**
 * INSEE legal categories (catégories juridiques, level III) of the collectivités and groupings
 * the directory distinguishes. Every other category of a public body is OTHER.
 */
const KIND_BY_LEGAL_CATEGORY: Readonly<Record<string, CollectiviteKind>> = {
  '7210': 'COMMUNE',
  '7220': 'DEPARTEMENT',
  '7230': 'REGION',
  '7343': 'COMMUNAUTE_URBAINE',
  '7344': 'METROPOLE',
  '7346': 'COMMUNAUTE_DE_COMMUNES',
  '7348': 'COMMUNAUTE_D_AGGLOMERATION',
  '7345': 'SYNDICAT', // SIVOM
  '7353': 'SYNDICAT', // SIVU
  '7354': 'SYNDICAT', // syndicat mixte fermé
  '7355': 'SYNDICAT', // syndicat mixte ouvert
};

/** The kind of a collectivité from its 4-digit INSEE legal category. */
export function kindFromLegalCategory(legalCategory: string): CollectiviteKind {
  return KIND_BY_LEGAL_CATEGORY[legalCategory] ?? 'OTHER';
}

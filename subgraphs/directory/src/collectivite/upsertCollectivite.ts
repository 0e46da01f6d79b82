import { badInput, normalizeText } from '@bibia/kit';
import type { Collectivite, PrismaClient } from '../generated/prisma/client';
import { DEPARTEMENTS, REGIONS, regionOfDepartement } from '../shared/geo';
import { checkOptionalHttpUrl, checkPattern, checkSiren, checkText } from '../shared/validate';
import type { CollectiviteInput } from './collectiviteInput';
import { kindFromLegalCategory } from './legalCategory';

/**
 * The columns of a collectivité the hub writes, checked and completed (kind, région, sort key).
 * Postal codes and intercommunalité come from the administrative reference only.
 */
export type CollectiviteData = Omit<Collectivite, 'createdAt' | 'updatedAt' | 'postalCodes' | 'epciSiren'>;

/** Checks an input and derives the stored columns; throws BAD_USER_INPUT on the first problem. */
export function collectiviteData(input: CollectiviteInput): CollectiviteData {
  const siren = checkSiren(input.siren, 'input.siren');
  const name = checkText(input.name, 'input.name', { max: 200 });
  const legalCategory = checkPattern(input.legalCategory, 'input.legalCategory', /^\d{4}$/, 'an INSEE legal category (4 digits)');
  const cogCode =
    input.cogCode == null || input.cogCode.trim() === ''
      ? null
      : checkPattern(input.cogCode.toUpperCase(), 'input.cogCode', /^(\d{2}|2A|2B|\d{3}|\d{5}|2A\d{3}|2B\d{3})$/, 'a COG INSEE code');
  const departement = input.departement == null || input.departement.trim() === '' ? null : input.departement.trim().toUpperCase();
  if (departement !== null && !DEPARTEMENTS[departement]) {
    throw badInput(`input.departement: unknown département code "${input.departement}"`, { field: 'input.departement' });
  }
  let region = input.region == null || input.region.trim() === '' ? null : input.region.trim();
  if (region !== null && !REGIONS[region]) throw badInput(`input.region: unknown région code "${input.region}"`, { field: 'input.region' });
  if (departement !== null) {
    const expected = regionOfDepartement(departement)!;
    if (region !== null && region !== expected) {
      throw badInput(`input.region: département ${departement} is in région ${expected}, not ${region}`, { field: 'input.region' });
    }
    region = expected;
  }
  const population = input.population ?? null;
  if (population !== null && (!Number.isInteger(population) || population < 0 || population > 100_000_000)) {
    throw badInput('input.population must be between 0 and 100,000,000', { field: 'input.population' });
  }
  return {
    siren,
    name,
    sortName: normalizeText(name),
    legalCategory,
    kind: kindFromLegalCategory(legalCategory),
    cogCode,
    departement,
    region,
    population,
    website: checkOptionalHttpUrl(input.website, 'input.website'),
    // The reference no longer overwrites what the hub wrote.
    source: 'HUB',
  };
}

/**
 * Creates or replaces a collectivité; its membership, if any, is left as it is. A collectivité of
 * the administrative reference replaced here keeps the hub's values when the reference is loaded again.
 */
export async function upsertCollectivite(prisma: PrismaClient, input: CollectiviteInput): Promise<Collectivite> {
  const data = collectiviteData(input);
  const { siren, ...rest } = data;
  return prisma.collectivite.upsert({ where: { siren }, create: data, update: rest });
}

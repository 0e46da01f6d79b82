import { badInput, normalizeText } from '@bibia/kit';
import type { AiProduct, PrismaClient } from '../generated/prisma/client';
import { checkOptionalHttpUrl, checkOptionalText, checkPattern, checkSiren, checkText } from '../shared/validate';
import type { AiProductInput } from './aiProductInput';

export const PRODUCT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type AiProductData = Omit<AiProduct, 'createdAt' | 'updatedAt'>;

/** Checks an input and derives the stored columns; throws BAD_USER_INPUT on the first problem. */
export function aiProductData(input: AiProductInput): AiProductData {
  const id = checkPattern(input.id, 'input.id', PRODUCT_ID, 'a product id (lower-case letters, digits and single hyphens)');
  if (id.length > 80) throw badInput('input.id must have at most 80 characters', { field: 'input.id' });
  const name = checkText(input.name, 'input.name', { max: 200 });
  const vendorName = checkText(input.vendor.name, 'input.vendor.name', { max: 200 });
  const vendorSiren = input.vendor.siren == null || input.vendor.siren.trim() === '' ? null : checkSiren(input.vendor.siren, 'input.vendor.siren');
  if (!input.hosting.length) throw badInput('input.hosting must list at least one way to host the product', { field: 'input.hosting' });
  return {
    id,
    name,
    sortName: normalizeText(name),
    searchText: normalizeText(`${name} ${vendorName} ${id}`),
    vendorName,
    vendorSiren,
    category: input.category,
    website: checkOptionalHttpUrl(input.website, 'input.website'),
    openSource: input.openSource ?? false,
    hosting: [...new Set(input.hosting)],
    description: checkOptionalText(input.description, 'input.description', 5000) ?? '',
  };
}

export async function upsertAiProduct(prisma: PrismaClient, input: AiProductInput): Promise<AiProduct> {
  const data = aiProductData(input);
  const { id, ...rest } = data;
  return prisma.aiProduct.upsert({ where: { id }, create: data, update: rest });
}

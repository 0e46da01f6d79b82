import { Field, Int, ObjectType } from 'type-graphql';
import type { AiTool as AiToolRow } from '../generated/prisma/client';

/**
 * The fields a complete entry states (those of the registers BibIA follows). Left out: the name
 * and summary (always given), the register bookkeeping (`source`, `externalId`, `sourceExtra`),
 * and details that only apply to some tools (end date, licence, source code, product link...).
 */
export const COMPLETENESS_FIELDS = [
  'description', 'purpose', 'department', 'themes', 'status', 'startDate', 'algorithmType', 'riskLevel', 'aiActRole',
  'automationLevel', 'individualDecisions', 'affectedPublic', 'humanOversight', 'dataSources', 'legalBasis',
  'impactAssessments', 'hosting', 'providerName', 'openSource', 'contactEmail',
] as const;

@ObjectType({ description: 'How much of an entry is filled in: null, empty texts and empty lists are "non renseigné".' })
export class Completeness {
  @Field(() => Int, { description: 'Fields filled in.' })
  filled!: number;

  @Field(() => Int, { description: 'Fields counted.' })
  total!: number;

  @Field(() => [String], { description: 'Fields not filled in (contract names), in contract order.' })
  missing!: string[];
}

const isFilled = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

export function completenessOf(tool: AiToolRow): Completeness {
  const values = tool as unknown as Record<string, unknown>;
  const missing = COMPLETENESS_FIELDS.filter((f) => !isFilled(values[f]));
  return { filled: COMPLETENESS_FIELDS.length - missing.length, total: COMPLETENESS_FIELDS.length, missing: [...missing] };
}

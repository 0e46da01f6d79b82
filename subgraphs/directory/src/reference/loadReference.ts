import type { Logger } from '@bibia/kit';
import type { PrismaClient } from '../generated/prisma/client';
import { DEPARTEMENTS } from '../shared/geo';
import { readReference, REFERENCE_PACKAGE, referenceVersion, type Reference, type ReferenceRow } from './readReference';

/** Where the reference comes from: its version is read first, its rows only when that version is new. */
export interface ReferenceSource {
  version(): string;
  read(): Reference;
}

/** Options of {@link loadReference}. */
export interface LoadReferenceOptions {
  logger: Logger;
  /** Rows per INSERT statement. @default 5000 */
  batchSize?: number;
  /** Only the collectivités of these départements (a regional hub, tests). @default [] (all of France) */
  departements?: readonly string[];
  /** @default the installed `@etalab/decoupage-administratif` package */
  source?: ReferenceSource;
  /** Load even when this version is already loaded. @default false */
  force?: boolean;
}

/** What {@link loadReference} did. */
export type LoadReferenceResult = { loaded: false; version: string } | { loaded: true; version: string; rows: number; ms: number };

const PACKAGE_SOURCE: ReferenceSource = { version: referenceVersion, read: readReference };

/** Identity columns: the reference sets them on its own rows only, never on a row the hub wrote. */
const IDENTITY = ['name', 'sortName', 'legalCategory', 'kind', 'cogCode', 'departement', 'region', 'population'];

// One statement per batch: the rows travel as one JSON parameter, so a batch costs one round
// trip whatever its size. The reference's own columns (postal codes, intercommunalité) are
// refreshed on every row.
const UPSERT = `
INSERT INTO "Collectivite" ("siren", "name", "sortName", "legalCategory", "kind", "cogCode", "departement", "region",
  "population", "postalCodes", "epciSiren", "source", "updatedAt")
SELECT r."siren", r."name", r."sortName", r."legalCategory", r."kind"::"CollectiviteKind", r."cogCode", r."departement",
  r."region", r."population", ARRAY(SELECT jsonb_array_elements_text(r."postalCodes")), r."epciSiren", 'REFERENCE', now()
FROM jsonb_to_recordset($1::jsonb) AS r("siren" text, "name" text, "sortName" text, "legalCategory" text, "kind" text,
  "cogCode" text, "departement" text, "region" text, "population" int, "postalCodes" jsonb, "epciSiren" text)
ON CONFLICT ("siren") DO UPDATE SET
  "postalCodes" = EXCLUDED."postalCodes",
  "epciSiren" = EXCLUDED."epciSiren",
${IDENTITY.map((c) => `  "${c}" = CASE WHEN "Collectivite"."source" = 'REFERENCE' THEN EXCLUDED."${c}" ELSE "Collectivite"."${c}" END,`).join('\n')}
  "updatedAt" = now()`;

/**
 * Loads the administrative reference (communes and intercommunalités of France) into the
 * directory, once per version of the package: a start-up with the same version costs one query.
 * Idempotent (upserts by SIREN), so replicas starting together may both load it. Collectivités
 * that left the reference (merged communes) are kept: one may be a member.
 */
export async function loadReference(prisma: PrismaClient, options: LoadReferenceOptions): Promise<LoadReferenceResult> {
  const { logger, batchSize = 5000, source = PACKAGE_SOURCE } = options;
  const departements = [...new Set(options.departements ?? [])].sort();
  const unknown = departements.filter((d) => !DEPARTEMENTS[d]);
  if (unknown.length) throw new Error(`Unknown département code(s) for the reference: ${unknown.join(', ')}`);
  // The selection is part of the version: choosing other départements loads them.
  const version = departements.length ? `${source.version()} departements=${departements.join(',')}` : source.version();
  const current = await prisma.referenceDataset.findUnique({ where: { name: REFERENCE_PACKAGE } });
  if (!options.force && current?.version === version) return { loaded: false, version };

  const started = Date.now();
  const { rows: all, skipped } = source.read();
  const rows = departements.length ? all.filter((r) => r.departement !== null && departements.includes(r.departement)) : all;
  logger.info({ package: REFERENCE_PACKAGE, version, previous: current?.version ?? null, rows: rows.length, skipped }, 'loading the administrative reference');
  for (let from = 0; from < rows.length; from += batchSize) {
    await upsertBatch(prisma, rows.slice(from, from + batchSize));
    logger.info({ loaded: Math.min(from + batchSize, rows.length), of: rows.length }, 'administrative reference: progress');
  }
  await prisma.referenceDataset.upsert({
    where: { name: REFERENCE_PACKAGE },
    create: { name: REFERENCE_PACKAGE, version, rows: rows.length },
    update: { version, rows: rows.length, loadedAt: new Date() },
  });
  const ms = Date.now() - started;
  logger.info({ package: REFERENCE_PACKAGE, version, rows: rows.length, ms }, 'administrative reference loaded');
  return { loaded: true, version, rows: rows.length, ms };
}

async function upsertBatch(prisma: PrismaClient, rows: ReferenceRow[]): Promise<void> {
  await prisma.$executeRawUnsafe(UPSERT, JSON.stringify(rows));
}

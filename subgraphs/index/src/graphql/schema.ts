// First: @bibia/kit loads reflect-metadata, which the decorators of the resolvers need.
import { buildFederatedSchema } from '@bibia/kit';
import { GraphQLDateTime } from 'graphql-scalars';
import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { aiToolModel, practiceReportModel } from '@bibia/registry/contract';
import { IndexAiToolResolver } from './aiTool.resolver';
import { IndexPracticeReportResolver } from './practiceReport.resolver';
import { LibraryStatsResolver } from './libraryStats';

const outputNames = (fields: Record<string, { output?: boolean }>) => Object.entries(fields).filter(([, f]) => f.output !== false).map(([n]) => n);
const WORKFLOW = ['id', 'slug', 'state', 'version', 'createdAt', 'updatedAt', 'publishedAt'];

/**
 * The fields the index serves on the registry's types. type-graphql keeps its metadata per
 * class, process-wide: when a registry schema was built in the same process, the registry's
 * field resolvers (`versions`, `pendingChanges`, `Collectivite.aiTools`...) are attached to these
 * classes. Anything not listed here is removed, so that a document asking for it fails
 * validation and the gateway falls back to live routing.
 */
const SERVED: Record<string, Set<string>> = {
  AiTool: new Set([...WORKFLOW, ...outputNames(aiToolModel.fields), 'collectivite', 'product', 'provider', 'practiceReports']),
  PracticeReport: new Set([...WORKFLOW, ...outputNames(practiceReportModel.fields), 'tool', 'collectivite']),
  Collectivite: new Set(['siren']),
  AiProduct: new Set(['id']),
  Query: new Set(['aiTools', 'practiceReports', 'libraryStats']),
};

/**
 * The schema served on `/graphql`: the contract's public reading side (`aiTools`,
 * `practiceReports`, with the registry's own types) and `libraryStats`. Not a subgraph schema:
 * `_entities` is absent on purpose (entity fetches stay live to their owner).
 */
export async function buildIndexSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [IndexAiToolResolver, IndexPracticeReportResolver, LibraryStatsResolver],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
    skipCheck: true,
  });
  return pruneSchema(
    mapSchema(schema, {
      [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => (SERVED[typeName] && !SERVED[typeName].has(fieldName) ? null : field),
    }),
  );
}

/** The `index` federation subgraph: `libraryStats` only (lists belong to the `registry` subgraph). */
export function buildIndexSubgraphSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [LibraryStatsResolver],
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    validate: false,
  });
}

/** The SDL of the `index` subgraph: the content of schema/index.graphql. */
export async function printIndexSdl(): Promise<string> {
  return `${printSubgraphSchema(await buildIndexSubgraphSchema()).trim()}\n`;
}

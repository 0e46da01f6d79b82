import fs from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** What clients of the gateway see: the API schema of a supergraph (no join__ types, no @inaccessible). */
export function apiSchemaOf(supergraphFile: string): GraphQLSchema {
  return Supergraph.build(fs.readFileSync(supergraphFile, 'utf8')).apiSchema().toGraphQLJSSchema();
}

/** What anyone can send a subgraph directly: its whole SDL, `_entities` and `_service` included. */
export function subgraphSchemaOf(sdlFile: string): GraphQLSchema {
  return buildSchema(fs.readFileSync(sdlFile, 'utf8'), { assumeValidSDL: true });
}

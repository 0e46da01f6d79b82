import { printSubgraphSchema } from '@apollo/subgraph';
import { buildRegistrySchema } from './schema';

/** The contract SDL as `_service { sdl }` returns it: the content of schema/registry.graphql. */
export async function printRegistrySdl(): Promise<string> {
  return `${printSubgraphSchema(await buildRegistrySchema()).trim()}\n`;
}

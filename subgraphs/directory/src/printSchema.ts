import { execute, parse } from 'graphql';
import { buildDirectorySchema } from './schema';

/**
 * The directory's subgraph SDL exactly as `{ _service { sdl } }` returns it: the content of
 * `schema/directory.graphql`, which a test keeps in step with the code.
 */
export async function printDirectorySchema(): Promise<string> {
  const schema = await buildDirectorySchema();
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  const sdl = (result.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== 'string') throw new Error(`_service.sdl did not print: ${JSON.stringify(result.errors)}`);
  return sdl.endsWith('\n') ? sdl : `${sdl}\n`;
}

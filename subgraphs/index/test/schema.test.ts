import fs from 'node:fs';
import { parse } from 'graphql';
import { INDEX_SDL_FILE, printIndexSdl } from '../src';

describe('schema/index.graphql', () => {
  it('is the SDL of the code (run npm run -w @bibia/index print-schema)', async () => {
    expect(fs.readFileSync(INDEX_SDL_FILE, 'utf8')).toBe(await printIndexSdl());
  });

  it('holds libraryStats only: national lists belong to the registry subgraph', async () => {
    const doc = parse(await printIndexSdl());
    const query = doc.definitions.find((d: any) => d.kind === 'ObjectTypeDefinition' && d.name.value === 'Query') as any;
    expect(query.fields.map((f: any) => f.name.value)).toEqual(['libraryStats', '_service']);
  });
});

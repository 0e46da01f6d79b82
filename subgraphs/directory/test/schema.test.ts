import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { printDirectorySchema } from '../src';

const FILE = path.join(__dirname, '..', '..', '..', 'schema', 'directory.graphql');

describe('schema/directory.graphql', () => {
  it('is what the code prints (run `npm run schema:print` after changing the schema)', async () => {
    expect(fs.readFileSync(FILE, 'utf8')).toBe(await printDirectorySchema());
  });

  it('documents every type, field, argument and enum value', async () => {
    const undocumented: string[] = [];
    const own = (name: string) => !name.startsWith('_') && !name.startsWith('link__') && !name.startsWith('federation__');
    const doc = parse(await printDirectorySchema());
    for (const def of doc.definitions) {
      if (!('name' in def) || !def.name || !own(def.name.value) || def.kind === 'DirectiveDefinition') continue;
      const type = def.name.value;
      // Root types, connections and edges speak for themselves through their fields.
      const selfExplanatory = ['Query', 'Mutation'].includes(type) || def.kind.endsWith('Extension');
      if (!selfExplanatory && !('description' in def && def.description)) undocumented.push(type);
      if ('values' in def) for (const v of def.values ?? []) if (!v.description) undocumented.push(`${type}.${v.name.value}`);
      if ('fields' in def) {
        for (const f of def.fields ?? []) {
          if (!own(f.name.value)) continue;
          const fieldType = 'type' in f ? f.type : undefined;
          // A field whose type is documented (edges, node, pageInfo, enums) needs no description of its own.
          const named = fieldType && JSON.stringify(fieldType).match(/"value":"(\w+)"/)?.[1];
          const documentedType = named && !['String', 'Int', 'Boolean', 'ID', 'Float', 'DateTime'].includes(named);
          if (!f.description && !documentedType) undocumented.push(`${type}.${f.name.value}`);
          if ('arguments' in f) {
            for (const a of f.arguments ?? []) {
              const argNamed = JSON.stringify(a.type).match(/"value":"(\w+)"/)?.[1];
              const scalarArg = ['String', 'Int', 'Boolean', 'ID'].includes(argNamed ?? '');
              if (!a.description && scalarArg && !['siren', 'id'].includes(a.name.value)) undocumented.push(`${type}.${f.name.value}(${a.name.value}:)`);
            }
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});

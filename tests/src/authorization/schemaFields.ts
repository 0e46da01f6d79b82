import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { REPO_ROOT } from '../startStack';

/**
 * Every root field (`Query.x`, `Mutation.y`) the given SDL files of `schema/` declare, definitions
 * and extensions alike, federation's own (`_entities`, `_service`) included.
 */
export function rootFieldsOf(files: string[]): Set<string> {
  const fields = new Set<string>();
  for (const file of files) {
    const document = parse(fs.readFileSync(path.join(REPO_ROOT, 'schema', file), 'utf8'));
    for (const def of document.definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      if (def.name.value !== 'Query' && def.name.value !== 'Mutation') continue;
      for (const field of def.fields ?? []) fields.add(`${def.name.value}.${field.name.value}`);
    }
  }
  return fields;
}

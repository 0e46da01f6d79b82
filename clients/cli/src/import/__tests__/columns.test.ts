import fs from 'node:fs';
import path from 'node:path';
import { FIELD_KINDS, STANDARDS } from '../columns';
import { renderColumnsDoc } from '../columnsDoc';
import { key, vocabularyOf } from '../vocabulary';

describe('import columns', () => {
  it('are documented by docs/import-columns.md, generated from the tables', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', '..', 'docs', 'import-columns.md'), 'utf8');
    expect({ doc, hint: 'regenerate: node clients/cli/bin/columns-doc.js' }).toEqual({ doc: renderColumnsDoc(), hint: 'regenerate: node clients/cli/bin/columns-doc.js' });
  });

  it('give one meaning to each name within a standard (the file’s standard decides between standards)', () => {
    for (const s of STANDARDS) {
      const seen = new Map<string, unknown>();
      for (const c of s.columns) {
        for (const name of [c.header, ...(c.aliases ?? [])]) {
          const field = seen.has(key(name)) ? seen.get(key(name)) : c.field;
          expect({ standard: s.id, name, field }).toEqual({ standard: s.id, name, field: c.field });
          seen.set(key(name), c.field);
        }
      }
    }
  });

  it('cover every field of AiToolInput with a BibIA column', () => {
    const bibia = new Set(STANDARDS[0].columns.map((c) => c.field));
    expect(Object.keys(FIELD_KINDS).filter((f) => !bibia.has(f as never))).toEqual([]);
  });

  it('map every standard value to a BibIA value that exists', () => {
    for (const s of STANDARDS) {
      for (const c of s.columns) {
        if (!c.values || !c.field || c.field === 'id') continue;
        const vocabulary = vocabularyOf(FIELD_KINDS[c.field].enum!);
        for (const to of Object.values(c.values)) if (to !== null) expect(vocabulary.values).toContain(to);
      }
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, parse, type EnumTypeDefinitionNode } from 'graphql';
import { execFileSync } from 'node:child_process';
import { GENERATED_DIR, LABELS_FILE } from '../codegen';
import { ENUM_LABELS } from '../src/labels';

const SUPERGRAPH = path.join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe('generated client', () => {
  // The supergraph is committed: without it nothing here could be checked, which is a failure.
  it('has the committed supergraph to check against', () => {
    const missing = 'is missing: compose it with `node gateway/bin/compose.js` and commit it';
    expect({ supergraph: SUPERGRAPH, exists: fs.existsSync(SUPERGRAPH), missing }).toEqual({ supergraph: SUPERGRAPH, exists: true, missing });
  });

  it('is exactly what graphql-codegen and the labels generator write from their sources', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-codegen-'));
    try {
      // A child process: graphql-codegen's CLI package requires ESM-only modules, which jest's
      // CommonJS runtime cannot load; plain Node can.
      execFileSync(process.execPath, [path.join(__dirname, '..', 'bin', 'codegen.js'), '--out', tmp], { stdio: 'pipe' });
      const stale = 'is stale: run `node clients/sdk/bin/codegen.js` and commit clients/sdk/src/generated';
      expect(listFiles(tmp)).toContain(LABELS_FILE);
      expect({ files: listFiles(GENERATED_DIR), stale }).toEqual({ files: listFiles(tmp), stale });
      for (const name of listFiles(tmp)) {
        const committed = fs.readFileSync(path.join(GENERATED_DIR, name), 'utf8');
        expect({ name, committed, stale }).toEqual({ name, committed: fs.readFileSync(path.join(tmp, name), 'utf8'), stale });
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('has a French label for every value of every labelled enum, and theme labels equal the schema descriptions', () => {
    const doc = parse(fs.readFileSync(SUPERGRAPH, 'utf8'));
    buildSchema(fs.readFileSync(SUPERGRAPH, 'utf8'), { assumeValidSDL: true });
    const enums = new Map(
      doc.definitions.filter((d): d is EnumTypeDefinitionNode => d.kind === 'EnumTypeDefinition').map((d) => [d.name.value, d]),
    );
    for (const [name, labels] of Object.entries(ENUM_LABELS)) {
      const values = enums.get(name)?.values?.map((v) => v.name.value) ?? [];
      expect({ name, values: Object.keys(labels).sort() }).toEqual({ name, values: [...values].sort() });
    }
    const themeDescriptions = Object.fromEntries(enums.get('Theme')!.values!.map((v) => [v.name.value, v.description?.value]));
    expect(ENUM_LABELS.Theme).toEqual(themeDescriptions);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { composeSupergraph } from '../src/compose/composeSupergraph';
import { DEFAULT_CONFIG } from '../src/config';
import { costLimitRule, depthLimitRule, readCostDirectives } from '@bibia/core';
import { REPO_ROOT } from '../src/paths';

// The client operations shipped with the SDK must pass the gateway's default limits, with the
// largest page they allow (`first: 100`), against the API schema of the composed supergraph.
// The files are committed: a missing one fails the suite (with its name), never skips it.
const operationsDir = path.join(REPO_ROOT, 'schema', 'operations');
const required = [...['registry', 'directory'].map((s) => path.join(REPO_ROOT, 'schema', `${s}.graphql`)), path.join(REPO_ROOT, 'rover.yaml'), operationsDir];
const missing = required.filter((f) => !fs.existsSync(f)).map((f) => path.relative(REPO_ROOT, f));
if (missing.length) throw new Error(`committed files are missing: ${missing.join(', ')} (restore them from git, or regenerate: \`npm run schema:print\`)`);

describe('client operations under the default limits', () => {
  const composed = composeSupergraph();
  if (!composed.ok) throw new Error(`composition fails:\n${composed.errors.join('\n')}`);
  const schema = Supergraph.build(composed.supergraphSdl).apiSchema().toGraphQLJSSchema();
  // The gateway measures cost with the supergraph's @listSize / @cost, as here.
  const costDirectives = readCostDirectives(composed.supergraphSdl);
  const files = fs.readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'));
  if (files.length === 0) throw new Error(`${path.relative(REPO_ROOT, operationsDir)} holds no .graphql operation`);
  const document = parse(files.map((f) => fs.readFileSync(path.join(operationsDir, f), 'utf8')).join('\n'));
  // Queries only: mutations return one entry, and their inputs would need real values here.
  const queries = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.operation === 'query');
  const variables = { first: 100, id: '216200410:x', siren: '216200410', since: '2025-01-01T00:00:00Z' };

  it('validate against the supergraph', () => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it.each(queries.map((o) => [o.name!.value]))('%s', (name) => {
    const errors = validate(schema, document, [depthLimitRule(DEFAULT_CONFIG.maxDepth), costLimitRule(DEFAULT_CONFIG.maxCost, variables, name, costDirectives) as never]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('measures them for real (a tiny limit rejects the export)', () => {
    const errors = validate(schema, document, [costLimitRule(100, variables, 'ExportAiTools', costDirectives) as never]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^The query costs \d+; the limit is 100/)]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { REPO_ROOT } from '../src/paths';
import { DEFAULT_CONFIG } from '../src/config';
import { costLimitRule } from '../src/limits/costLimitRule';
import { depthLimitRule } from '../src/limits/depthLimitRule';

// The client operations shipped with the SDK must pass the gateway's default limits, with the
// largest page they allow (`first: 100`).
const operationsDir = path.join(REPO_ROOT, 'schema', 'operations');
const contract = path.join(REPO_ROOT, 'schema', 'registry.graphql');

(fs.existsSync(contract) && fs.existsSync(operationsDir) ? describe : describe.skip)('client operations under the default limits', () => {
  // The printed contract is a complete subgraph SDL (federation fields included).
  const schema = buildSchema(fs.readFileSync(contract, 'utf8'));
  const files = fs.readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'));
  const fragments = files.map((f) => fs.readFileSync(path.join(operationsDir, f), 'utf8')).join('\n');
  const document = parse(fragments);
  // Queries only: mutations return one entry, and their inputs would need real values here.
  const queries = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && d.operation === 'query');
  const variables = { first: 100, id: '216200410:x', since: '2025-01-01T00:00:00Z' };

  it.each(queries.map((o) => [o.name!.value]))('%s', (name) => {
    const errors = validate(schema, document, [depthLimitRule(DEFAULT_CONFIG.maxDepth), costLimitRule(DEFAULT_CONFIG.maxCost, variables, name) as never]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('measures them for real (a tiny limit rejects the export)', () => {
    const errors = validate(schema, document, [costLimitRule(100, variables, 'ExportAiTools') as never]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^The query costs \d+; the limit is 100/)]);
  });
});

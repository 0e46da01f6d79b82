import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { REPO_ROOT } from '../../paths';
import { analyseFetch } from '../analyseFetch';
import { isIndexable, namesOneMember } from '../indexable';

// Fetches as the query planner sends them to `registry`, read against the contract.
const contract = buildSchema(fs.readFileSync(path.join(REPO_ROOT, 'schema', 'registry.graphql'), 'utf8'));
const anonymous = { authenticated: false };

function indexable(query: string, variables: Record<string, unknown> = {}, caller = anonymous): boolean {
  return isIndexable(analyseFetch(parse(query), variables, contract), caller);
}

describe('isIndexable', () => {
  it('takes anonymous national lists, alone or together, with __typename', () => {
    expect(indexable(`{ aiTools(first: 5) { totalCount } }`)).toBe(true);
    expect(indexable(`query($f: PracticeReportFilter) { __typename practiceReports(filter: $f) { edges { node { id } } } a: aiTools(orderBy: RECENT) { totalCount } }`, { f: { departement: '62' } })).toBe(true);
    expect(indexable(`{ aiTools(filter: { sirens: ["216200410", "215903501"] }) { totalCount } }`)).toBe(true);
  });

  it('leaves authenticated callers, mutations and entity fetches live', () => {
    expect(indexable(`{ aiTools { totalCount } }`, {}, { authenticated: true })).toBe(false);
    expect(indexable(`mutation { archiveAiTool(id: "216200410:x") { id } }`)).toBe(false);
    expect(indexable(`query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, { r: [] })).toBe(false);
  });

  it('leaves live a fetch with any field the index does not serve nationally', () => {
    expect(indexable(`{ aiTool(id: "216200410:x") { id } }`)).toBe(false);
    expect(indexable(`{ registry(siren: "216200410") { __typename } }`)).toBe(false);
    expect(indexable(`{ changes(first: 5) { totalCount } }`)).toBe(false);
    expect(indexable(`{ aiTools { totalCount } changes(first: 5) { totalCount } }`)).toBe(false);
    expect(indexable(`{ __typename }`)).toBe(false);
  });

  it('leaves live a filter naming one member, by SIREN or by one of its tools', () => {
    expect(indexable(`query($f: AiToolFilter) { aiTools(filter: $f) { totalCount } }`, { f: { sirens: ['216200410'] } })).toBe(false);
    expect(indexable(`query($f: AiToolFilter) { aiTools(filter: $f) { totalCount } }`, { f: { sirens: ['216200410', '216200410'] } })).toBe(false);
    expect(indexable(`{ practiceReports(filter: { toolId: "216200410:chatbot" }) { totalCount } }`)).toBe(false);
    expect(indexable(`{ aiTools { totalCount } practiceReports(filter: { toolId: "216200410:chatbot" }) { totalCount } }`)).toBe(false);
  });

  it('reads filters the way pruning does', () => {
    expect(namesOneMember(undefined)).toBe(false);
    expect(namesOneMember({ sirens: [] })).toBe(false);
    expect(namesOneMember({ sirens: null, departement: '62' })).toBe(false);
    expect(namesOneMember({ toolId: 'garbage' })).toBe(true);
  });
});

import fs from 'node:fs';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { defaultSupergraphFile } from '../../paths';
import { selectedOperationPlugin } from '../selectedOperationPlugin';

const api = Supergraph.build(fs.readFileSync(defaultSupergraphFile(), 'utf8')).apiSchema();

// Found by the fuzz (tests/e2e/fuzz.test.ts): HTTP 500 "Invalid value $o for argument" at the gateway.
const DOCUMENT = parse(`
  query Tools($o: AiToolOrder!) { collectivite(siren: "216200410") { ...Tools } }
  query Other { __typename }
  fragment Tools on Collectivite { aiTools(orderBy: $o, first: 5) { totalCount } }
`);

/** What the plugin leaves in the request context for the gateway's executor. */
async function documentRun(document: DocumentNode, operationName: string): Promise<DocumentNode> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operationName)!;
  const listener = await selectedOperationPlugin().requestDidStart!({} as never);
  const requestContext = { document, operation };
  await listener!.didResolveOperation!(requestContext as never);
  return requestContext.document;
}

it('the planner fails on a fragment of another operation that uses a variable the picked one lacks', () => {
  expect(() => operationFromDocument(api, DOCUMENT, { operationName: 'Other' })).toThrow(/Invalid value \$o/);
});

it('gives the planner the picked operation and only the fragments it uses', async () => {
  const other = await documentRun(DOCUMENT, 'Other');
  expect(print(other)).toBe('query Other {\n  __typename\n}');
  expect(() => operationFromDocument(api, other, { operationName: 'Other' })).not.toThrow();

  const tools = await documentRun(DOCUMENT, 'Tools');
  expect(tools.definitions.map((d) => ('name' in d ? d.name?.value : d.kind))).toEqual(['Tools', 'Tools']);
  expect(() => operationFromDocument(api, tools, { operationName: 'Tools' })).not.toThrow();
});

it('leaves a document of one operation as it is', async () => {
  const single = parse('{ __typename }');
  expect(await documentRun(single, '')).toBe(single);
});

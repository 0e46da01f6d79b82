import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { BibiaError, MEMBER_UNAVAILABLE, unavailableMembersOf, type GraphQLErrorJson, type UnavailableMember } from './errors';
import { staleMembersOf, type StaleMember } from './staleMembers';
import type { GraphQLRequest, Transport } from './transport';

/**
 * What every operation resolves to. When some member registries did not answer, `data` holds
 * what the others gave and `unavailableMembers` names the missing ones: a national answer is
 * rarely all-or-nothing, so partial results are never thrown away. When the hub answered from its
 * national index, `staleMembers` names the members whose data there may be out of date.
 */
export interface BibiaResult<TData> {
  data: TData;
  /** Members that did not answer (from MEMBER_UNAVAILABLE errors), once each. */
  unavailableMembers: UnavailableMember[];
  /**
   * Members the national index has not read recently (from `extensions.bibia.staleMembers`),
   * once each: their data is there, as of `harvestedAt`. Empty when the answer is fresh.
   */
  staleMembers: StaleMember[];
  /** Every GraphQL error of the answer (only MEMBER_UNAVAILABLE ones: any other is thrown). */
  errors: GraphQLErrorJson[];
}

const described = new WeakMap<DocumentNode, Omit<GraphQLRequest, 'variables'>>();

/** The text sent for a document (printed once: the APQ hash must be of the exact text). */
function describe(document: DocumentNode): Omit<GraphQLRequest, 'variables'> {
  let d = described.get(document);
  if (!d) {
    const op = document.definitions.find((def): def is OperationDefinitionNode => def.kind === 'OperationDefinition');
    if (!op) throw new TypeError('The document has no operation');
    d = { query: print(document), operationName: op.name?.value, kind: op.operation };
    described.set(document, d);
  }
  return d;
}

/**
 * Runs one typed document: partial answers come back with their unavailable members; any other
 * GraphQL error is thrown as a {@link BibiaError} carrying its code.
 */
export async function execute<TData, TVariables extends Record<string, unknown>>(
  transport: Transport,
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): Promise<BibiaResult<TData>> {
  const { status, body, retryAfterSeconds } = await transport.send({ ...describe(document), variables });
  const errors = body.errors ?? [];
  const unavailableMembers = unavailableMembersOf(errors);
  const other = errors.find((e) => e.extensions?.code !== MEMBER_UNAVAILABLE);
  if (other) {
    throw new BibiaError(String(other.extensions?.code ?? 'GRAPHQL_ERROR'), other.message, { status, errors, data: body.data, unavailableMembers, retryAfterSeconds });
  }
  if (body.data === null || body.data === undefined) {
    const message = errors[0]?.message ?? `empty answer (HTTP ${status})`;
    throw new BibiaError(errors.length ? MEMBER_UNAVAILABLE : 'BAD_RESPONSE', message, { status, errors, unavailableMembers });
  }
  return { data: body.data as TData, unavailableMembers, staleMembers: staleMembersOf(body.extensions), errors };
}

import { errorMessages, postGraphQL, type PostGraphQLResult } from '@bibia/kit';

/** What `bibia-registry join` sends (the directory's `MembershipRequestInput`). */
export interface JoinRequest {
  /** The hub's GraphQL endpoint: its directory or its gateway (a base URL gets `/graphql`). */
  hubUrl: string;
  siren: string;
  /** This registry's public GraphQL endpoint, as the hub will call it. */
  registryUrl: string;
  contactEmail: string;
  contactName?: string;
  message?: string;
  /** @default 15000 */
  timeoutMs?: number;
}

/** The request the hub recorded. */
export interface JoinAnswer {
  id: string;
  status: string;
  collectivite: { name: string };
}

const REQUEST = `mutation RequestMembership($input: MembershipRequestInput!) {
  requestMembership(input: $input) { id status collectivite { name } }
}`;

const SELF_CHECK = `query JoinSelfCheck($siren: String!) { registry(siren: $siren) { __typename } }`;

/** Thrown with a message for the person running the command (no stack trace shown). */
export class JoinError extends Error {}

/** `https://hub.example.fr` → `https://hub.example.fr/graphql`; an endpoint is kept as it is. */
export function graphqlEndpoint(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new JoinError(`${what}: "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new JoinError(`${what}: "${url}" is not an http or https URL`);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/graphql';
  return parsed.toString();
}

function failure(result: Extract<PostGraphQLResult, { ok: false }>): string {
  return result.status ? `HTTP ${result.status}` : result.failure;
}

/**
 * Asks the hub to admit this registry's collectivité: first checks that the registry answers at
 * its public URL for this SIREN (the hub will call it there), then sends `requestMembership`.
 * The hub admin approves it (docs/joining.md). Throws a {@link JoinError} saying what to fix.
 */
export async function joinHub(request: JoinRequest): Promise<JoinAnswer> {
  const timeoutMs = request.timeoutMs ?? 15_000;
  const hubUrl = graphqlEndpoint(request.hubUrl, '--hub');
  const registryUrl = graphqlEndpoint(request.registryUrl, '--url');

  const self = await postGraphQL(registryUrl, SELF_CHECK, { siren: request.siren }, { timeoutMs });
  if (!self.ok) throw new JoinError(`This registry does not answer at ${registryUrl} (${failure(self)}): start it, and give the URL the hub can reach with --url`);
  if (!self.data?.registry) throw new JoinError(`The registry at ${registryUrl} is not the one of SIREN ${request.siren}: check --url and --siren (REGISTRY_SIREN)`);

  const input = { siren: request.siren, registryUrl, contactEmail: request.contactEmail, contactName: request.contactName, message: request.message };
  const answer = await postGraphQL(hubUrl, REQUEST, { input }, { timeoutMs });
  if (!answer.ok) throw new JoinError(`The hub does not answer at ${hubUrl} (${failure(answer)})`);
  if (answer.errors.length) throw new JoinError(`The hub refused the request: ${errorMessages(answer.errors).join('; ')}`);
  const recorded = answer.data?.requestMembership as JoinAnswer | undefined;
  if (!recorded) throw new JoinError(`The hub at ${hubUrl} gave no answer to requestMembership: is it a BibIA hub?`);
  return recorded;
}

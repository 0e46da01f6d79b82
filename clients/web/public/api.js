// The page's GraphQL client: the operations of schema/operations (served by /catalogue/operations.js
// with their sha256), automatic persisted queries, and partial results kept with the names of the
// members that did not answer, and of those whose data the national index has not read recently.
import { OPERATIONS } from './operations.js';
import { forgetPartnerCredential, partnerCredential } from './partner.js';

export class ApiError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const ENDPOINT = '/graphql';

async function post(body) {
  let res;
  const credential = partnerCredential();
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', 'Le service ne répond pas. Vérifiez votre connexion puis réessayez.');
  }
  let json;
  try {
    json = await res.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `Réponse inattendue du service (HTTP ${res.status}).`);
  }
  if (!json || typeof json !== 'object') throw new ApiError('BAD_RESPONSE', `Réponse inattendue du service (HTTP ${res.status}).`);
  return json;
}

/** Members named by MEMBER_UNAVAILABLE errors, once each. */
function unavailableMembers(errors) {
  const out = [];
  for (const e of errors) {
    const ext = e.extensions || {};
    if (ext.code !== 'MEMBER_UNAVAILABLE') continue;
    const sirens = Array.isArray(ext.sirens) ? ext.sirens.map(String) : [String(ext.siren || '')];
    const name = sirens.length === 1 && typeof (ext.member || ext.name) === 'string' ? ext.member || ext.name : '';
    for (const siren of sirens) if (!out.some((m) => m.siren === siren)) out.push({ siren, name, message: e.message });
  }
  return out;
}

/** Members named in `extensions.bibia.staleMembers`: { siren, name, harvestedAt } (null: never read). */
function staleMembers(extensions) {
  const list = extensions && extensions.bibia && extensions.bibia.staleMembers;
  if (!Array.isArray(list)) return [];
  const out = [];
  for (const m of list) {
    if (!m || typeof m.siren !== 'string' || out.some((x) => x.siren === m.siren)) continue;
    out.push({ siren: m.siren, name: typeof m.name === 'string' ? m.name : '', harvestedAt: typeof m.harvestedAt === 'string' ? m.harvestedAt : null });
  }
  return out;
}

/**
 * Runs an operation by name. Resolves to { data, unavailable, stale } — `unavailable` lists the
 * members whose data is missing, `stale` those whose data may be out of date — and rejects with an
 * ApiError for any other error.
 */
export async function request(name, variables = {}) {
  const op = OPERATIONS[name];
  if (!op) throw new ApiError('BAD_OPERATION', `Opération inconnue : ${name}`);
  const extensions = { persistedQuery: { version: 1, sha256Hash: op.hash } };
  let json = await post({ operationName: name, variables, extensions });
  const codes = (json.errors || []).map((e) => (e.extensions && e.extensions.code) || e.message);
  if (codes.includes('PERSISTED_QUERY_NOT_FOUND') || codes.includes('PERSISTED_QUERY_NOT_SUPPORTED')) {
    json = await post({ operationName: name, variables, query: op.query, ...(codes.includes('PERSISTED_QUERY_NOT_FOUND') ? { extensions } : {}) });
  }
  const errors = json.errors || [];
  const other = errors.find((e) => !e.extensions || e.extensions.code !== 'MEMBER_UNAVAILABLE');
  if (other && other.extensions && other.extensions.code === 'UNAUTHENTICATED' && partnerCredential()) {
    forgetPartnerCredential();
    throw new ApiError('UNAUTHENTICATED', `Le jeton partenaire a été refusé (${other.message}). L’accès partenaire est fermé ; rechargez la page pour voir les données publiques.`);
  }
  if (other) throw new ApiError((other.extensions && other.extensions.code) || 'GRAPHQL_ERROR', other.message);
  if (json.data === null || json.data === undefined) {
    throw new ApiError('MEMBER_UNAVAILABLE', 'Le registre concerné ne répond pas pour le moment.');
  }
  return { data: json.data, unavailable: unavailableMembers(errors), stale: staleMembers(json.extensions) };
}

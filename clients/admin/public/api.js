// The back-office's calls: its session (an HttpOnly cookie, and a CSRF token kept in memory) and
// the registry's GraphQL API through /admin/api/graphql.

export class ApiError extends Error {
  constructor(code, message, fieldErrors = []) {
    super(message);
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

let csrf = '';

export async function call(path, { method = 'GET', headers = {}, body } = {}) {
  let res;
  try {
    res = await fetch(path, { method, headers: { accept: 'application/json', ...(csrf ? { 'x-bibia-csrf': csrf } : {}), ...headers }, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK_ERROR', 'Le registre ne répond pas. Vérifiez votre connexion puis réessayez.');
  }
  return res;
}

async function json(res) {
  try {
    return await res.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `Réponse inattendue du registre (HTTP ${res.status}).`);
  }
}

/** The session, as GET /admin/api/session says: { signedIn, label, owner }. */
export async function currentSession() {
  const body = await json(await call('/admin/api/session'));
  csrf = body.csrf || '';
  return body;
}

export async function signIn(token) {
  const body = await json(await call('/admin/api/session', { method: 'POST', headers: { authorization: `Bearer ${token}` } }));
  if (body.error) throw new ApiError(body.error.code, body.error.message);
  csrf = body.csrf;
  return body;
}

export async function signOut() {
  await call('/admin/api/session', { method: 'DELETE' });
  csrf = '';
}

/** Runs a GraphQL operation as the signed-in publisher; throws ApiError with the field errors. */
export async function gql(query, variables = {}) {
  const res = await call('/admin/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await json(res);
  if (body.error) throw new ApiError(body.error.code, body.error.message);
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.extensions?.code || 'ERROR', e.message, e.extensions?.fieldErrors || (e.extensions?.field ? [{ field: e.extensions.field, message: e.message }] : []));
  }
  return body.data;
}

/** Uploads a file to the import endpoint; resolves to its report. */
export async function importFile(name, content, { dryRun, publish, acceptSuggestions }) {
  const params = new URLSearchParams({ name, dryRun: String(dryRun), publish: String(publish), acceptSuggestions: String(acceptSuggestions) });
  const body = await json(await call(`/admin/api/import?${params}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: content }));
  if (body.error) throw new ApiError(body.error.code, body.error.message);
  return body;
}

/** Downloads the export in `format` (csv or json). */
export async function download(format) {
  const res = await call(`/admin/api/export?format=${format}`);
  if (!res.ok) throw new ApiError('EXPORT_FAILED', ((await json(res)).error || {}).message || 'Export impossible.');
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '')?.[1] || `registre.${format}`;
  return { name, blob: await res.blob() };
}

/** The national product catalogue's products ({ available, products: [{ id, name }] }), read by the registry from the hub. */
export async function catalogueProducts() {
  const res = await call('/admin/api/products');
  return res.ok ? json(res) : { available: false, products: [] };
}

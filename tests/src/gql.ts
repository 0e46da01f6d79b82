export interface GqlResult {
  status: number;
  body: { data?: any; errors?: any };
}

/** POSTs a GraphQL request as any client would, and returns the HTTP status and the parsed body. */
export async function gql(url: string, query: string | undefined, variables?: Record<string, unknown>, options: { headers?: Record<string, string>; extensions?: unknown } = {}): Promise<GqlResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables, extensions: options.extensions }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    throw new Error(`not JSON (HTTP ${res.status}): ${text.slice(0, 200)}`);
  }
}

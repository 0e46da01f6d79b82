/** One HTTP request of the fuzz, as sent. */
export interface FuzzRequest {
  /** What the request tries (`valid`, `syntax`, `apq`...), for the summary and the failure report. */
  kind: string;
  method: string;
  headers: Record<string, string>;
  /** Sent as bytes, so that no content type is added that the request does not name. */
  body?: string | Buffer;
  /** Query string of a GET (`?query=…`). */
  search?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** A POST of a JSON body, as every GraphQL client sends it. */
export function postJson(kind: string, payload: unknown, headers: Record<string, string> = {}): FuzzRequest {
  return { kind, method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(payload) };
}

/** Size of a request, to show the smallest failing ones first. */
export function requestSize(request: FuzzRequest): number {
  return (request.body?.length ?? 0) + (request.search?.length ?? 0);
}

/** A request as a reader can replay it (bodies cut at `max` characters). */
export function describeRequest(request: FuzzRequest, max = 2000): string {
  const body = request.body === undefined ? '' : Buffer.isBuffer(request.body) ? `<${request.body.length} bytes>` : request.body;
  const text = `${request.method}${request.search ?? ''} ${JSON.stringify(request.headers)}\n${body}`;
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/** A product of the hub's national catalogue, as the tool form offers it. */
export interface CatalogueProduct {
  id: string;
  name: string;
}

/** Options of {@link createProductCatalogue}. */
export interface ProductCatalogueOptions {
  /** The hub's directory (the registry's `HUB_URL`); without it the list is empty. */
  hubUrl?: string;
  /** How long a list read from the hub is kept. @default 10 minutes */
  ttlMs?: number;
  /** @default 5000 */
  timeoutMs?: number;
}

const QUERY = 'query($after: String) { aiProducts(first: 100, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }';
const MAX_ANSWER_BYTES = 1024 * 1024;
const MAX_PAGES = 20;

/**
 * The products of the national catalogue, read from the hub's directory (the registry already
 * trusts it for partner keys): no redirect followed, answers of at most 1 MiB, a timeout. A hub
 * that does not answer gives an empty list: the field stays a free text.
 */
export function createProductCatalogue(options: ProductCatalogueOptions) {
  const ttlMs = options.ttlMs ?? 600_000;
  let cached: { at: number; products: CatalogueProduct[] } | undefined;

  async function page(after: string | null) {
    const res = await fetch(new URL('/graphql', options.hubUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { after } }),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    if (res.status !== 200) throw new Error(`hub answered HTTP ${res.status}`);
    const text = await readCapped(res, MAX_ANSWER_BYTES);
    return (JSON.parse(text) as { data: { aiProducts: { edges: { node: CatalogueProduct }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }).data.aiProducts;
  }

  return {
    async list(): Promise<{ available: boolean; products: CatalogueProduct[] }> {
      if (!options.hubUrl) return { available: false, products: [] };
      if (cached && Date.now() - cached.at < ttlMs) return { available: true, products: cached.products };
      try {
        const products: CatalogueProduct[] = [];
        let after: string | null = null;
        for (let i = 0; i < MAX_PAGES; i++) {
          const p = await page(after);
          products.push(...p.edges.map((e) => ({ id: String(e.node.id), name: String(e.node.name) })));
          if (!p.pageInfo.hasNextPage) break;
          after = p.pageInfo.endCursor;
        }
        cached = { at: Date.now(), products };
        return { available: true, products };
      } catch {
        return { available: false, products: cached?.products ?? [] };
      }
    },
  };
}

async function readCapped(res: Response, limit: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`hub answer over ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

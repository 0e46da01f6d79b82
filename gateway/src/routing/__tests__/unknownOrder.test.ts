import { buildSchema, parse } from 'graphql';
import { analyseFetch } from '../analyseFetch';
import { routeQuery } from '../routeQuery';
import type { RoutingEnv } from '../RoutingEnv';

// A contract that gained an order before the gateway's conventions did (OLDEST).
const schema = buildSchema(`
  type Query { aiTools(orderBy: AiToolOrder! = NAME, first: Int! = 20): Conn! }
  enum AiToolOrder { NAME RECENT OLDEST }
  type Conn { edges: [Edge!]! pageInfo: PageInfo! totalCount: Int! }
  type Edge { cursor: String! node: Tool! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Tool { id: ID! }
`);

const member = { siren: '216200410', name: 'Arras', url: 'http://127.0.0.1:9/graphql', departement: '62', region: '32', status: 'ACTIVE' };

function envCountingSends(): { env: RoutingEnv; sends: () => number } {
  let sends = 0;
  const env: RoutingEnv = {
    members: { list: () => [member], get: (s) => (s === member.siren ? member : undefined), ensureKnown: async () => {} },
    send: async () => {
      sends++;
      return { ok: true, data: { aiTools: { __bibia_edges: [], __bibia_pageInfo: { hasNextPage: false }, __bibia_totalCount: 0, edges: [] } }, errors: [] };
    },
  };
  return { env, sends: () => sends };
}

it('gives each known order its direction, and none to an order the conventions do not know', () => {
  const directions = ['NAME', 'RECENT', 'OLDEST'].map((order) => analyseFetch(parse(`{ aiTools(orderBy: ${order}) { edges { cursor } } }`), {}, schema).rootFields[0].direction);
  expect(directions).toEqual(['asc', 'desc', null]);
});

it('refuses a list in an unknown order instead of merging it in a guessed direction, and asks no member', async () => {
  const document = parse(`{ aiTools(orderBy: OLDEST) { edges { cursor } } }`);
  const { env, sends } = envCountingSends();
  const routed = await routeQuery(env, analyseFetch(document, {}, schema), document);
  expect(routed.data).toEqual({ aiTools: null });
  expect(routed.errors).toEqual([
    {
      message: '`aiTools(orderBy: OLDEST)` cannot be served across member registries: the hub does not know in which direction this order sorts, so it cannot merge the members\' pages. Use one of: NAME, RECENT.',
      path: ['aiTools'],
      extensions: { code: 'BAD_USER_INPUT', field: 'orderBy' },
    },
  ]);
  expect(sends()).toBe(0);
});

it('still serves the known orders', async () => {
  const document = parse(`{ aiTools(orderBy: RECENT) { edges { cursor } } }`);
  const { env, sends } = envCountingSends();
  const routed = await routeQuery(env, analyseFetch(document, {}, schema), document);
  expect(routed).toEqual({ data: { aiTools: { edges: [] } }, errors: [] });
  expect(sends()).toBe(1);
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CONFIG } from '../src/config';
import { createGateway, type RunningGateway } from '../src/index';
import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { ADMIN_TOKEN } from './fixtures/fixtureDirectory';
import { gql, startStack, type Stack } from './fixtures/startStack';

let stack: Stack | undefined;
let gateway: RunningGateway | undefined;
let door: Door | undefined;
afterEach(async () => {
  await gateway?.close();
  await door?.close();
  await stack?.stop();
  gateway = door = stack = undefined;
});

const INTERNAL = /127\.0\.0\.1|localhost|ECONNREFUSED|http:\/\//;

/** A front of the fixture directory that can be closed (connections dropped) and opened again. */
interface Door {
  url: string;
  open: boolean;
  close(): Promise<void>;
}

async function doorTo(target: string): Promise<Door> {
  const state = { open: false };
  const server = http.createServer((req, res) => {
    if (!state.open) return void req.socket.destroy();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) }, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

it('answers with the members and one DIRECTORY_UNAVAILABLE error, naming no address, when the directory goes down', async () => {
  stack = await startStack(memberOptions());
  const query = `{ aiTools { totalCount } collectivite(siren: "${SIRENS.lille}") { name } }`;
  const before = await stack.gql(query);
  expect(before.body.errors).toBeUndefined();
  expect(before.body.data.collectivite).toEqual({ name: 'Lille' });

  await stack.directory.close();
  const { status, body } = await stack.gql(query);
  expect(status).toBe(200);
  // The last known member list is kept: members' data is complete.
  expect(body.data.aiTools.totalCount).toBe(before.body.data.aiTools.totalCount);
  expect(body.data.collectivite).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toMatchObject({ code: 'DIRECTORY_UNAVAILABLE', reason: 'unreachable' });
  expect(body.errors[0].message).toMatch(/hub directory could not be reached/);
  expect(JSON.stringify(body)).not.toMatch(INTERNAL);

});

it('says the member list is unknown while the directory has never answered, then routes once it does', async () => {
  stack = await startStack(memberOptions());
  door = await doorTo(stack.directory.graphqlUrl);
  gateway = await createGateway({
    ...DEFAULT_CONFIG,
    allowPrivateMemberUrls: true,
    port: 0,
    supergraphFile: stack.supergraphFile,
    directoryUrl: door.url,
    hubAdminToken: ADMIN_TOKEN,
    memberTimeoutMs: 1500,
    memberRefreshMs: 60_000,
    responseCacheTtlMs: 0,
  });
  expect(gateway.notReadyBecause()).toContain('the member list has not been read from the directory yet');

  const list = `{ aiTools { totalCount } }`;
  const down = await gql(gateway.graphqlUrl, list);
  expect(down.status).toBe(200);
  // No "0 tools, no error": the answer says the list of members is unknown.
  expect(down.body.errors).toHaveLength(1);
  expect(down.body.errors[0].extensions).toMatchObject({ code: 'DIRECTORY_UNAVAILABLE', reason: 'member list unknown' });
  expect(down.body.errors[0].message).toMatch(/list of member registries is unknown/);
  expect(JSON.stringify(down.body)).not.toMatch(INTERNAL);

  const mutation = await gql(gateway.graphqlUrl, `mutation { createAiTool(siren: "${SIRENS.lille}", input: { name: "x" }) { id } }`, undefined, {
    headers: { authorization: `Bearer token-${SIRENS.lille}` },
  });
  expect(mutation.body.errors.map((e: any) => e.extensions.code)).toEqual(['DIRECTORY_UNAVAILABLE']);
  expect(stack.members.every((m) => m.received.length === 0)).toBe(true);

  door.open = true;
  // Read on demand (not a refresh period later), rate-limited.
  await new Promise((r) => setTimeout(r, 300));
  const up = await gql(gateway.graphqlUrl, list);
  expect(up.body.errors).toBeUndefined();
  expect(up.body.data.aiTools.totalCount).toBe(stack.members.reduce((n, m) => n + m.tools.length, 0));
  expect(gateway.notReadyBecause()).toEqual([]);

  // Down again later: the last known list is used, without an error about members.
  door.open = false;
  const later = await gql(gateway.graphqlUrl, list);
  expect(later.body.errors).toBeUndefined();
  expect(later.body.data.aiTools.totalCount).toBe(up.body.data.aiTools.totalCount);
});

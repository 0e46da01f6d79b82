import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateHubSigningKey, HUB_ISSUER, importHubSigningKey, memberAudience, PARTNER_AUDIENCE, signHubCredential } from '@bibia/core';
import { setMembership } from '@bibia/directory';
import { createToken } from '@bibia/registry';
import { createBibiaClient } from '@bibia/sdk';
import { SignJWT } from 'jose';
import { bibia } from '../src/cliTestKit';
import { gql, type GqlResult } from '../src/gql';
import { startStack, type Stack } from '../src/startStack';
import { STACK_START_TIMEOUT_MS } from '../src/startRealStack';
import { waitFor } from '../src/waitFor';

// Issue 9, "Partners": credentials the hub issues and signs, verified by the gateway and by every
// member without calling the hub per request; what a member receives from the gateway is valid
// there only, for one minute. The whole hub over real HTTP (in-memory PGlite, or PostgreSQL
// schemas when TEST_DATABASE_URL is set — see startStack's storage).
const BETHUNE = '200072460';
const ARRAS = '216200410';
const PAS_DE_CALAIS = '226200012';
/** The report each seed keeps for partners (published). */
const PARTNER_REPORTS = [
  `${BETHUNE}:pilote-cameras-depots-sauvages-six-mois`,
  `${ARRAS}:traduction-guichets-evaluation-usagers-agents`,
  `${PAS_DE_CALAIS}:detection-chaussees-programmation-2025`,
];
const PARTNER_TOOL = `${BETHUNE}:detection-depots-sauvages`;

const READ_ALL = /* GraphQL */ `
  query ReadAll($tool: ID!, $report: ID!) {
    aiTool(id: $tool) { id practiceReports { id visibility } }
    practiceReport(id: $report) { id visibility }
    practiceReports(first: 100) { totalCount edges { node { id visibility } } }
    changes(since: "2000-01-01T00:00:00Z", first: 100) { totalCount edges { node { entityId } } }
  }
`;
const VARIABLES = { tool: PARTNER_TOOL, report: PARTNER_REPORTS[0] };

let stack: Stack;
/** Authorization headers Béthune's registry received through the recording proxy in front of it. */
const received: Array<string | undefined> = [];
let proxy: http.Server;
let credential: string;
let partnerId: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const through = (token?: string, query = READ_ALL, variables: Record<string, unknown> = VARIABLES) =>
  gql(stack.gatewayUrl, query, variables, { headers: token ? bearer(token) : {} });
const direct = (siren: string, token?: string, query = READ_ALL, variables: Record<string, unknown> = VARIABLES) =>
  gql(stack.members.get(siren)!.graphqlUrl, query, variables, { headers: token ? bearer(token) : {} });
const admin = (query: string, variables?: Record<string, unknown>) => gql(stack.gatewayUrl, query, variables, { headers: bearer(stack.adminToken) });

/** Every report id an answer of READ_ALL shows, wherever it is. */
function reportIds(result: GqlResult): string[] {
  const d = result.body.data ?? {};
  return [
    ...(d.aiTool?.practiceReports ?? []).map((r: { id: string }) => r.id),
    ...(d.practiceReport ? [d.practiceReport.id] : []),
    ...(d.practiceReports?.edges ?? []).map((e: { node: { id: string } }) => e.node.id),
    ...(d.changes?.edges ?? []).map((e: { node: { entityId: string } }) => e.node.entityId),
  ];
}

async function issue(name: string, extra: Record<string, unknown> = {}) {
  const { body } = await admin(
    'mutation Issue($input: IssuePartnerCredentialInput!) { issuePartnerCredential(input: $input) { credential partner { id name organisation status expiresAt } } }',
    { input: { name, ...extra } },
  );
  expect(body.errors).toBeUndefined();
  return body.data.issuePartnerCredential as { credential: string; partner: { id: string; name: string; organisation: string | null; status: string; expiresAt: string } };
}

/** A proxy that records the Authorization header of each request and passes it on to `target`. */
function recordingProxy(target: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    received.push(req.headers.authorization);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) }, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(await answer.text());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  stack = await startStack({
    web: false,
    // The index holds public content only: partners must be routed live even when it could answer.
    index: { harvest: false, staleAfterMs: 3_600_000 },
    revocationPollMs: 100,
    // The response cache on: a partner's answers must never be cached or served to others.
    gateway: { memberTimeoutMs: 15_000, indexTimeoutMs: 15_000, responseCacheTtlMs: 60_000 },
  });
  await stack.index!.harvestOnce();
  proxy = await recordingProxy(stack.members.get(BETHUNE)!.graphqlUrl);
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  await setMembership(stack.directory.prisma, { siren: BETHUNE, registryUrl: proxyUrl });
  // A read already in flight may predate the change: read until the gateway routes to the proxy.
  await waitFor(async () => {
    await stack.gateway.members!.refresh();
    return stack.gateway.members!.get(BETHUNE)?.url === proxyUrl;
  }, 10_000);
  ({ credential, partner: { id: partnerId } } = await issue('Observatoire des données publiques', { organisation: 'Université de Lille', contactEmail: 'obs@univ-lille.fr', expiresInDays: 30 }));
}, STACK_START_TIMEOUT_MS);
afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});

describe('issuing', () => {
  it('issues through the gateway with the hub admin token, lists, never shows the credential again', async () => {
    const { body } = await admin('{ partnerCredentials { id name organisation contactEmail status revokedAt } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.partnerCredentials).toContainEqual({ id: partnerId, name: 'Observatoire des données publiques', organisation: 'Université de Lille', contactEmail: 'obs@univ-lille.fr', status: 'ACTIVE', revokedAt: null });
    expect(JSON.stringify(body)).not.toContain(credential);
    expect(await stack.directory.prisma.partner.count({ where: { id: { contains: '.' } } })).toBe(0);
  });

  it('refuses without the admin token, and with a bad input writes nothing', async () => {
    const before = await stack.directory.prisma.partner.count();
    const anonymous = await through(undefined, 'mutation { issuePartnerCredential(input: { name: "x" }) { credential } }', {});
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const tooLong = await admin('mutation { issuePartnerCredential(input: { name: "x", expiresInDays: 5000 }) { credential } }');
    expect(tooLong.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'expiresInDays' } });
    const badEmail = await admin('mutation { issuePartnerCredential(input: { name: "x", contactEmail: "pas une adresse" }) { credential } }');
    expect(badEmail.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'contactEmail' } });
    expect(await stack.directory.prisma.partner.count()).toBe(before);
  });

  it('publishes the public key and the revocation list', async () => {
    const jwks = (await (await fetch(`${stack.directory.url}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
    const list = await (await fetch(`${stack.directory.url}/.well-known/bibia-partner-revocations.json`)).json();
    expect(list).toEqual({ issuer: HUB_ISSUER, revoked: expect.any(Array) });
  });
});

describe('who sees reports kept for partners', () => {
  it('a partner, through the gateway: tool detail, lists and the change feed', async () => {
    const result = await through(credential);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.aiTool.practiceReports).toContainEqual({ id: PARTNER_REPORTS[0], visibility: 'PARTNERS' });
    expect(result.body.data.practiceReport).toEqual({ id: PARTNER_REPORTS[0], visibility: 'PARTNERS' });
    const listed = result.body.data.practiceReports.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(listed).toEqual(expect.arrayContaining(PARTNER_REPORTS));
    const changed = result.body.data.changes.edges.map((e: { node: { entityId: string } }) => e.node.entityId);
    expect(changed).toEqual(expect.arrayContaining(PARTNER_REPORTS));
  });

  it('a partner, directly at a member', async () => {
    const result = await direct(ARRAS, credential, '{ practiceReport(id: "' + PARTNER_REPORTS[1] + '") { id visibility } }', {});
    expect(result.body).toEqual({ data: { practiceReport: { id: PARTNER_REPORTS[1], visibility: 'PARTNERS' } } });
  });

  it('never anonymous callers (nor their ids), before or after a partner read the same', async () => {
    await through(credential);
    for (const result of [await through(), await direct(BETHUNE)]) {
      expect(result.body.errors).toBeUndefined();
      expect(reportIds(result).filter((id) => PARTNER_REPORTS.includes(id))).toEqual([]);
    }
  });

  it('never the publisher of another member', async () => {
    const arrasToken = (await createToken(stack.members.get(ARRAS)!.prisma, 'tests')).token;
    const result = await through(arrasToken);
    expect(result.body.errors).toBeUndefined();
    // Arras's own partner report is shown to Arras's publisher; Béthune's and the département's never.
    expect(reportIds(result).filter((id) => PARTNER_REPORTS.includes(id) && !id.startsWith(ARRAS))).toEqual([]);
  });

  it('a partner credential never writes', async () => {
    const { body } = await through(credential, `mutation { updateAiTool(id: "${PARTNER_TOOL}", input: { name: "x" }) { id } }`, {});
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', siren: BETHUNE });
    expect(body.errors[0].message).toMatch(/reads only/);
  });
});

describe('what a member receives from the gateway', () => {
  it("is never the partner's own credential, but one valid at that member only, for a minute", async () => {
    await through(credential);
    expect(received.length).toBeGreaterThan(0);
    expect(received).not.toContain(`Bearer ${credential}`);
    const minted = received[0]!.replace(/^Bearer /, '');
    const claims = JSON.parse(Buffer.from(minted.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: HUB_ISSUER, aud: memberAudience(BETHUNE), sub: partnerId });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(60);
    // Valid where it was meant for...
    expect((await direct(BETHUNE, minted)).body.data.practiceReport).toEqual({ id: PARTNER_REPORTS[0], visibility: 'PARTNERS' });
    // ...and refused by another member, and by the gateway.
    const replayed = await direct(ARRAS, minted);
    expect(replayed.status).toBe(401);
    expect(replayed.body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/audience/) });
    const atGateway = await through(minted);
    expect(atGateway.body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('refused credentials', () => {
  let otherKey: Awaited<ReturnType<typeof importHubSigningKey>>;
  let hubKey: Awaited<ReturnType<typeof importHubSigningKey>>;
  beforeAll(async () => {
    otherKey = await importHubSigningKey(await generateHubSigningKey());
    hubKey = await importHubSigningKey(stack.hubSigningKey);
  });
  const hour = 3600_000;
  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ['tampered', async () => credential.slice(0, -4) + (credential.endsWith('AAAA') ? 'BBBB' : 'AAAA'), /signed/],
    ['expired', () => signHubCredential(hubKey, { subject: partnerId, audience: PARTNER_AUDIENCE, name: 'x', issuedAt: new Date(Date.now() - 2 * hour), expiresAt: new Date(Date.now() - hour) }), /expired/],
    ['signed by another key', () => signHubCredential(otherKey, { subject: partnerId, audience: PARTNER_AUDIENCE, name: 'x', expiresAt: new Date(Date.now() + hour) }), /signed/],
    [
      'from another issuer',
      () =>
        new SignJWT({ name: 'x' }).setProtectedHeader({ alg: 'ES256', kid: hubKey.kid }).setIssuer('urn:someone:else').setSubject(partnerId).setAudience(PARTNER_AUDIENCE)
          .setJti('j').setIssuedAt().setExpirationTime('1h').sign(hubKey.privateKey),
      /issuer/,
    ],
  ];
  it.each(cases)('%s: UNAUTHENTICATED at the gateway and at a member, nothing answered as anonymous', async (_, make, message) => {
    const token = await make();
    for (const result of [await through(token), await direct(ARRAS, token)]) {
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors).toEqual([{ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } }]);
    }
    expect(received).toEqual([]);
  });
});

describe('revoking', () => {
  it('is refused by the gateway and by members once they read the revocation list', async () => {
    const { credential: revokedOne, partner } = await issue('Journaliste indépendant');
    expect((await through(revokedOne)).body.errors).toBeUndefined();
    const { body } = await admin(`mutation { revokePartnerCredential(id: "${partner.id}") { id status revokedAt } }`);
    expect(body.data.revokePartnerCredential).toMatchObject({ id: partner.id, status: 'REVOKED', revokedAt: expect.any(String) });
    const list = (await (await fetch(`${stack.directory.url}/.well-known/bibia-partner-revocations.json`)).json()) as { revoked: { id: string }[] };
    expect(list.revoked.map((r: { id: string }) => r.id)).toContain(partner.id);
    // Members and gateway poll the list (every 100 ms in this stack, 30 s by default).
    await waitFor(async () => (await through(revokedOne)).status === 401, 10_000);
    await waitFor(async () => (await direct(PAS_DE_CALAIS, revokedOne)).status === 401, 10_000);
    expect((await through(revokedOne)).body.errors[0].message).toMatch(/revoked/);
    // The other partner is not affected.
    expect((await through(credential)).body.errors).toBeUndefined();
  });

  it('an unknown id is NOT_FOUND', async () => {
    const { body } = await admin('mutation { revokePartnerCredential(id: "ptn_inconnu") { id } }');
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('clients', () => {
  it('the SDK carries a partner credential as its token', async () => {
    const asPartner = await createBibiaClient({ url: stack.gatewayUrl, token: credential }).aiTool({ id: PARTNER_TOOL });
    expect(asPartner.data.aiTool!.practiceReports.map((r) => [r.id, r.visibility])).toContainEqual([PARTNER_REPORTS[0], 'PARTNERS']);
    const anonymous = await createBibiaClient({ url: stack.gatewayUrl }).aiTool({ id: PARTNER_TOOL });
    expect(anonymous.data.aiTool!.practiceReports.map((r) => r.id)).not.toContain(PARTNER_REPORTS[0]);
  });

  it('bibia partner issue / list / revoke, and bibia --token <credential> tool', async () => {
    const env = { BIBIA_ENDPOINT: stack.gatewayUrl, HUB_ADMIN_TOKEN: stack.adminToken };
    const issued = await bibia(['partner', 'issue', '--name', 'Mission Etalab', '--organisation', 'DINUM', '--email', 'etalab@example.org', '--expires-in-days', '90'], env);
    expect(issued).toMatchObject({ code: 0, stderr: '' });
    const cliCredential = /^ {2}(ey\S+)$/m.exec(issued.stdout)![1];
    expect(issued.stdout).toMatch(/Mission Etalab/);

    const list = await bibia(['--json', 'partner', 'list'], env);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout).partners.find((p: { name: string }) => p.name === 'Mission Etalab');
    expect(listed).toMatchObject({ organisation: 'DINUM', status: 'ACTIVE' });
    expect(list.stdout).not.toContain(cliCredential);

    const tool = await bibia(['--token', cliCredential, 'tool', PARTNER_TOOL], { BIBIA_ENDPOINT: stack.gatewayUrl });
    expect(tool.code).toBe(0);
    expect(tool.stdout).toContain(PARTNER_REPORTS[0]);
    const anonymousTool = await bibia(['tool', PARTNER_TOOL], { BIBIA_ENDPOINT: stack.gatewayUrl });
    expect(anonymousTool.stdout).not.toContain(PARTNER_REPORTS[0]);

    const revoked = await bibia(['partner', 'revoke', listed.id], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/révoquée/);
    await waitFor(async () => (await bibia(['--token', cliCredential, 'tool', PARTNER_TOOL], { BIBIA_ENDPOINT: stack.gatewayUrl })).code === 4, 10_000);
  });

  it('bibia partner without the admin token, or with a wrong one, exits 4 and says why', async () => {
    const none = await bibia(['partner', 'list'], { BIBIA_ENDPOINT: stack.gatewayUrl });
    expect(none).toMatchObject({ code: 4, stderr: expect.stringMatching(/HUB_ADMIN_TOKEN/) });
    const wrong = await bibia(['partner', 'issue', '--name', 'x'], { BIBIA_ENDPOINT: stack.gatewayUrl, HUB_ADMIN_TOKEN: 'not-the-token' });
    expect(wrong).toMatchObject({ code: 4, stderr: expect.stringMatching(/hub refused/) });
  });
});

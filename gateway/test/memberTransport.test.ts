import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { startStack, type Stack } from './fixtures/startStack';

// Every hub-to-member call goes through `postGraphQL`: it never follows a redirect and never
// reads more than the gateway's cap. These tests show it through the real gateway.
const PAGE = `query($first: Int!) { aiTools(first: $first) { totalCount edges { node { id } } } }`;

let stack: Stack;
afterEach(async () => {
  await stack?.stop();
});

const member = (siren: string) => stack.members.find((m) => m.siren === siren)!;

it('does not follow a member’s redirect: the member is unavailable and the target receives nothing', async () => {
  stack = await startStack(memberOptions());
  // A server the directory does not list, as an internal service a redirect could point at.
  const target = await stack.startMember({ siren: SIRENS.laon, name: 'Laon', departement: '02', region: '32', tools: [] });
  member(SIRENS.arras).redirectTo(target.graphqlUrl);
  const { body } = await stack.gql(PAGE, { first: 100 });
  expect(body.data.aiTools.totalCount).toBe(31 + 17);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toEqual({ code: 'MEMBER_UNAVAILABLE', siren: SIRENS.arras, member: 'Arras', reason: 'redirect', serviceName: 'registry' });
  expect(body.errors[0].message).toBe(`Member registry "Arras" (SIREN ${SIRENS.arras}) answered with a redirect, which the hub does not follow. Its data is missing from this response.`);
  // The redirect's target is log detail only: never shown to the client.
  expect(JSON.stringify(body)).not.toContain(String(target.port));
  expect(target.received).toHaveLength(0);
});

it('cuts an oversized member answer off and reports the member unavailable', async () => {
  // Time enough to stream 10 MiB on a busy machine: the cap, not the timeout, must stop it.
  stack = await startStack(memberOptions(), { memberTimeoutMs: 20_000 });
  member(SIRENS.lille).setGarbage('oversized');
  const { body } = await stack.gql(PAGE, { first: 100 });
  expect(body.data.aiTools.totalCount).toBe(23 + 17);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toEqual({ code: 'MEMBER_UNAVAILABLE', siren: SIRENS.lille, member: 'Lille', reason: 'too large', serviceName: 'registry' });
  expect(body.errors[0].message).toBe(`Member registry "Lille" (SIREN ${SIRENS.lille}) sent an answer larger than the hub accepts: more than 10 MiB. Its data is missing from this response.`);
  const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  expect(metrics).toContain(`bibia_member_errors_total{siren="${SIRENS.lille}",reason="too large"} 1`);
});

it('outside a development network, never connects to a member on a loopback address (checked at each connection, whatever the directory admitted)', async () => {
  stack = await startStack(memberOptions(), { allowPrivateMemberUrls: false });
  const { body } = await stack.gql(PAGE, { first: 100 });
  expect(body.data.aiTools.totalCount).toBe(0);
  expect(body.errors.map((e: { extensions: { code: string; reason: string } }) => [e.extensions.code, e.extensions.reason])).toEqual(
    stack.members.map(() => ['MEMBER_UNAVAILABLE', 'unreachable']),
  );
  // The refusal is log detail only: the client learns the member is unavailable, nothing more.
  expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  for (const m of stack.members) expect(m.received).toHaveLength(0);
  const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  expect(metrics).toContain(`bibia_member_errors_total{siren="${SIRENS.arras}",reason="unreachable"} 1`);
});

it('sends identical anonymous queries in flight to a member once, each client getting its whole answer; callers with a token never share', async () => {
  stack = await startStack(memberOptions(), { responseCacheTtlMs: 0 });
  for (const m of stack.members) m.setDelay(300);
  const answers = await Promise.all(Array.from({ length: 5 }, () => stack.gql(PAGE, { first: 3 })));
  for (const { body } of answers) {
    expect(body.errors).toBeUndefined();
    expect(body).toEqual(answers[0].body);
  }
  expect(answers[0].body.data.aiTools.edges).toHaveLength(3);
  for (const m of stack.members) expect(m.received).toHaveLength(1);
  const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  expect(metrics).toContain(`bibia_member_shared_requests_total{siren="${SIRENS.arras}"} 4`);

  for (const m of stack.members) m.received.length = 0;
  await Promise.all(Array.from({ length: 3 }, () => stack.gql(PAGE, { first: 3 }, { headers: { authorization: 'Bearer quelqu-un' } })));
  for (const m of stack.members) expect(m.received).toHaveLength(3);
});

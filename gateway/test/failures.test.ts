import { memberOptions, SIRENS } from './fixtures/fixtureData';
import { startStack, type Stack } from './fixtures/startStack';
import type { Garbage } from './fixtures/fixtureMember';
import { ADMIN_TOKEN } from './fixtures/fixtureDirectory';
import { waitFor } from './fixtures/waitFor';

const PAGE = `query($first: Int!) { aiTools(first: $first) { totalCount pageInfo { hasNextPage } edges { node { id } } } }`;

let stack: Stack;
afterEach(async () => {
  await stack?.stop();
});

const member = (siren: string) => stack.members.find((m) => m.siren === siren)!;
const toolsOf = (sirens: string[]) => stack.members.filter((m) => sirens.includes(m.siren)).reduce((n, m) => n + m.tools.length, 0);

it('returns the other members’ data and one MEMBER_UNAVAILABLE error when a member is down', async () => {
  stack = await startStack(memberOptions());
  const before = await stack.gql(PAGE, { first: 100 });
  expect(before.body.data.aiTools.totalCount).toBe(71);

  await member(SIRENS.lille).close();
  const { status, body } = await stack.gql(PAGE, { first: 100 });
  expect(status).toBe(200);
  expect(body.data.aiTools.totalCount).toBe(toolsOf([SIRENS.arras, SIRENS.amiens]));
  expect(body.data.aiTools.edges.every((e: any) => !e.node.id.startsWith(SIRENS.lille))).toBe(true);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toMatchObject({ code: 'MEMBER_UNAVAILABLE', siren: SIRENS.lille, member: 'Lille' });
  expect(body.errors[0].message).toMatch(/Lille.*could not be reached/);

  // Entities of the down member are null; the others are resolved.
  const entities = await stack.gql(`{ members { siren toolCount } }`);
  expect(entities.body.data.members.map((m: any) => [m.siren, m.toolCount])).toEqual(
    stack.members.map((m) => [m.siren, m.siren === SIRENS.lille ? null : m.tools.length]),
  );
  expect(entities.body.errors.map((e: any) => [e.extensions.code, e.extensions.siren])).toEqual([['MEMBER_UNAVAILABLE', SIRENS.lille]]);

  // The failure is reported to the directory with the admin token, throttled per member.
  await waitFor(() => stack.directory.healthReports.length > 0);
  expect(stack.directory.healthReports).toEqual([{ siren: SIRENS.lille, reachable: false, authorization: `Bearer ${ADMIN_TOKEN}` }]);
});

it('reports repeated failures so the directory marks the member UNREACHABLE, and its recovery', async () => {
  stack = await startStack(memberOptions(), { healthReportIntervalMs: 0 });
  const lille = member(SIRENS.lille);
  lille.setGarbage('html');
  for (let i = 0; i < 3; i++) await stack.gql(PAGE, { first: 1 });
  await waitFor(() => stack.directory.entries.find((e) => e.siren === SIRENS.lille)!.status === 'UNREACHABLE');
  // UNREACHABLE members are still asked, so that their return is seen.
  await stack.gateway.members!.refresh();
  lille.setGarbage(null);
  const { body } = await stack.gql(PAGE, { first: 1 });
  expect(body.errors).toBeUndefined();
  await waitFor(() => stack.directory.entries.find((e) => e.siren === SIRENS.lille)!.status === 'ACTIVE');
  expect(stack.directory.healthReports.at(-1)).toMatchObject({ siren: SIRENS.lille, reachable: true });
});

it('times a slow member out and answers with the others', async () => {
  // Margins wide enough for a busy CI machine: the others answer well within the timeout, and
  // the answer comes long before the slow member would have.
  stack = await startStack(memberOptions(), { memberTimeoutMs: 1000 });
  member(SIRENS.amiens).setDelay(10_000);
  const started = Date.now();
  const { body } = await stack.gql(PAGE, { first: 100 });
  expect(Date.now() - started).toBeLessThan(8000);
  expect(body.data.aiTools.totalCount).toBe(toolsOf([SIRENS.arras, SIRENS.lille]));
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toMatchObject({ code: 'MEMBER_UNAVAILABLE', siren: SIRENS.amiens, reason: 'timeout' });
  expect(body.errors[0].message).toMatch(/did not answer in time/);
});

it.each<Garbage>(['html', 'empty-object', 'wrong-shape'])('treats a member answering garbage (%s) as unavailable', async (garbage) => {
  stack = await startStack(memberOptions());
  member(SIRENS.arras).setGarbage(garbage);
  const { body } = await stack.gql(PAGE, { first: 100 });
  expect(body.data.aiTools.totalCount).toBe(toolsOf([SIRENS.lille, SIRENS.amiens]));
  expect(body.errors.map((e: any) => [e.extensions.code, e.extensions.siren, e.extensions.reason])).toEqual([['MEMBER_UNAVAILABLE', SIRENS.arras, 'invalid answer']]);

  const entities = await stack.gql(`{ members { siren toolCount } }`);
  expect(entities.body.data.members.find((m: any) => m.siren === SIRENS.arras).toolCount).toBeNull();
  expect(entities.body.data.members.find((m: any) => m.siren === SIRENS.lille).toolCount).toBe(31);
  expect(entities.body.errors.map((e: any) => e.extensions.siren)).toEqual([SIRENS.arras]);
});

it('does not trust an _entities answer of the wrong length', async () => {
  stack = await startStack(memberOptions());
  member(SIRENS.arras).setGarbage('short-entities');
  const { body } = await stack.gql(`{ members { siren toolCount } }`);
  expect(body.data.members.find((m: any) => m.siren === SIRENS.arras).toolCount).toBeNull();
  expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'MEMBER_UNAVAILABLE', siren: SIRENS.arras }) })]);
});

it('answers an empty page with errors when every member fails', async () => {
  stack = await startStack(memberOptions());
  for (const m of stack.members) m.setGarbage('html');
  const { body } = await stack.gql(PAGE, { first: 10 });
  expect(body.data.aiTools).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] });
  expect(body.errors).toHaveLength(3);
});

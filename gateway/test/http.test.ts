import fs from 'node:fs';
import { memberOptions } from './fixtures/fixtureData';
import { startStack, type Stack } from './fixtures/startStack';
import { MEMBER_SDL } from './fixtures/fixtureMember';
import { DIRECTORY_SDL } from './fixtures/fixtureDirectory';
import { composeOrThrow } from './fixtures/startStack';
import { DEFAULT_CONFIG } from '../src/config';
import { createGateway } from '../src/index';
import { waitFor } from './fixtures/waitFor';

let stack: Stack;
afterEach(async () => {
  await stack?.stop();
});

it('serves /health, /ready and /metrics, and no landing page', async () => {
  stack = await startStack(memberOptions());
  expect((await fetch(`${stack.gateway.url}/health`)).status).toBe(200);
  const ready = await fetch(`${stack.gateway.url}/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });

  await stack.gql(`{ aiTools(first: 1) { totalCount } }`);
  const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  for (const m of stack.members) {
    expect(metrics).toContain(`bibia_member_requests_total{siren="${m.siren}"} 1`);
    expect(metrics).toContain(`bibia_member_request_duration_seconds_count{siren="${m.siren}"} 1`);
  }
  expect(metrics).toContain('bibia_gateway_requests_total{operation="query",outcome="success"} 1');

  const landing = await fetch(stack.gateway.graphqlUrl, { headers: { accept: 'text/html' } });
  expect(await landing.text()).not.toMatch(/cdn|<script/i);
});

it('counts member errors in /metrics', async () => {
  stack = await startStack(memberOptions());
  stack.members[0].setGarbage('html');
  await stack.gql(`{ aiTools(first: 1) { totalCount } }`);
  const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  expect(metrics).toContain(`bibia_member_errors_total{siren="${stack.members[0].siren}",reason="invalid answer"} 1`);
  expect(metrics).toContain('bibia_gateway_requests_total{operation="query",outcome="partial"} 1');
});

it('is not ready until the member list has been read', async () => {
  stack = await startStack(memberOptions());
  await stack.directory.close();
  const gateway = await createGateway({ ...DEFAULT_CONFIG, allowPrivateMemberUrls: true, port: 0, supergraphFile: stack.supergraphFile, directoryUrl: stack.directory.graphqlUrl, memberTimeoutMs: 300 });
  try {
    const ready = await fetch(`${gateway.url}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { reasons: string[] }).reasons).toEqual(['the member list has not been read from the directory yet']);
  } finally {
    await gateway.close();
  }
});

it('reloads the supergraph file when it changes, without restart', async () => {
  stack = await startStack(memberOptions());
  const before = await stack.gql(`{ products { id } }`);
  expect(before.body.errors).toBeUndefined();
  // A new directory schema without `products`: the field disappears from the API.
  const sdl = composeOrThrow([
    { name: 'directory', url: stack.directory.graphqlUrl, sdl: DIRECTORY_SDL.replace('products: [AiProduct!]!', 'catalogue: [AiProduct!]!') },
    { name: 'registry', url: 'http://127.0.0.1:9/graphql', sdl: MEMBER_SDL },
  ]);
  fs.writeFileSync(`${stack.supergraphFile}.tmp`, sdl);
  fs.renameSync(`${stack.supergraphFile}.tmp`, stack.supergraphFile);
  await waitFor(async () => (await stack.gql(`{ products { id } }`)).body.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
  // A broken file keeps the last good schema in service.
  fs.writeFileSync(stack.supergraphFile, 'this is not a supergraph');
  await new Promise((r) => setTimeout(r, 300));
  expect((await stack.gql(`{ aiTools(first: 1) { totalCount } }`)).body.data.aiTools.totalCount).toBe(71);
});

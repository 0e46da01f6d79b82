import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@bibia/core';
import { MemberDirectory } from '../src/members/MemberDirectory';

const ARRAS = '200033579';
const LILLE = '200093201';

/** A directory answering the gateway's member query, each answer held until `release()`. */
async function slowDirectory() {
  const members = [ARRAS];
  let reads = 0;
  const held: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      reads += 1;
      // The list as it is when the read arrives, sent when the test lets it go.
      const body = JSON.stringify({ data: { members: members.map((siren) => ({ siren, name: siren, departement: null, region: null, membership: { registryUrl: `http://${siren}.example/graphql`, status: 'ACTIVE' } })) } });
      held.push(() => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    admit: (siren: string) => members.push(siren),
    reads: () => reads,
    pending: () => held.length,
    release: () => held.splice(0).forEach((send) => send()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe('MemberDirectory', () => {
  it('a request naming a member admitted during a read in flight waits for the next read, shared by the others', async () => {
    const directory = await slowDirectory();
    const members = new MemberDirectory({ directoryUrl: directory.url, refreshMs: 60_000, timeoutMs: 5_000, onDemandIntervalMs: 0, logger: createLogger('test') });
    try {
      const started = members.start();
      await until(() => directory.pending() === 1);
      directory.release();
      await started;
      expect(members.list().map((m) => m.siren)).toEqual([ARRAS]);

      // A read leaves (the periodic one, say); Lille is admitted before its answer comes back.
      const periodic = members.refresh();
      await until(() => directory.pending() === 1);
      directory.admit(LILLE);
      const asked = [members.ensureKnown([LILLE]), members.ensureKnown([LILLE]), members.ensureKnown([LILLE])];
      directory.release();
      await periodic;
      expect(members.get(LILLE)).toBeUndefined();

      // One more read for the three requests, not three; it sees Lille.
      await until(() => directory.pending() === 1);
      directory.release();
      await Promise.all(asked);
      expect(members.get(LILLE)?.url).toBe(`http://${LILLE}.example/graphql`);
      expect(directory.reads()).toBe(3);
    } finally {
      members.stop();
      directory.release();
      await directory.close();
    }
  });
});

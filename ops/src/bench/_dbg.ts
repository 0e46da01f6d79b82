import { startPeerGateway } from './peersGateway';
async function main() {
  const sdl = await (await fetch('http://127.0.0.1:4444/non-resolvable-interface-object/supergraph')).text();
  const g = await startPeerGateway({ kind: 'bibia-router', supergraphSdl: sdl });
  const res = await fetch(g.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ a { field } }' }) });
  console.log(await res.text());
  await g.close();
}
void main();

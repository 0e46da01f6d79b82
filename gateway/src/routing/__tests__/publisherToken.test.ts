import { authorizationFor, sirenOfAuthorization } from '../publisherToken';

const A = '216200410';
const B = '200072460';

describe('publisherToken', () => {
  it('reads the SIREN a publisher token names', () => {
    expect(sirenOfAuthorization(`Bearer bibia_pub_${A}_abc-DEF_123`)).toBe(A);
    expect(sirenOfAuthorization(`bearer  bibia_pub_${A}_abc `)).toBe(A);
  });

  it('finds none in older tokens, other bearers or malformed headers', () => {
    for (const h of [undefined, '', 'Bearer bibia_pub_QmFzZTY0dXJs', 'Bearer partner-secret', `Basic bibia_pub_${A}_x`, `Bearer bibia_pub_${A}_x y`, `Bearer bibia_pub_${A}_`, `Bearer bibia_pub_2162004_x`]) {
      expect(sirenOfAuthorization(h)).toBeUndefined();
    }
  });

  it('gives the header to the member that issued the token only', () => {
    const h = `Bearer bibia_pub_${A}_abc`;
    expect(authorizationFor(A, h)).toBe(h);
    expect(authorizationFor(B, h)).toBeUndefined();
    expect(authorizationFor(A, 'Bearer bibia_pub_QmFzZTY0dXJs')).toBeUndefined();
    expect(authorizationFor(A, undefined)).toBeUndefined();
  });
});

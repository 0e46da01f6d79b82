import { bearerOf, looksLikeJwt } from '@bibia/core';
import { refused } from './PartnerAccess';

/**
 * A gateway without the hub signing key or a directory cannot check partner credentials nor mint
 * member credentials: a JWT bearer is refused rather than forwarded or ignored.
 */
export function refuseUncheckedPartner(authorization: string | undefined): void {
  const token = bearerOf(authorization);
  if (token && looksLikeJwt(token)) {
    throw refused('This gateway does not accept partner credentials: it has no hub signing key (HUB_SIGNING_KEY) or no directory (DIRECTORY_URL)');
  }
}

/**
 * HS256 token signing with the claims the verifier expects (iss, aud, sub, jti, typ, exp).
 * Used by the accounts token service, the `dev-token` command and the test helpers.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { TokenClaims } from './jwt.types.js';

export interface SignOptions {
  secret: string;
  issuer: string;
  audience: string;
  /** Lifetime in seconds; may be negative to produce an already expired token (tests). */
  ttlSeconds: number;
  /** Issue time, seconds since the epoch (default now). */
  nowSeconds?: number;
}

/** Signs `claims` into a compact JWT (HS256). */
export function signToken(claims: TokenClaims, options: SignOptions): string {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    sub: claims.subject,
    typ: claims.kind,
    jti: claims.tokenId ?? randomUUID(),
    iat: now,
    exp: now + options.ttlSeconds,
    iss: options.issuer,
    aud: options.audience,
  };
  if (claims.role !== undefined) payload.role = claims.role;
  if (claims.scopes !== undefined) payload.scope = claims.scopes.join(' ');
  if (claims.tier !== undefined) payload.tier = claims.tier;
  return jwt.sign(payload, options.secret, { algorithm: 'HS256', noTimestamp: true });
}

/**
 * JWT verification for the gateway: HS256 only (algorithm pinned, so `alg: none` or RS/HS
 * confusion is refused), issuer, audience and expiry required. Every failure becomes an
 * UnauthenticatedError with a short public reason; the token itself is never logged.
 */
import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { UnauthenticatedError } from '../errors.js';
import type { Principal, RevocationCheck, TokenKind } from './jwt.types.js';

export interface JwtVerifierOptions {
  secret: string;
  issuer: string;
  audience: string;
  /** Optional async revocation check (the accounts stack's); a revoked token is refused with 401. */
  isRevoked?: RevocationCheck;
  /** Tolerated clock skew, seconds (default 5). */
  clockToleranceSeconds?: number;
  /**
   * How many verified tokens to remember (default 1000; 0 disables). A remembered token skips the
   * HMAC and claims checks (about 0.2 ms) until its expiry; the revocation check still runs on
   * every request.
   */
  verifiedCacheSize?: number;
}

export interface JwtVerifier {
  /** Verifies a bare token (no "Bearer "). @throws UnauthenticatedError */
  verify(token: string): Promise<Principal>;
  /** Verifies an `Authorization` header value; undefined header → null (anonymous). @throws UnauthenticatedError */
  verifyAuthorizationHeader(header: string | undefined): Promise<Principal | null>;
}

const KINDS: readonly TokenKind[] = ['access', 'service'];

/**
 * Builds a verifier. Options are checked here, once, not per request.
 * @throws Error when the secret is shorter than 32 characters or issuer/audience are empty.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  if (options.secret.length < 32) throw new Error('JWT secret must be at least 32 characters');
  if (!options.issuer || !options.audience) throw new Error('JWT issuer and audience are required');
  // A KeyObject built once: given a string, jsonwebtoken first tries createPublicKey() on it
  // (which throws for a non-PEM secret) on every call, about 2 ms of CPU per request.
  const key = createSecretKey(Buffer.from(options.secret, 'utf8'));
  const verifyOptions: jwt.VerifyOptions = {
    algorithms: ['HS256'],
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: options.clockToleranceSeconds ?? 5,
  };

  const cacheSize = options.verifiedCacheSize ?? 1000;
  /** token → principal of tokens whose signature and claims were verified (insertion-ordered LRU). */
  const verified = new Map<string, Principal>();

  async function checkRevocation(principal: Principal): Promise<Principal> {
    if (options.isRevoked && (await options.isRevoked(principal))) {
      throw new UnauthenticatedError('Token revoked');
    }
    return principal;
  }

  async function verify(token: string): Promise<Principal> {
    const known = verified.get(token);
    if (known) {
      if (known.expiresAt + (verifyOptions.clockTolerance ?? 0) > Date.now() / 1000) {
        verified.delete(token); // refresh its LRU position
        verified.set(token, known);
        return checkRevocation({ ...known, scopes: [...known.scopes] });
      }
      verified.delete(token);
    }
    let payload: jwt.JwtPayload;
    try {
      const decoded = jwt.verify(token, key, verifyOptions);
      if (typeof decoded === 'string') throw new UnauthenticatedError('Token payload is not a JSON object');
      payload = decoded;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof jwt.TokenExpiredError) throw new UnauthenticatedError('Token expired', { cause: error });
      throw new UnauthenticatedError('Invalid token', { cause: error });
    }
    if (typeof payload.exp !== 'number') throw new UnauthenticatedError('Token has no expiry');
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new UnauthenticatedError('Token has no subject');
    const kind = (payload.typ ?? 'access') as TokenKind;
    if (!KINDS.includes(kind)) throw new UnauthenticatedError('Unknown token type');
    const scopes = Array.isArray(payload.scopes)
      ? payload.scopes.filter((s: unknown): s is string => typeof s === 'string')
      : typeof payload.scope === 'string'
        ? payload.scope.split(' ').filter(Boolean)
        : [];
    const principal: Principal = {
      subject: payload.sub,
      tokenId: typeof payload.jti === 'string' ? payload.jti : '',
      kind,
      role: typeof payload.role === 'string' ? payload.role : undefined,
      scopes,
      tier: typeof payload.tier === 'string' ? payload.tier : undefined,
      expiresAt: payload.exp,
    };
    if (cacheSize > 0) {
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
      verified.set(token, principal);
    }
    return checkRevocation({ ...principal, scopes: [...principal.scopes] });
  }

  return {
    verify,
    async verifyAuthorizationHeader(header) {
      if (header === undefined || header === '') return null;
      const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/i.exec(header);
      if (!match) throw new UnauthenticatedError('Malformed Authorization header (expected "Bearer <JWT>")');
      return verify(match[1]);
    },
  };
}

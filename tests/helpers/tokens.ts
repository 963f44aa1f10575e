/** Signs tokens for tests with the configured secret (or a wrong one, or already expired). */
import { signToken } from '../../src/auth/jwt.signer.js';
import type { TokenClaims } from '../../src/auth/jwt.types.js';
import type { Config } from '../../src/config/config.js';

export interface TestTokenOptions extends Partial<TokenClaims> {
  ttlSeconds?: number;
  secret?: string;
  issuer?: string;
  audience?: string;
}

/** A valid access token for `config` unless options say otherwise. */
export function signTestToken(config: Config, options: TestTokenOptions = {}): string {
  return signToken(
    {
      subject: options.subject ?? 'test-user',
      kind: options.kind ?? 'access',
      role: options.role,
      scopes: options.scopes,
      tier: options.tier,
      tokenId: options.tokenId,
    },
    {
      secret: options.secret ?? config.secretKey,
      issuer: options.issuer ?? config.jwt.issuer,
      audience: options.audience ?? config.jwt.audience,
      ttlSeconds: options.ttlSeconds ?? 3600,
    },
  );
}

/** `Authorization` header value for a token. */
export const bearer = (token: string): string => `Bearer ${token}`;

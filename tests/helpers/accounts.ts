/** The accounts stack as the integration tests build it: JWT settings, a password, options, a verifier. */
import type { Redis } from 'ioredis';
import type { Accounts, AccountsOptions } from '../../src/accounts/accounts.module.js';
import { createJwtVerifier } from '../../src/auth/jwt.verifier.js';

/** Signing secret, issuer and audience of the tests' tokens. */
export const TEST_JWT = { secret: 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz', issuer: 'nocturna-test', audience: 'nocturna-test-api' } as const;

/** A password the registration rules accept. */
export const TEST_PASSWORD = 'correct horse battery';

/**
 * Accounts options for tests: short token lifetimes, cheap scrypt, registration needing approval
 * (at most 5 users); `over` replaces any of them.
 */
export function testAccountsOptions(
  store: { prisma: AccountsOptions['prisma']; redis: Redis; redisKeyPrefix: string },
  over: Partial<AccountsOptions> = {},
): AccountsOptions {
  return {
    ...store,
    ...TEST_JWT,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 86_400,
    registration: { allow: true, requiresApproval: true, maxUsers: 5 },
    rateLimit: { defaultPerHour: 1000, premiumPerHour: 10_000 },
    scrypt: { logN: 10, r: 8, p: 1 },
    ...over,
  };
}

/** The JWT verifier of a replica, with its revocation check. */
export const verifierFor = (accounts: Accounts) => createJwtVerifier({ ...TEST_JWT, isRevoked: accounts.state.isRevoked });

/**
 * The revocation check's reads of the shared store: one MGET for the user and token entries, and
 * no second read of an entry that MGET found absent (the database answers it, then it is stored).
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { AccountState } from '../../../src/auth/account-state.js';
import { createMemorySharedStore } from '../../../src/auth/shared-store.js';
import type { PrismaClient } from '../../../src/generated/prisma/client.js';

it('isRevoked on empty entries: one getMany, no get, one database read each, then served from the store', async () => {
  const userId = randomUUID();
  const tokenId = randomUUID();
  const store = createMemorySharedStore();
  const reads = { get: 0, getMany: 0, user: 0, token: 0 };
  const counted = {
    ...store,
    get: (key: string) => ((reads.get += 1), store.get(key)),
    getMany: (keys: readonly string[]) => ((reads.getMany += 1), store.getMany(keys)),
  };
  const prisma = {
    user: { findUnique: async () => ((reads.user += 1), { status: 'ACTIVE', role: 'SERVICE', plan: 'DEFAULT' }) },
    token: {
      findUnique: async () => ((reads.token += 1), { userId, kind: 'SERVICE', revokedAt: null, expiresAt: new Date(Date.now() + 3_600_000) }),
      updateMany: async () => ({ count: 1 }),
    },
  } as unknown as PrismaClient;
  const state = new AccountState({ prisma, store: counted });
  const principal = { subject: userId, tokenId, kind: 'service' as const, scopes: [], expiresAt: Date.now() / 1000 + 3600 };

  expect(await state.isRevoked(principal)).toBe(false);
  expect(reads).toEqual({ get: 0, getMany: 1, user: 1, token: 1 });
  expect(await state.isRevoked(principal)).toBe(false);
  expect(reads).toEqual({ get: 0, getMany: 2, user: 1, token: 1 });
});

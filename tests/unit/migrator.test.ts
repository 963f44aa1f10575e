/**
 * Migration errors name their cause. The real WASM schema engine reports an error that the driver
 * adapter throws (not one of Prisma's mapped database errors: a lost connection, a timeout) only
 * as "External error id#N"; the migrator appends the adapter's error from its registry. The
 * adapter factory here is the one stand-in: a driver whose connection fails with its own error.
 */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/persistence/migrator.js';

function failingFactory(error: Error): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => Promise.reject(error),
    connectToShadowDb: () => Promise.reject(error),
  };
}

describe('applyMigrations', () => {
  it("names the driver adapter's own error, not only the engine's 'External error id#N'", async () => {
    const lost = new Error('Connection terminated unexpectedly');
    const failure = await applyMigrations(failingFactory(lost)).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^External error id#\d+: Connection terminated unexpectedly$/);
    expect((failure as Error).cause).toBe(lost);
  });
});

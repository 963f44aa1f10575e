/**
 * Revocation and account state, shared by all replicas through a SharedStore (Redis) in front of
 * the database. Writers (revokeServiceToken, logout, disableUser …) update the database first, then
 * overwrite the shared entry, so every replica refuses a revoked token on its next request (well
 * within 5 s). Readers fall back to the database on a miss or when Redis is unreachable.
 *
 * Logout is durable: the revoked access token's jti is stored in PostgreSQL
 * (`revoked_access_tokens`, until the token's own expiry) before the shared entry is written, and an
 * access token without a shared entry is looked up there. So a logged-out token stays refused when
 * Redis is down, restarted or flushed; the price is one indexed lookup per access token per
 * `stateTtlSeconds` on a cold cache. A cached "active" entry never overwrites "revoked" (SET NX).
 *
 * Keys: `tok:<jti>` → "active:<user id>" | "revoked"; `usr:<id>` → JSON {status, role, plan};
 * `used:<jti>` throttles lastUsedAt writes to one per minute per token.
 *
 * Database down: a lookup that needs the database fails with ServiceUnavailableError (HTTP 503,
 * Retry-After), not an internal error. A service token this replica verified within the last
 * `outageGraceSeconds` (default 300) keeps working meanwhile, with its account's last known state:
 * calculations go on through a short outage; a token first seen during it is refused with 503, and
 * one revoked during it is refused once the shared entry (Redis) says so.
 */
import { ServiceUnavailableError } from '../errors.js';
import type { Principal, RevocationCheck } from './jwt.types.js';
import type { SharedStore } from './shared-store.js';
import type { PrismaClient } from '../generated/prisma/client.js';

export type AccountRole = 'ADMIN' | 'SERVICE' | 'USER';
export type AccountStatus = 'ACTIVE' | 'PENDING' | 'DISABLED';
export type AccountPlan = 'DEFAULT' | 'PREMIUM';

export interface UserState {
  status: AccountStatus;
  role: AccountRole;
  plan: AccountPlan;
}

export interface AccountStateOptions {
  prisma: PrismaClient;
  store: SharedStore;
  /** How long a looked-up "active" state stays cached (seconds). Writers overwrite it at once. Default 60. */
  stateTtlSeconds?: number;
  /** Minimum interval between two lastUsedAt writes of one service token (seconds). Default 60. */
  lastUsedIntervalSeconds?: number;
  /** How long a service token verified here keeps working while the database is unreachable (seconds). Default 300. */
  outageGraceSeconds?: number;
}

/** Retry-After of a refusal while the database is unreachable. */
const OUTAGE_RETRY_AFTER_SECONDS = 5;
/** Most entries of the last-known states kept for outages (oldest dropped first). */
const MAX_LAST_KNOWN = 10_000;

export class AccountState {
  private readonly prisma: PrismaClient;
  private readonly store: SharedStore;
  private readonly ttl: number;
  private readonly lastUsedInterval: number;
  private readonly outageGraceMs: number;
  /** Service tokens verified active here (jti → when), and their users' states: the outage fallback. */
  private readonly verifiedTokens = new Map<string, number>();
  private readonly knownUsers = new Map<string, UserState>();

  constructor(options: AccountStateOptions) {
    this.prisma = options.prisma;
    this.store = options.store;
    this.ttl = options.stateTtlSeconds ?? 60;
    this.lastUsedInterval = options.lastUsedIntervalSeconds ?? 60;
    this.outageGraceMs = (options.outageGraceSeconds ?? 300) * 1000;
  }

  /** Runs a database lookup; a failure of the database is a ServiceUnavailableError. */
  private async database<T>(lookup: () => Promise<T>): Promise<T> {
    try {
      return await lookup();
    } catch (error) {
      throw new ServiceUnavailableError('The account database is unreachable; retry shortly', OUTAGE_RETRY_AFTER_SECONDS, { cause: error });
    }
  }

  private remember<K, V>(map: Map<K, V>, key: K, value: V): void {
    map.delete(key);
    if (map.size >= MAX_LAST_KNOWN) map.delete(map.keys().next().value as K);
    map.set(key, value);
  }

  /** True when service token `jti` was verified active here within the outage grace. */
  private recentlyVerified(jti: string): boolean {
    const at = this.verifiedTokens.get(jti);
    return at !== undefined && Date.now() - at <= this.outageGraceMs;
  }

  /** The user's status, role and plan (cached); null when the user does not exist. */
  async userState(userId: string): Promise<UserState | null> {
    try {
      return await this.userStateFrom(userId, await this.store.get(`usr:${userId}`));
    } catch (error) {
      // Database down: the last state seen here, for a user whose service token works through the outage.
      const known = error instanceof ServiceUnavailableError ? this.knownUsers.get(userId) : undefined;
      if (known) return known;
      throw error;
    }
  }

  /** userState from the already read shared entry (undefined: absent, so the database is asked). */
  private async userStateFrom(userId: string, cached: string | undefined): Promise<UserState | null> {
    if (cached !== undefined) return cached === 'none' ? null : (JSON.parse(cached) as UserState);
    if (!isUuid(userId)) return null;
    const row = await this.database(() =>
      this.prisma.user.findUnique({
        where: { id: userId },
        select: { status: true, role: true, plan: true },
      }),
    );
    await this.store.set(`usr:${userId}`, row ? JSON.stringify(row) : 'none', this.ttl);
    return row;
  }

  /** Re-reads the user from the database and overwrites the shared entry (call after every change). */
  async refreshUser(userId: string): Promise<void> {
    await this.store.delete(`usr:${userId}`);
    await this.userState(userId);
  }

  /** Marks token `jti` revoked on every replica for `ttlSeconds` (its remaining lifetime). */
  async markTokenRevoked(jti: string, ttlSeconds: number): Promise<void> {
    await this.store.set(`tok:${jti}`, 'revoked', Math.max(1, ttlSeconds));
  }

  /**
   * Revokes access token `jti` of `userId` durably (database row until `expiresAt`, then the shared
   * entry), and deletes the rows of tokens that have expired since.
   */
  async revokeAccessToken(jti: string, userId: string, expiresAt: Date): Promise<void> {
    if (jti.length > 128 || !isUuid(userId)) return;
    await this.prisma.revokedAccessToken.upsert({
      where: { jti },
      create: { jti, userId, expiresAt },
      update: {},
      select: { jti: true },
    });
    await this.prisma.revokedAccessToken.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await this.markTokenRevoked(jti, (expiresAt.getTime() - Date.now()) / 1000 + 5);
  }

  /** accessTokenRevoked from the already read shared entry (undefined: absent, so the database is asked). */
  private async accessTokenRevokedFrom(principal: Principal, jti: string, cached: string | undefined): Promise<boolean> {
    if (cached === 'revoked') return true;
    if (cached === `active:${principal.subject}`) return false;
    if (jti.length > 128) return true;
    const row = await this.database(() => this.prisma.revokedAccessToken.findUnique({ where: { jti }, select: { jti: true } }));
    const remaining = principal.expiresAt - Math.floor(Date.now() / 1000);
    if (row) await this.store.set(`tok:${jti}`, 'revoked', remaining + 5);
    else await this.store.setIfAbsent(`tok:${jti}`, `active:${principal.subject}`, Math.min(this.ttl, Math.max(1, remaining)));
    return row !== null;
  }

  /**
   * True when the service token `jti` of `userId` is revoked, unknown, expired or not the caller's.
   * Service tokens must exist in the database: a validly signed token that was never issued is refused.
   */
  async serviceTokenRevoked(jti: string, userId: string): Promise<boolean> {
    return this.serviceTokenRevokedFrom(jti, userId, await this.store.get(`tok:${jti}`));
  }

  /** serviceTokenRevoked from the already read shared entry (undefined: absent, so the database is asked). */
  private async serviceTokenRevokedFrom(jti: string, userId: string, cached: string | undefined): Promise<boolean> {
    if (cached === 'revoked') return true;
    if (cached === `active:${userId}`) return false;
    const row = jti.length <= 128
      ? await this.database(() =>
          this.prisma.token.findUnique({
            where: { id: jti },
            select: { userId: true, kind: true, revokedAt: true, expiresAt: true },
          }),
        )
      : null;
    const active =
      row !== null && row.kind === 'SERVICE' && row.userId === userId && row.revokedAt === null && row.expiresAt > new Date();
    if (active) {
      const remaining = Math.floor((row.expiresAt.getTime() - Date.now()) / 1000);
      await this.store.set(`tok:${jti}`, `active:${userId}`, Math.min(this.ttl, Math.max(1, remaining)));
    } else {
      await this.store.set(`tok:${jti}`, 'revoked', this.ttl);
    }
    return !active;
  }

  /** Records the use of service token `jti`, at most once per interval across all replicas. */
  async touchServiceToken(jti: string): Promise<void> {
    if (!(await this.store.setIfAbsent(`used:${jti}`, '1', this.lastUsedInterval))) return;
    await this.prisma.token.updateMany({ where: { id: jti }, data: { lastUsedAt: new Date() } });
  }

  /**
   * The revocation check for the JWT verifier: refuses revoked or unknown service tokens, access
   * tokens revoked by logout, and every token of a user that is disabled, pending or deleted.
   * Both shared entries (user and token) are read in one round trip (MGET).
   */
  readonly isRevoked: RevocationCheck = async (principal: Principal) => {
    if (!principal.tokenId) return true;
    const [userEntry, tokenEntry] = await this.store.getMany([`usr:${principal.subject}`, `tok:${principal.tokenId}`]);
    if (tokenEntry === 'revoked') return true;
    try {
      const user = await this.userStateFrom(principal.subject, userEntry);
      if (!user || user.status !== 'ACTIVE') return true;
      if (principal.kind === 'service') {
        if (user.role !== 'SERVICE') return true;
        if (await this.serviceTokenRevokedFrom(principal.tokenId, principal.subject, tokenEntry)) return true;
        this.remember(this.verifiedTokens, principal.tokenId, Date.now());
        this.remember(this.knownUsers, principal.subject, user);
        void this.touchServiceToken(principal.tokenId).catch(() => undefined);
        return false;
      }
      return await this.accessTokenRevokedFrom(principal, principal.tokenId, tokenEntry);
    } catch (error) {
      // Database down: a service token verified here recently keeps working for the grace.
      if (error instanceof ServiceUnavailableError && principal.kind === 'service' && this.recentlyVerified(principal.tokenId)) return false;
      throw error;
    }
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True for a canonical UUID string (user ids are UUIDs; anything else cannot match a row). */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

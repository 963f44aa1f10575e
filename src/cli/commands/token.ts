/**
 * `nocturna token create|list|revoke|check|renew`: service tokens from the shell.
 *   token create [--days 30] [--name n] [--scopes calculations]   prints the token alone on stdout
 *   token list   [--active]
 *   token revoke <id>                                             refused by every replica at once (REDIS_URL)
 *   token check  [<token>]                                        token from the argument or stdin; exit 1 if refused
 *   token renew  <id> [--days 30]                                 prints a new token with the same scopes and name
 * Tokens are issued to the service user service@nocturna.internal, created when missing.
 */
import { createJwtVerifier } from '../../auth/jwt.verifier.js';
import { say, table, withCliContext } from '../cli-context.js';
import { parseSubcommand, UsageError, type ArgumentSpec, type CliCommand } from '../command.js';

const USAGE = 'usage: nocturna token create [--days n] [--name s] [--scopes calculations] | list [--active] | revoke <id> | check [<token>] | renew <id> [--days n]';

/** What each subcommand accepts after its name. */
const ARGUMENTS = {
  create: { values: ['days', 'name', 'scopes'] },
  list: { switches: ['active'] },
  revoke: { values: ['id'], positionals: 1 },
  check: { values: ['token'], positionals: 1 },
  renew: { values: ['id', 'days'], positionals: 1 },
} satisfies Record<string, ArgumentSpec>;

/** The token id of `revoke`/`renew` (--id or the positional). @throws UsageError when missing */
function tokenId(sub: string, flags: Map<string, string>, positionals: string[]): string {
  const id = flags.get('id') ?? positionals[0];
  if (!id) throw new UsageError(`${sub} needs a token id (<id> or --id)`);
  return id;
}

/** --days as a number (the service refuses anything but a whole number of days in its range). */
function days(flags: Map<string, string>): number | undefined {
  const raw = flags.get('days');
  return raw === undefined ? undefined : Number(raw);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'Service tokens: create | list | revoke | check | renew',
  usage: USAGE,
  async run(args) {
    const { sub, values: flags, switches, positionals } = parseSubcommand(args, ARGUMENTS);
    switch (sub) {
      case 'create':
        return withCliContext({}, async ({ accounts }) => {
          const scopes = flags.get('scopes')?.split(',').map((s) => s.trim()).filter(Boolean);
          const issued = await accounts.tokens.createServiceToken({ days: days(flags), name: flags.get('name') ?? 'cli', scopes });
          say(`service token ${issued.id} for service@nocturna.internal, expires ${issued.expiresAt.toISOString()}`);
          process.stdout.write(`${issued.token}\n`);
          return 0;
        });
      case 'list':
        return withCliContext({}, async ({ accounts }) => {
          const tokens = await accounts.tokens.listServiceTokens({ activeOnly: switches.has('active'), first: 500 });
          const rows = [['ID', 'NAME', 'SCOPES', 'EXPIRES', 'REVOKED', 'LAST USED']];
          for (const t of tokens) {
            rows.push([t.id, t.name ?? '', t.scopes.join(','), t.expiresAt.toISOString(), t.revokedAt?.toISOString() ?? '', t.lastUsedAt?.toISOString() ?? '']);
          }
          process.stdout.write(`${table(rows)}\n`);
          return 0;
        });
      case 'revoke': {
        const id = tokenId('revoke', flags, positionals);
        return withCliContext({}, async ({ accounts }) => {
          const changed = await accounts.tokens.revokeServiceToken(id);
          say(changed ? `revoked ${id}` : `${id} was already revoked`);
          return 0;
        });
      }
      case 'check': {
        const token = flags.get('token') ?? positionals[0] ?? (await readStdin());
        if (!token) throw new UsageError('check needs a token (<token>, --token or on stdin)');
        return withCliContext({}, async ({ accounts, config }) => {
          const verifier = createJwtVerifier({
            secret: config.secretKey,
            issuer: config.jwt.issuer,
            audience: config.jwt.audience,
            isRevoked: accounts.state.isRevoked,
          });
          try {
            const { principal, record } = await accounts.tokens.check(verifier, token);
            const summary = {
              valid: true,
              kind: principal.kind,
              subject: principal.subject,
              id: principal.tokenId,
              scopes: principal.scopes,
              expiresAt: new Date(principal.expiresAt * 1000).toISOString(),
              name: record?.name ?? null,
              lastUsedAt: record?.lastUsedAt?.toISOString() ?? null,
            };
            process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
            return 0;
          } catch (error) {
            process.stdout.write(`${JSON.stringify({ valid: false, reason: error instanceof Error ? error.message : 'invalid' })}\n`);
            return 1;
          }
        });
      }
      case 'renew': {
        const id = tokenId('renew', flags, positionals);
        return withCliContext({}, async ({ accounts }) => {
          const issued = await accounts.tokens.renewServiceToken(id, days(flags));
          say(`new service token ${issued.id}, expires ${issued.expiresAt.toISOString()} (the old one stays valid until revoked)`);
          process.stdout.write(`${issued.token}\n`);
          return 0;
        });
      }
    }
  },
};

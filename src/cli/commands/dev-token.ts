/**
 * `nocturna dev-token`: prints an access token signed with the configured (or generated
 * development) secret, without touching the database. Development only. The full server's
 * revocation check accepts it only when --subject is an active user's id; `nocturna token
 * create` is the normal way to get a working token.
 * Options: --subject dev  --ttl 86400 (seconds)  --kind access|service  --role admin  --tier premium
 */
import { signToken } from '../../auth/jwt.signer.js';
import { loadConfigOrReport, parseArguments, UsageError, type CliCommand } from '../command.js';

const USAGE = 'usage: nocturna dev-token [--subject dev] [--ttl seconds] [--kind access|service] [--role r] [--tier t]';

export const devTokenCommand: CliCommand = {
  name: 'dev-token',
  summary: 'Print a JWT signed with the local secret, no database (tools/tests; prefer `token create`)',
  usage: USAGE,
  async run(args) {
    const { values: flags } = parseArguments(args, { values: ['subject', 'ttl', 'kind', 'role', 'tier'] });
    const ttl = Number(flags.get('ttl') ?? 86_400);
    const kind = flags.get('kind') ?? 'access';
    if (!Number.isInteger(ttl) || ttl <= 0) throw new UsageError('--ttl must be a whole number of seconds ≥ 1');
    if (kind !== 'access' && kind !== 'service') throw new UsageError('--kind must be access or service');
    const config = loadConfigOrReport();
    if (!config) return 2;
    if (config.nodeEnv === 'production') {
      process.stderr.write('nocturna dev-token: refused in production (use `nocturna token create`)\n');
      return 1;
    }
    const token = signToken(
      { subject: flags.get('subject') ?? 'dev', kind, role: flags.get('role'), tier: flags.get('tier') },
      { secret: config.secretKey, issuer: config.jwt.issuer, audience: config.jwt.audience, ttlSeconds: ttl },
    );
    process.stdout.write(`${token}\n`);
    return 0;
  },
};

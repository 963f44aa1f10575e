/**
 * `nocturna setup-production [--dry-run] [--output deployment_summary.json]`: the service-component
 * setup of the deployment guide. Applies pending migrations, creates or updates the admin from
 * ADMIN_EMAIL / ADMIN_PASSWORD (role ADMIN, status ACTIVE), ensures the service user
 * service@nocturna.internal, issues a 30-day service token and writes deployment_summary.json
 * (mode 0600) with the token, its id and expiry, both emails and the effective registration
 * settings. The token is written to the file only, never printed. --dry-run changes nothing.
 */
import { open, rename, chmod } from 'node:fs/promises';
import path from 'node:path';
import { say, withCliContext } from '../cli-context.js';
import { assertPasswordPolicy } from '../../accounts/password.js';
import { SERVICE_USER_EMAIL } from '../../accounts/user.service.js';
import { DEFAULT_SERVICE_TOKEN_DAYS } from '../../accounts/token.service.js';
import { loadConfigOrReport, parseArguments, type CliCommand } from '../command.js';

/** Writes `content` to `file` with mode 0600 (atomically: temp file + rename). */
async function writePrivate(file: string, content: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}

export const setupProductionCommand: CliCommand = {
  name: 'setup-production',
  summary: 'Create/update the admin and service user, issue a 30-day service token, write deployment_summary.json',
  usage: 'usage: nocturna setup-production [--dry-run] [--output deployment_summary.json]',
  async run(args) {
    const { values, switches } = parseArguments(args, { values: ['output'], switches: ['dry-run'] });
    const dryRun = switches.has('dry-run');
    const output = path.resolve(values.get('output') ?? 'deployment_summary.json');
    const config = loadConfigOrReport();
    if (!config) return 2;
    const password = config.admin.password;
    if (!password) {
      say('nocturna setup-production: ADMIN_PASSWORD is not set');
      return 2;
    }
    try {
      assertPasswordPolicy(password, 'ADMIN_PASSWORD');
    } catch (error) {
      say(`nocturna setup-production: ADMIN_PASSWORD: ${(error as Error).message}`);
      return 2;
    }
    const registration = {
      allow_user_registration: config.registration.allow,
      registration_requires_approval: config.registration.requiresApproval,
      max_users_limit: config.registration.maxUsers,
    };
    return withCliContext({ migrate: !dryRun }, async ({ accounts }) => {
      if (dryRun) {
        const admin = await accounts.users.findByEmail(config.admin.email).catch(() => null);
        const service = await accounts.users.findByEmail(SERVICE_USER_EMAIL).catch(() => null);
        say('dry run: nothing is changed');
        say(`  admin ${config.admin.email}: ${admin ? `exists (${admin.role}, ${admin.status}); password, role and status would be reset` : 'would be created'}`);
        say(`  service user ${SERVICE_USER_EMAIL}: ${service ? 'exists' : 'would be created'}`);
        say(`  a ${DEFAULT_SERVICE_TOKEN_DAYS}-day service token would be issued and written to ${output} (mode 0600)`);
        say(`  registration: ${JSON.stringify(registration)}`);
        return 0;
      }
      const admin = await accounts.users.upsertAdmin(config.admin.email, password);
      const service = await accounts.users.ensureServiceUser();
      const issued = await accounts.tokens.createServiceToken({ days: DEFAULT_SERVICE_TOKEN_DAYS, name: 'setup-production', userId: service.id });
      const summary = {
        service_token: issued.token,
        token_id: issued.id,
        token_expires_at: issued.expiresAt.toISOString(),
        token_scopes: issued.record.scopes,
        admin_email: admin.email,
        service_email: service.email,
        registration,
        created_at: new Date().toISOString(),
      };
      await writePrivate(output, `${JSON.stringify(summary, null, 2)}\n`);
      say(`admin ${admin.email} ready; service user ${service.email} ready`);
      say(`service token ${issued.id} (expires ${summary.token_expires_at}) written to ${output} (mode 0600)`);
      return 0;
    });
  },
};

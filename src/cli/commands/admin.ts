/**
 * `nocturna admin create|list|promote|delete`: manage accounts from the shell.
 *   admin create  [--email e] [--password p] [--username u]   prompts for what is missing
 *   admin list
 *   admin promote [--email e]
 *   admin delete  [--email e] [--yes]                          asks for confirmation unless --yes
 *   admin plan    --email e --plan default|premium             changes the quota plan (audit-logged)
 * Passwords given as flags end up in shell history: prefer the prompt or ADMIN_PASSWORD (used by
 * `admin create` when --password is not given).
 */
import { prompt, say, table, withCliContext } from '../cli-context.js';
import { parseSubcommand, type ArgumentSpec, type CliCommand } from '../command.js';
import { PLANS, type Plan } from '../../accounts/user.service.js';

const USAGE =
  'usage: nocturna admin create [--email e] [--password p] [--username u] | list | promote [--email e] | delete [--email e] [--yes]' +
  ' | plan --email e --plan default|premium';

/** What each subcommand accepts after its name. */
const ARGUMENTS = {
  create: { values: ['email', 'password', 'username'] },
  list: {},
  promote: { values: ['email'] },
  delete: { values: ['email'], switches: ['yes'] },
  plan: { values: ['email', 'plan'] },
} satisfies Record<string, ArgumentSpec>;

async function flagOrPrompt(flags: Map<string, string>, name: string, question: string, hidden = false): Promise<string> {
  return flags.get(name) ?? (await prompt(question, hidden));
}

export const adminCommand: CliCommand = {
  name: 'admin',
  summary: 'Manage accounts: create | list | promote | delete | plan',
  usage: USAGE,
  async run(args) {
    const { sub, values: flags, switches } = parseSubcommand(args, ARGUMENTS);
    switch (sub) {
      case 'create':
        return withCliContext({}, async ({ accounts, config }) => {
          const email = await flagOrPrompt(flags, 'email', 'Admin email: ');
          const password = flags.get('password') ?? config.admin.password ?? (await prompt('Password (12+ characters): ', true));
          const user = await accounts.users.create({ email, password, username: flags.get('username'), role: 'ADMIN', status: 'ACTIVE' }, 'admin');
          say(`created admin ${user.email} (${user.id})`);
          return 0;
        });
      case 'list':
        return withCliContext({}, async ({ accounts }) => {
          const rows: string[][] = [['EMAIL', 'ROLE', 'STATUS', 'PLAN', 'CREATED', 'ID']];
          let after: string | null = null;
          do {
            const page = await accounts.users.list({ first: 100, after });
            for (const u of page.items) rows.push([u.email, u.role, u.status, u.plan, u.createdAt.toISOString(), u.id]);
            after = page.hasNextPage ? page.endCursor : null;
          } while (after);
          process.stdout.write(`${table(rows)}\n`);
          return 0;
        });
      case 'promote':
        return withCliContext({}, async ({ accounts }) => {
          const email = await flagOrPrompt(flags, 'email', 'Email of the user to promote: ');
          const user = await accounts.users.setRole(email, 'ADMIN');
          say(`${user.email} is now ADMIN`);
          return 0;
        });
      case 'delete':
        return withCliContext({}, async ({ accounts }) => {
          const email = await flagOrPrompt(flags, 'email', 'Email of the user to delete: ');
          const user = await accounts.users.findByEmail(email);
          if (!user) {
            say(`no user ${email}`);
            return 1;
          }
          if (!switches.has('yes')) {
            const answer = await prompt(`Delete ${user.email} (${user.role}) and all its tokens and saved charts? Type the email to confirm: `);
            if (answer.toLowerCase() !== user.email) {
              say('not confirmed; nothing deleted');
              return 1;
            }
          }
          await accounts.users.deleteByEmail(user.email);
          say(`deleted ${user.email}`);
          return 0;
        });
      case 'plan':
        return withCliContext({}, async ({ accounts }) => {
          const email = await flagOrPrompt(flags, 'email', 'Email of the account: ');
          const plan = (flags.get('plan') ?? '').toUpperCase();
          if (!(PLANS as readonly string[]).includes(plan)) {
            say(`--plan must be one of ${PLANS.join(', ').toLowerCase()}`);
            return 2;
          }
          const user = await accounts.users.setPlanByEmail(email, plan as Plan, 'cli');
          say(`${user.email} is now on the ${user.plan} plan`);
          return 0;
        });
    }
  },
};

import { userInfo } from 'node:os';
import { Command } from 'commander';
import { tokenJobs, type TokenInfo } from '../../jobs/api-sessions.js';
import { userJobs, type User } from '../../jobs/users.js';
import type { Output } from '../output.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';

/** Who acts, for the audit log: the operating-system user at the terminal. */
function actor(): string {
  try {
    return `cli:${userInfo().username || 'unknown'}`;
  } catch {
    return 'cli:unknown';
  }
}

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function userLine(u: User, out: Output): string {
  const regions = u.regions?.join(',') ?? out.t('platform.user.allRegions');
  return `  ${u.username}  ${u.displayName}  ${u.roles.join(',')}  ${regions}  ${out.t(u.disabled ? 'platform.user.disabled' : 'platform.user.active')}`;
}

function updatedLine(u: User, out: Output): string[] {
  return [out.t('platform.user.updated', {
    username: u.username, roles: u.roles.join(','), regions: u.regions?.join(',') ?? out.t('platform.user.allRegions'),
    disabled: u.disabled ? out.t('platform.user.disabledSuffix') : '',
  })];
}

interface AddFlags extends CommonFlags { readonly role: string[]; readonly region?: string[]; readonly displayName?: string; readonly passwordStdin?: boolean }
interface PasswdFlags extends CommonFlags { readonly passwordStdin?: boolean }
interface RoleFlags extends CommonFlags { readonly set: string[] }
interface RegionFlags extends CommonFlags { readonly set?: string[]; readonly all?: boolean }
interface TokenFlags extends CommonFlags { readonly user: string; readonly name: string; readonly scopes: string[]; readonly partner?: boolean; readonly expiresDays?: number }

export function userCommand(): Command {
  const user = new Command('user').description('local users, roles, districts and API tokens');
  withCommonOptions(user.command('add').argument('<username>').description('add a user; prints a generated password once unless --password-stdin'))
    .requiredOption('--role <roles>', 'admin, marketing, service, operations, risk, analyst, auditor (comma-separated or repeated)', list)
    .option('--region <district>', 'limit the user to a district (repeat for more); default all', list)
    .option('--display-name <name>', 'name shown in the dashboard')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action((username: string, flags: AddFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const password = flags.passwordStdin ? await readStdin() : undefined;
        const r = await userJobs.add(config, { username, roles: flags.role, regions: flags.region ?? null, displayName: flags.displayName, password }, actor());
        out.result(r, () => [
          out.t('platform.user.added', { username: r.user.username, roles: r.user.roles.join(','), regions: r.user.regions?.join(',') ?? out.t('platform.user.allRegions') }),
          ...(r.password ? [out.t('platform.user.password', { password: r.password })] : []),
        ]);
      }));
  withCommonOptions(user.command('passwd').argument('<username>').description('set a new password (generated and printed once unless --password-stdin); ends the user\'s sessions'))
    .option('--password-stdin', 'read the password from standard input')
    .action((username: string, flags: PasswdFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const r = await userJobs.passwd(config, username, flags.passwordStdin ? await readStdin() : undefined, actor());
        out.result(r, () => [...updatedLine(r.user, out), ...(r.password ? [out.t('platform.user.password', { password: r.password })] : [])]);
      }));
  withCommonOptions(user.command('role').argument('<username>').description('replace the roles of a user'))
    .requiredOption('--set <roles>', 'the new roles, comma-separated', list)
    .action((username: string, flags: RoleFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const u = await userJobs.update(config, username, { roles: flags.set }, actor());
        out.result(u, () => updatedLine(u, out));
      }));
  withCommonOptions(user.command('region').argument('<username>').description('replace the districts a user may see'))
    .option('--set <districts>', 'districts, comma-separated', list)
    .option('--all', 'every district')
    .action((username: string, flags: RegionFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const u = await userJobs.update(config, username, { regions: flags.all ? null : (flags.set ?? []) }, actor());
        out.result(u, () => updatedLine(u, out));
      }));
  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    withCommonOptions(user.command(name).argument('<username>').description(disabled ? 'disable a user and end their sessions' : 'enable a disabled user'))
      .action((username: string, flags: CommonFlags) =>
        runCommand(flags, async ({ config, out }) => {
          const u = await userJobs.update(config, username, { disabled }, actor());
          out.result(u, () => updatedLine(u, out));
        }));
  }
  withCommonOptions(user.command('list').description('users with roles and districts'))
    .action((flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const users = await userJobs.list(config);
        out.result(users, () => (users.length ? [out.t('platform.user.header'), ...users.map((u) => userLine(u, out))] : [out.t('platform.user.none')]));
      }));
  user.addCommand(tokenCommand());
  return user;
}

function tokenLine(t: TokenInfo, out: Output): string {
  return `  ${out.t('platform.token.line', { tokenId: t.tokenId, username: t.username, name: t.name, scopes: t.scopes.join(','), createdAt: t.createdAt, state: t.revoked ? out.t('platform.token.revokedSuffix') : '' })}`;
}

function tokenCommand(): Command {
  const token = new Command('token').description('scoped API tokens for system-to-system sharing');
  withCommonOptions(token.command('create').description('create a token; it is printed once and stored hashed'))
    .requiredOption('--user <username>', 'the user the token acts as (its roles cap the token)')
    .requiredOption('--scopes <scopes>', 'e.g. customers:read,exports:read', list)
    .option('--name <name>', 'what the token is for', 'api')
    .option('--partner', 'a partner outside the company: exports are aggregated under the 15/15 rule')
    .option('--expires-days <n>', 'days until the token expires (default never)', integerOption(1, 3650))
    .action((flags: TokenFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const r = await tokenJobs.create(config, { username: flags.user, name: flags.name, scopes: flags.scopes, partner: flags.partner, expiresInDays: flags.expiresDays }, actor());
        out.result(r, () => [
          out.t('platform.token.created', { tokenId: r.info.tokenId, username: r.info.username, scopes: r.info.scopes.join(','), partner: r.info.partner ? out.t('platform.token.partnerSuffix') : '' }),
          out.t('platform.token.secret', { token: r.token }),
        ]);
      }));
  withCommonOptions(token.command('list').description('tokens (never their secrets)'))
    .option('--user <username>', 'only this user\'s tokens')
    .action((flags: CommonFlags & { user?: string }) =>
      runCommand(flags, async ({ config, out }) => {
        const tokens = await tokenJobs.list(config, flags.user);
        out.result(tokens, () => (tokens.length ? tokens.map((t) => tokenLine(t, out)) : [out.t('platform.token.none')]));
      }));
  withCommonOptions(token.command('revoke').argument('<tokenId>').description('revoke a token'))
    .action((tokenId: string, flags: CommonFlags) =>
      runCommand(flags, async ({ config, out }) => {
        await tokenJobs.revoke(config, tokenId, actor());
        out.result({ tokenId, revoked: true }, () => [out.t('platform.token.revoked', { tokenId })]);
      }));
  return token;
}

import type { TableDef } from './table-def.js';

/** Users, sessions, API tokens, login attempts and the audit log. */
export const platformTables: readonly TableDef[] = [
  {
    name: 'users', doc: 'Local users of the API and dashboard. Passwords are scrypt hashes with a per-user salt.',
    primaryKey: ['username'], orderBy: ['username'],
    columns: [
      { name: 'username', type: 'varchar' }, { name: 'display_name', type: 'varchar' },
      { name: 'password_hash', type: 'varchar', doc: 'scrypt$N$r$p$salt$hash (base64); never printed' },
      { name: 'roles', type: 'varchar', doc: 'comma-separated: admin, marketing, service, operations, risk, analyst, auditor' },
      { name: 'regions', type: 'varchar', nullable: true, doc: 'comma-separated districts the user may see; NULL = all' },
      { name: 'disabled', type: 'bool' }, { name: 'created_at', type: 'timestamp' }, { name: 'updated_at', type: 'timestamp' },
    ],
  },
  {
    name: 'sessions', doc: 'Login sessions; only the SHA-256 of the 256-bit session id is stored.',
    primaryKey: ['session_hash'], orderBy: ['session_hash'],
    columns: [
      { name: 'session_hash', type: 'varchar' }, { name: 'username', type: 'varchar' }, { name: 'created_at', type: 'timestamp' },
      { name: 'expires_at', type: 'timestamp' }, { name: 'ip', type: 'varchar', nullable: true },
    ],
  },
  {
    name: 'api_tokens', doc: 'Scoped API tokens for system-to-system sharing; only the SHA-256 of the secret is stored.',
    primaryKey: ['token_id'], orderBy: ['token_id'],
    columns: [
      { name: 'token_id', type: 'varchar' }, { name: 'token_hash', type: 'varchar' }, { name: 'username', type: 'varchar' },
      { name: 'name', type: 'varchar' }, { name: 'scopes', type: 'varchar', doc: 'comma-separated, e.g. customers:read,exports:read' },
      { name: 'partner', type: 'bool', doc: 'a partner outside the company: exports are aggregated under the 15/15 rule' },
      { name: 'created_at', type: 'timestamp' }, { name: 'expires_at', type: 'timestamp', nullable: true },
      { name: 'revoked_at', type: 'timestamp', nullable: true },
    ],
  },
  {
    name: 'login_attempts', doc: 'Every login attempt, for lockout (5 failures in 15 minutes lock the username for 15 minutes).',
    orderBy: ['username', 'attempted_at'],
    columns: [
      { name: 'username', type: 'varchar' }, { name: 'attempted_at', type: 'timestamp' }, { name: 'ip', type: 'varchar', nullable: true },
      { name: 'success', type: 'bool' },
    ],
  },
  {
    name: 'audit_log', doc: 'Append-only, tamper-evident audit log: hash = sha256(prev_hash + canonical JSON of the entry).',
    primaryKey: ['seq'], orderBy: ['seq'],
    columns: [
      { name: 'seq', type: 'int64' }, { name: 'logged_at', type: 'timestamp' }, { name: 'actor', type: 'varchar' },
      { name: 'action', type: 'varchar', doc: 'auth.login, auth.login_failed, customer.view, customer.unmask, export, user.add, ...' },
      { name: 'target', type: 'varchar', nullable: true }, { name: 'outcome', type: 'varchar', doc: 'ok or denied' },
      { name: 'ip', type: 'varchar', nullable: true }, { name: 'details', type: 'varchar', doc: 'canonical JSON; never personal data' },
      { name: 'prev_hash', type: 'varchar' }, { name: 'hash', type: 'varchar' },
    ],
  },
];

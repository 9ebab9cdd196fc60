import type { Catalog } from '../../core/i18n/index.js';

/** CLI strings of the HTTP server, users, API tokens and the audit log. */
export const platformMessages: Catalog = {
  'platform.serve.listening': { 'zh-CN': 'GridLens 服务已启动：{url}（API {url}/api/v1，文档 {url}/api/v1/docs）', en: 'GridLens is serving on {url} (API {url}/api/v1, docs {url}/api/v1/docs)' },
  'platform.serve.dashboard': { 'zh-CN': '看板：{root}', en: 'Dashboard: {root}' },
  'platform.serve.noDashboard': { 'zh-CN': '未找到已构建的看板（web/dist），只提供 API。', en: 'No built dashboard (web/dist): serving the API only.' },
  'platform.serve.stopping': { 'zh-CN': '正在停止服务…', en: 'Stopping…' },
  'platform.user.added': { 'zh-CN': '已添加用户 {username}（角色 {roles}，区域 {regions}）。', en: 'Added user {username} (roles {roles}, districts {regions}).' },
  'platform.user.password': { 'zh-CN': '初始密码（只显示这一次，请妥善保存）：{password}', en: 'Password (shown this once; keep it safe): {password}' },
  'platform.user.updated': { 'zh-CN': '已更新用户 {username}：角色 {roles}，区域 {regions}{disabled}。', en: 'Updated user {username}: roles {roles}, districts {regions}{disabled}.' },
  'platform.user.disabledSuffix': { 'zh-CN': '，已停用', en: ', disabled' },
  'platform.user.allRegions': { 'zh-CN': '全部', en: 'all' },
  'platform.user.header': { 'zh-CN': '用户名 / 显示名 / 角色 / 区域 / 状态', en: 'Username / display name / roles / districts / status' },
  'platform.user.active': { 'zh-CN': '启用', en: 'active' },
  'platform.user.disabled': { 'zh-CN': '停用', en: 'disabled' },
  'platform.user.none': { 'zh-CN': '还没有用户：gridlens user add NAME --role admin', en: 'No users yet: gridlens user add NAME --role admin' },
  'platform.token.created': { 'zh-CN': '已为 {username} 创建令牌 {tokenId}（范围 {scopes}{partner}）。', en: 'Created token {tokenId} for {username} (scopes {scopes}{partner}).' },
  'platform.token.partnerSuffix': { 'zh-CN': '，外部合作方：导出按 15/15 规则聚合', en: ', partner: exports aggregated under the 15/15 rule' },
  'platform.token.secret': { 'zh-CN': '令牌（只显示这一次）：{token}', en: 'Token (shown this once): {token}' },
  'platform.token.line': { 'zh-CN': '{tokenId}  {username}  {name}  {scopes}  创建 {createdAt}{state}', en: '{tokenId}  {username}  {name}  {scopes}  created {createdAt}{state}' },
  'platform.token.revokedSuffix': { 'zh-CN': '  已吊销', en: '  revoked' },
  'platform.token.revoked': { 'zh-CN': '已吊销令牌 {tokenId}。', en: 'Revoked token {tokenId}.' },
  'platform.token.none': { 'zh-CN': '没有令牌。', en: 'No tokens.' },
  'platform.audit.ok': { 'zh-CN': '审计日志完整：{entries} 条记录的哈希链校验通过。末条哈希 {headHash}（请另行保存，以便发现尾部被截断）。', en: 'Audit log intact: the hash chain of {entries} entries verifies. Head hash {headHash} (keep it elsewhere to detect a truncated tail).' },
  'platform.audit.bad': { 'zh-CN': '审计日志被篡改：第 {seq} 条——{reason}（之前 {entries} 条完好）。', en: 'Audit log tampered with at entry {seq}: {reason} ({entries} entries before it are intact).' },
  'platform.audit.line': { 'zh-CN': '#{seq} {at} {actor} {action} {target} {outcome}', en: '#{seq} {at} {actor} {action} {target} {outcome}' },
};

/** Response shapes of the GridLens HTTP API v1 (prompts/api-contract.md), as the dashboard reads them. */
export type Role = 'admin' | 'marketing' | 'service' | 'operations' | 'risk' | 'analyst' | 'auditor';

export interface User {
  username: string;
  displayName?: string;
  roles: Role[];
  regions: string[] | null;
  disabled?: boolean;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type Label = string | { 'zh-CN'?: string; en?: string };

export interface Overview {
  customers: number;
  consumptionKwh30d: number;
  revenueCny30d: number;
  arrearsCny: number;
  lineLossRate: number | null;
  openAlerts: number;
  openTickets: number;
  satisfaction: number | null;
  trend: { date: string; kwh: number; revenueCny: number }[];
}

export interface CustomerRow {
  customerId: string;
  name: string;
  phone: string;
  address: string;
  district: string;
  customerClass: string;
  tariffId: string;
  segment?: string | null;
  tags?: string[];
}

export interface Reason {
  feature?: string;
  label?: Label;
  contribution?: number;
  value?: number | string;
  text?: Label;
}

export interface Score {
  score?: number;
  value?: number;
  grade?: string;
  tier?: string;
  probability?: number;
  reasons?: (Reason | string)[];
}

export interface Profile {
  customer: CustomerRow & { idNumber?: string; openedOn?: string; [key: string]: unknown };
  accounts?: Record<string, unknown>[];
  meters?: Record<string, unknown>[];
  tags?: { id: string; label: Label }[];
  segment?: { segmentId?: string; label?: Label } | string | null;
  /** Result rows of the analytics steps that ran (segments, value, churn, credit...). */
  scores?: { table: string; row: Record<string, unknown> }[] | { credit?: Score | null; churn?: Score | null; value?: Score | null };
  shape?: number[] | null;
  monthly?: { month: string; kwh: number; days: number; peakKw: number }[];
  bills?: Record<string, unknown>[];
  payments?: Record<string, unknown>[];
  tickets?: Record<string, unknown>[];
  offers?: Record<string, unknown>[];
  events?: Record<string, unknown>[];
}

export interface LoadPoint {
  ts: string;
  kwh: number | null;
  quality?: number | string;
}

export interface Segment {
  segmentId: string | number;
  label: Label;
  size: number;
  shape: number[];
  revenueCny?: number;
}

export interface ForecastPoint {
  ts: string;
  p10: number;
  p50: number;
  p90: number;
  actual?: number | null;
}

export interface RuleHit {
  ruleId?: string;
  id?: string;
  rule?: string;
  label?: Label;
  severity?: string;
  evidence?: Label;
}

export interface TheftEntry {
  rank: number;
  customerId: string;
  name?: string;
  areaId?: string;
  score: number;
  expectedKwh?: number;
  expectedCny?: number;
  recoverableKwh?: number;
  recoverableCny?: number;
  evidence?: {
    rules?: (string | RuleHit)[];
    ruleHits?: RuleHit[];
    contributions?: Record<string, number> | { feature: string; contribution: number }[];
    topFeatures?: { feature: string; value?: number; contribution: number }[];
    curve?: { date: string; kwh: number }[];
    loadCurve?: { start: string; changeDate?: string | null; kwh: (number | null)[]; expectedKwh?: (number | null)[] };
    lossCorrelation?: number | null;
    loss?: { correlation?: number | null };
    summary?: Label;
  };
}

export interface AuditEntry {
  id?: number | string;
  seq?: number;
  at?: string;
  ts?: string;
  actor?: string;
  username?: string;
  action: string;
  target?: string;
  details?: unknown;
  detail?: unknown;
  outcome?: string;
  hash?: string;
}

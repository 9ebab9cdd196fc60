import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreditDataset, type CreditFeature } from '../../analytics/credit/index.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';

const feature = (name: string, kind: CreditFeature['kind'], zh: string, en: string): CreditFeature => ({ name, kind, label: { 'zh-CN': zh, en } });
const MONTHS = ['sep', 'aug', 'jul', 'jun', 'may', 'apr'] as const;
const MONTHS_ZH: Record<(typeof MONTHS)[number], string> = { sep: '9月', aug: '8月', jul: '7月', jun: '6月', may: '5月', apr: '4月' };

/**
 * The 23 attributes X1..X23 of the Taiwan credit-card default data (UCI id 350), in file order.
 * Repayment status (−2..9 months late) is ordinal and kept numeric; sex, education and marriage
 * are categorical (education 0/5/6 and marriage 0 are undocumented codes, kept as levels).
 */
export const TAIWAN_CREDIT_FEATURES: readonly CreditFeature[] = [
  feature('limit_bal', 'numeric', '授信额度', 'credit limit'),
  feature('sex', 'categorical', '性别', 'sex'),
  feature('education', 'categorical', '教育程度', 'education'),
  feature('marriage', 'categorical', '婚姻状况', 'marital status'),
  feature('age', 'numeric', '年龄', 'age'),
  ...MONTHS.map((m) => feature(`pay_status_${m}`, 'numeric', `${MONTHS_ZH[m]}还款状态（逾期月数）`, `repayment status ${m} (months late)`)),
  ...MONTHS.map((m) => feature(`bill_amt_${m}`, 'numeric', `${MONTHS_ZH[m]}账单金额`, `bill amount ${m}`)),
  ...MONTHS.map((m) => feature(`pay_amt_${m}`, 'numeric', `${MONTHS_ZH[m]}还款金额`, `amount paid ${m}`)),
];

/** Reads `taiwan_credit_default/UCI_Credit_Card.csv` under a data directory; target 1 = default next month. */
export async function loadTaiwanCredit(dataDir: string): Promise<CreditDataset> {
  const path = join(dataDir, 'taiwan_credit_default', 'UCI_Credit_Card.csv');
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw Object.assign(new NotFoundError('dataset file', path), { cause });
  });
  return parseTaiwanCredit(text);
}

/** Parses the CSV with header ID, X1..X23, Y (or the Kaggle names in the same order). */
export function parseTaiwanCredit(text: string): CreditDataset {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines[0]?.split(',') ?? [];
  if (header.length !== 25) throw new ValidationError(`taiwan credit header has ${header.length} columns, expected 25`);
  const numeric = TAIWAN_CREDIT_FEATURES.map(() => [] as number[]);
  const target = lines.slice(1).map((line, i) => {
    const fields = line.split(',').map((f, j) => numberAt(f, i + 2, j));
    if (fields.length !== 25) throw new ValidationError(`taiwan credit line ${i + 2} has ${fields.length} columns`, { line: i + 2 });
    numeric.forEach((column, j) => column.push(fields[j + 1]));
    const y = fields[24];
    if (y !== 0 && y !== 1) throw new ValidationError(`taiwan credit line ${i + 2} has target ${y}`, { line: i + 2 });
    return y;
  });
  const columns = Object.fromEntries(
    TAIWAN_CREDIT_FEATURES.map((f, j) => [f.name, f.kind === 'numeric' ? numeric[j] : numeric[j].map(String)]),
  );
  return new CreditDataset({ features: TAIWAN_CREDIT_FEATURES, columns, target });
}

function numberAt(text: string, line: number, column: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new ValidationError(`taiwan credit line ${line}, column ${column + 1}: ${text}`, { line, column });
  return value;
}

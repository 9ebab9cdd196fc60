import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreditDataset, type CreditFeature } from '../../analytics/credit/index.js';
import { NotFoundError, ValidationError } from '../../core/errors.js';

const feature = (name: string, kind: CreditFeature['kind'], zh: string, en: string): CreditFeature => ({ name, kind, label: { 'zh-CN': zh, en } });

/** The 20 attributes of the Statlog German Credit data (UCI id 144), in file order. */
export const GERMAN_CREDIT_FEATURES: readonly CreditFeature[] = [
  feature('checking_status', 'categorical', '支票账户状态', 'checking account status'),
  feature('duration_months', 'numeric', '借款期限（月）', 'duration in months'),
  feature('credit_history', 'categorical', '信用记录', 'credit history'),
  feature('purpose', 'categorical', '借款用途', 'purpose'),
  feature('credit_amount', 'numeric', '借款金额', 'credit amount'),
  feature('savings', 'categorical', '储蓄账户', 'savings account'),
  feature('employment_since', 'categorical', '现职年限', 'present employment since'),
  feature('installment_rate', 'numeric', '分期还款占可支配收入比', 'instalment rate (% of disposable income)'),
  feature('personal_status', 'categorical', '婚姻状况与性别', 'personal status and sex'),
  feature('other_debtors', 'categorical', '其他债务人/担保人', 'other debtors / guarantors'),
  feature('residence_since', 'numeric', '现住址年限', 'present residence since'),
  feature('property', 'categorical', '财产', 'property'),
  feature('age', 'numeric', '年龄', 'age'),
  feature('other_installment_plans', 'categorical', '其他分期计划', 'other instalment plans'),
  feature('housing', 'categorical', '住房', 'housing'),
  feature('existing_credits', 'numeric', '本行现有借款数', 'existing credits at this bank'),
  feature('job', 'categorical', '职业', 'job'),
  feature('people_liable', 'numeric', '需供养人数', 'people liable to provide maintenance for'),
  feature('telephone', 'categorical', '登记电话', 'telephone'),
  feature('foreign_worker', 'categorical', '外籍劳工', 'foreign worker'),
];

/** Reads `german_credit/german.data` under a data directory (e.g. ../shared/data); target 1 = bad (class 2). */
export async function loadGermanCredit(dataDir: string): Promise<CreditDataset> {
  const path = join(dataDir, 'german_credit', 'german.data');
  const text = await readFile(path, 'utf8').catch((cause: unknown) => {
    throw Object.assign(new NotFoundError('dataset file', path), { cause });
  });
  return parseGermanCredit(text);
}

/** Parses the space-separated UCI file: 20 attributes and the class (1 good, 2 bad) per line. */
export function parseGermanCredit(text: string): CreditDataset {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const columns: Record<string, (string | null)[] | number[]> = Object.fromEntries(GERMAN_CREDIT_FEATURES.map((f) => [f.name, []]));
  const target = lines.map((line, i) => {
    const fields = line.trim().split(/\s+/);
    if (fields.length !== 21) throw new ValidationError(`german.data line ${i + 1} has ${fields.length} fields, expected 21`, { line: i + 1 });
    GERMAN_CREDIT_FEATURES.forEach((f, j) => {
      const column = columns[f.name];
      if (f.kind === 'numeric') (column as number[]).push(numberAt(fields[j], i, f.name));
      else (column as string[]).push(fields[j]);
    });
    if (fields[20] !== '1' && fields[20] !== '2') throw new ValidationError(`german.data line ${i + 1} has class ${fields[20]}`, { line: i + 1 });
    return fields[20] === '2' ? 1 : 0;
  });
  return new CreditDataset({ features: GERMAN_CREDIT_FEATURES, columns, target });
}

function numberAt(text: string, line: number, name: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new ValidationError(`german.data line ${line + 1}: ${name} is ${text}`, { line: line + 1 });
  return value;
}

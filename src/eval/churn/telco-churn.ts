import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChurnFeature } from '../../analytics/churn/index.js';
import { ValidationError } from '../../core/errors.js';
import { columnIndex, parseCsv, parseNumber } from '../datasets/csv-table.js';
import { datasetFolder } from '../datasets/data-root.js';

export const TELCO_DATASET = 'telco_churn_ibm';
export const TELCO_FILE = 'Telco-Customer-Churn.csv';

const NUMERIC = ['tenure', 'MonthlyCharges', 'TotalCharges', 'SeniorCitizen'] as const;
const CATEGORICAL = [
  'gender', 'Partner', 'Dependents', 'PhoneService', 'MultipleLines', 'InternetService', 'OnlineSecurity', 'OnlineBackup',
  'DeviceProtection', 'TechSupport', 'StreamingTV', 'StreamingMovies', 'Contract', 'PaperlessBilling', 'PaymentMethod',
] as const;

/** The IBM telco churn table as a numeric matrix: numerics as given, categoricals one-hot (first level dropped). */
export interface TelcoChurn {
  readonly features: readonly ChurnFeature[];
  readonly values: Float64Array;
  readonly labels: Int32Array;
  readonly tenure: Float64Array;
  readonly contract: readonly string[];
}

export async function loadTelcoChurn(dataDir?: string): Promise<TelcoChurn> {
  const folder = datasetFolder(dataDir, TELCO_DATASET, [TELCO_FILE]);
  return parseTelcoChurn(await readFile(join(folder, TELCO_FILE), 'utf8'));
}

/** Parses the CSV; a blank TotalCharges (tenure 0, 11 rows) is 0; any other bad cell is an error naming the line. */
export function parseTelcoChurn(text: string): TelcoChurn {
  const table = parseCsv(text);
  const col = (name: string) => columnIndex(table, name, TELCO_FILE);
  const levels = CATEGORICAL.map((name) => [...new Set(table.rows.map((r) => r[col(name)]))].sort());
  const features: ChurnFeature[] = [
    ...NUMERIC.map((n) => ({ name: n, labelZh: n, labelEn: n })),
    ...CATEGORICAL.flatMap((name, c) => levels[c].slice(1).map((level) => ({ name: `${name}=${level}`, labelZh: `${name}=${level}`, labelEn: `${name}=${level}` }))),
  ];
  const p = features.length;
  const values = new Float64Array(table.rows.length * p);
  const labels = new Int32Array(table.rows.length);
  table.rows.forEach((row, i) => {
    let f = 0;
    for (const name of NUMERIC) {
      const cell = row[col(name)];
      const v = name === 'TotalCharges' && cell.trim() === '' ? 0 : parseNumber(cell);
      if (!Number.isFinite(v)) throw new ValidationError(`${TELCO_FILE} line ${i + 2}: ${name} is not a number ("${cell}")`, { line: i + 2, column: name });
      values[i * p + f++] = v;
    }
    CATEGORICAL.forEach((name, c) => {
      for (const level of levels[c].slice(1)) values[i * p + f++] = row[col(name)] === level ? 1 : 0;
    });
    const churn = row[col('Churn')];
    if (churn !== 'Yes' && churn !== 'No') throw new ValidationError(`${TELCO_FILE} line ${i + 2}: Churn must be Yes or No, got "${churn}"`, { line: i + 2 });
    labels[i] = churn === 'Yes' ? 1 : 0;
  });
  return { features, values, labels, tenure: Float64Array.from(table.rows, (r) => Number(r[col('tenure')])), contract: table.rows.map((r) => r[col('Contract')]) };
}

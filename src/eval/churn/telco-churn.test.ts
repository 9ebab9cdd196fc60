import { describe, expect, it } from 'vitest';
import { parseTelcoChurn } from './telco-churn.js';

const header = 'customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,MultipleLines,InternetService,OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,StreamingMovies,Contract,PaperlessBilling,PaymentMethod,MonthlyCharges,TotalCharges,Churn';
const row = (tenure: string, total: string, churn: string, contract = 'Month-to-month') =>
  `X,Female,0,Yes,No,${tenure},No,No phone service,DSL,No,Yes,No,No,No,No,${contract},Yes,Electronic check,29.85,${total},${churn}`;

describe('parseTelcoChurn', () => {
  it('one-hot encodes categoricals (first level dropped) and reads a blank TotalCharges as 0', () => {
    const t = parseTelcoChurn([header, row('1', '29.85', 'No'), row('0', ' ', 'Yes', 'Two year')].join('\n'));
    expect(Array.from(t.labels)).toEqual([0, 1]);
    const p = t.features.length;
    const total = t.features.findIndex((f) => f.name === 'TotalCharges');
    expect(t.values[p + total]).toBe(0);
    const twoYear = t.features.findIndex((f) => f.name === 'Contract=Two year');
    expect([t.values[twoYear], t.values[p + twoYear]]).toEqual([0, 1]);
    expect(t.features.some((f) => f.name === 'Contract=Month-to-month')).toBe(false);
  });

  it('names the line of a bad cell', () => {
    expect(() => parseTelcoChurn([header, row('x', '1', 'No')].join('\n'))).toThrow(/line 2: tenure/);
    expect(() => parseTelcoChurn([header, row('1', '1', 'Maybe')].join('\n'))).toThrow(/line 2: Churn/);
  });
});

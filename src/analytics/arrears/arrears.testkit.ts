import { BillHistory, type BillFact } from './bill-history.js';

/** A bill issued on `issue`, due 15 days later, settled `late` days after the due date (null = never). */
export function bill(id: string, issue: number, late: number | null, amount = 100, returned: number[] = []): BillFact {
  const dueDay = issue + 15;
  return { billId: id, issueDay: issue, dueDay, amount, kwh: amount * 1.5, settledDay: late === null ? null : dueDay + late, returnedDays: returned };
}

export function history(bills: BillFact[], id = 'C1', openDay = 0, depositCny = 0): BillHistory {
  return new BillHistory({ customerId: id, customerType: 'residential', openDay, depositCny, prepaid: false }, bills);
}

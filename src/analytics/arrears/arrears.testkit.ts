import { BillBook, type BillFact } from './bill-book.js';

/** A bill issued on `issue`, due 15 days later, settled `late` days after the due date (null = never). */
export function bill(issue: number, late: number | null, amount = 100, returned: number[] = []): BillFact {
  const dueDay = issue + 15;
  return { issueDay: issue, dueDay, amount, kwh: amount * 1.5, settledDay: late === null ? null : dueDay + late, returnedDays: returned };
}

/** A book of one customer. */
export function history(bills: BillFact[], id = 'C1', openDay = 0, depositCny = 0): BillBook {
  return BillBook.fromCustomers([{ facts: { customerId: id, openDay, depositCny }, bills }]);
}

import { z } from 'zod';

export const Bill = z.object({
  billId: z.string().min(1),
  accountId: z.string().min(1),
  customerId: z.string().min(1),
  tariffId: z.string().min(1),
  periodStart: z.iso.date(),
  /** Exclusive end date of the billing period. */
  periodEnd: z.iso.date(),
  kwhTotal: z.number().nonnegative(),
  amount: z.number(),
  currency: z.string().length(3),
  issueDate: z.iso.date(),
  dueDate: z.iso.date(),
});
export type Bill = z.infer<typeof Bill>;

/** One printed line of a bill, explained in both languages. */
export const BillLine = z.object({
  billId: z.string().min(1),
  lineNo: z.number().int().positive(),
  code: z.string().min(1),
  quantity: z.number(),
  unit: z.string(),
  rate: z.number(),
  amount: z.number(),
  explanationZh: z.string(),
  explanationEn: z.string(),
});
export type BillLine = z.infer<typeof BillLine>;

export const PaymentChannel = z.enum(['bank_debit', 'wechat', 'alipay', 'app', 'counter', 'prepaid']);
export const PaymentStatus = z.enum(['settled', 'returned']);

export const Payment = z.object({
  paymentId: z.string().min(1),
  billId: z.string().min(1),
  accountId: z.string().min(1),
  customerId: z.string().min(1),
  paidAt: z.date(),
  amount: z.number().positive(),
  currency: z.string().length(3),
  channel: PaymentChannel,
  status: PaymentStatus,
});
export type Payment = z.infer<typeof Payment>;

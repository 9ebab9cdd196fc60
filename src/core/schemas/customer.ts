import { z } from 'zod';

export const customerTypes = ['residential', 'commercial', 'industrial', 'agricultural', 'public'] as const;
export const CustomerType = z.enum(customerTypes);
export type CustomerType = z.infer<typeof CustomerType>;

export const voltageLevels = ['220V', '380V', '10kV', '35kV', '110kV'] as const;
export const VoltageLevel = z.enum(voltageLevels);

export const CustomerStatus = z.enum(['active', 'suspended', 'closed']);

const isoDate = z.iso.date();

/** A customer (用电客户): the party that contracts supply at one premises. */
export const Customer = z.object({
  customerId: z.string().min(1),
  name: z.string().min(1),
  customerType: CustomerType,
  /** GB/T 4754 industry code; residential customers use the pseudo-code "RES". */
  industryCode: z.string().min(1),
  region: z.string().min(1),
  district: z.string().min(1),
  address: z.string().min(1),
  phone: z.string().regex(/^1[3-9]\d{9}$/, 'mainland mobile number, 11 digits'),
  idNumber: z.string().min(1),
  voltageLevel: VoltageLevel,
  contractCapacityKva: z.number().positive(),
  tariffId: z.string().min(1),
  /** Transformer area (台区) the premises is supplied from. */
  areaId: z.string().min(1),
  feederId: z.string().min(1),
  openDate: isoDate,
  status: CustomerStatus,
  marketingConsent: z.boolean(),
  timeZone: z.string().default('Asia/Shanghai'),
});
export type Customer = z.infer<typeof Customer>;

export const PaymentMethod = z.enum(['bank_debit', 'wechat', 'alipay', 'app', 'counter', 'prepaid']);

/** A billing account; one customer may hold several. */
export const Account = z.object({
  accountId: z.string().min(1),
  customerId: z.string().min(1),
  paymentMethod: PaymentMethod,
  prepaid: z.boolean(),
  depositCny: z.number().nonnegative(),
  currency: z.string().length(3).default('CNY'),
  openDate: isoDate,
});
export type Account = z.infer<typeof Account>;

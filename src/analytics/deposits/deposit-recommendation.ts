import type { GradePolicy, LocalizedText } from '../credit/index.js';
import type { ListEffects, ListKind } from '../risk-lists/index.js';

export interface DepositInput {
  readonly grade: string;
  readonly gradePolicy: GradePolicy;
  /** Average monthly bill over the last 12 months (CNY). */
  readonly averageBillCny: number;
  /** Deposit already held on the account (CNY). */
  readonly heldCny: number;
  /** Current list membership, black first. */
  readonly lists: readonly { kind: ListKind; effects: ListEffects }[];
  /** Expected next-bill exposure beyond the average bill, e.g. money overdue (CNY). */
  readonly outstandingCny: number;
}

export interface DepositRecommendation {
  readonly months: number;
  readonly depositCny: number;
  readonly prepaymentRequired: boolean;
  /** Recommended minus held: positive = ask for more, negative = refund possible. */
  readonly topUpCny: number;
  readonly explanation: LocalizedText;
}

/**
 * Recommended security deposit (保证金) or prepayment (预付费): the grade's months of average bill;
 * a black list raises months and requires prepayment; a red list waives the deposit. Overdue money
 * is added for customers who must prepay, since prepayment does not cover existing arrears.
 */
export function recommendDeposit(input: DepositInput): DepositRecommendation {
  const black = input.lists.find((l) => l.kind === 'black');
  const red = input.lists.find((l) => l.kind === 'red');
  let months = input.gradePolicy.depositMonths;
  let prepay = input.gradePolicy.prepaymentRequired;
  const why: { zh: string[]; en: string[] } = { zh: [`信用等级 ${input.grade}：${months} 个月`], en: [`grade ${input.grade}: ${months} months`] };
  if (black) {
    months = Math.max(months, black.effects.depositMonths);
    prepay ||= black.effects.prepaymentRequired;
    why.zh.push(`黑名单：${black.effects.depositMonths} 个月${black.effects.prepaymentRequired ? '，须预付费' : ''}`);
    why.en.push(`black list: ${black.effects.depositMonths} months${black.effects.prepaymentRequired ? ', prepayment required' : ''}`);
  } else if (red) {
    months = Math.min(months, red.effects.depositMonths);
    why.zh.push('红名单：免收保证金');
    why.en.push('red list: deposit waived');
  }
  const bill = Math.max(0, input.averageBillCny);
  const arrears = prepay ? Math.max(0, input.outstandingCny) : 0;
  const depositCny = round2(months * bill + arrears);
  if (arrears > 0) {
    why.zh.push(`另加欠费 ${arrears.toFixed(2)} 元`);
    why.en.push(`plus arrears of CNY ${arrears.toFixed(2)}`);
  }
  const text: LocalizedText = {
    'zh-CN': `建议保证金 ${depositCny.toFixed(2)} 元（月均电费 ${bill.toFixed(2)} 元；${why.zh.join('；')}）`,
    en: `recommended deposit CNY ${depositCny.toFixed(2)} (average bill CNY ${bill.toFixed(2)}; ${why.en.join('; ')})`,
  };
  return { months, depositCny, prepaymentRequired: prepay, topUpCny: round2(depositCny - input.heldCny), explanation: text };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

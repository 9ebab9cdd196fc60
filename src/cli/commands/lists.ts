import { Command, InvalidArgumentError } from 'commander';
import { listsRemove, listsSet, listsShow, type ListEntry, type ListsShowResult } from '../../jobs/lists.js';
import { dateOption, integerOption, runCommand, withCommonOptions, type CommonFlags } from '../common.js';
import type { Output } from '../output.js';

type Kind = 'red' | 'black';

interface ShowFlags extends CommonFlags {
  readonly kind?: Kind;
  readonly customer?: string;
  readonly limit: number;
}

interface ChangeFlags extends CommonFlags {
  readonly kind: Kind;
  readonly reason: string;
  readonly expires?: string;
  readonly by?: string;
}

function kindOption(value: string): Kind {
  if (value !== 'red' && value !== 'black') throw new InvalidArgumentError(`expected red or black, got "${value}"`);
  return value;
}

/** `gridlens lists show|set|remove`: red and black lists with manual overrides, every change audited. */
export function listsCommand(): Command {
  const lists = new Command('lists').description('red and black lists (红黑名单): rule entries from credit runs, manual overrides, audit trail');
  withCommonOptions(lists.command('show').description('current list entries and recent changes'))
    .option('--kind <kind>', 'red or black (default both)', kindOption)
    .option('--customer <customerId>', 'one customer')
    .option('--limit <n>', 'entries to show (default 1000)', integerOption(1, 10_000_000), 1000)
    .action((flags: ShowFlags) => runCommand(flags, async ({ config, out }) => {
      const result = await listsShow(config, { kind: flags.kind, customerId: flags.customer, limit: flags.limit });
      out.result(result, () => showLines(result, out));
    }));
  const change = (name: 'set' | 'remove', description: string) =>
    withCommonOptions(lists.command(name).description(description))
      .argument('<customerId>', 'the customer')
      .requiredOption('--kind <kind>', 'red or black', kindOption)
      .requiredOption('--reason <text>', 'why (kept in the audit trail)')
      .option('--expires <date>', name === 'set' ? 'last day of the entry (default: until removed)' : 'end of the exemption from the list rules (default: indefinite)', dateOption)
      .option('--by <name>', 'who makes the change (default: the operating-system user)');
  change('set', 'put a customer on a list by hand (rules do not change manual entries)')
    .action((customerId: string, flags: ChangeFlags) => runCommand(flags, async ({ config, out }) => {
      const result = await listsSet(config, { customerId, kind: flags.kind, reason: flags.reason, expires: flags.expires, by: flags.by });
      out.result(result, () => [out.t('lists.set', { customer: customerId, kind: kindName(flags.kind, out), reason: flags.reason })]);
    }));
  change('remove', 'take a customer off a list; a rule entry becomes an exemption so the rule does not re-add it')
    .action((customerId: string, flags: ChangeFlags) => runCommand(flags, async ({ config, out }) => {
      const result = await listsRemove(config, { customerId, kind: flags.kind, reason: flags.reason, expires: flags.expires, by: flags.by });
      out.result(result, () => {
        const lines = [out.t('lists.removed', { customer: customerId, kind: kindName(flags.kind, out), reason: flags.reason })];
        if (result.exemption) lines.push(out.t('lists.exempted', { customer: customerId, rule: result.removed.ruleId ?? '', kind: kindName(flags.kind, out), until: result.exemption.expires ?? out.t('lists.never') }));
        return lines;
      });
    }));
  return lists;
}

function kindName(kind: Kind, out: Output): string {
  if (out.options.lang === 'zh-CN') return kind === 'red' ? '红' : '黑';
  return kind;
}

function entryLine(e: ListEntry, out: Output): string {
  return `  ${out.t('lists.line', { kind: kindName(e.kind, out), customer: e.customerId, source: e.source, rule: e.ruleId ? ` ${e.ruleId}` : '', reason: e.reason, expires: e.expires ?? out.t('lists.never'), by: e.setBy })}`;
}

function showLines(r: ListsShowResult, out: Output): string[] {
  return [
    out.t('lists.header', { red: r.counts.red, black: r.counts.black, exempt: r.counts.exempt, shown: r.entries.length }),
    ...r.entries.map((e) => entryLine(e, out)),
    out.t('lists.changes'),
    ...r.recentChanges.map((c) => `  ${c.changedAt} ${c.customerId} ${c.kind} ${c.action} ${c.reason} (${c.changedBy})`),
  ];
}

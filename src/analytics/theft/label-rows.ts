import { groupBy } from './group-by.js';
import type { InspectionLabel } from './theft-options.js';
import type { UsagePanel } from './usage-panel.js';

/**
 * Inspection labels as 0/1 per meter position of the panel. A label with a meter id applies to that
 * meter; one without applies to every meter of the customer. Labels for customers or meters the
 * panel does not hold are ignored; a later label overrides an earlier one.
 */
export function labelRows(panel: UsagePanel, labels: readonly InspectionLabel[]): Map<number, 0 | 1> {
  const rows = new Map<number, 0 | 1>();
  if (labels.length === 0) return rows;
  const byCustomer = groupBy(panel.meters.map((_, i) => i), (i) => panel.meters[i].customerId);
  for (const label of labels) {
    const y = label.outcome === 'confirmed' ? 1 : 0;
    const meters = byCustomer.get(label.customerId) ?? [];
    for (const m of meters) if (label.meterId === undefined || panel.meters[m].meterId === label.meterId) rows.set(m, y);
  }
  return rows;
}

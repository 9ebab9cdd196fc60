import { groupBy } from './group-by.js';
import { median } from './series-stats.js';
import type { UsagePanel } from './usage-panel.js';

/**
 * Peers of each meter: customers of the same type in the same transformer area when the area has
 * at least `minMembers` of them, otherwise customers of the type utility-wide. The group's daily
 * index (median of members' usage over their own median) carries weather, season and holidays, so
 * that dividing by it leaves what is particular to the customer.
 */
export class PeerGroups {
  /** Group key per meter. */
  readonly keys: readonly string[];
  /** Members (meter positions) per group key. */
  readonly members: ReadonlyMap<string, readonly number[]>;
  /** Median daily kWh of each meter over the panel. */
  readonly baseline: Float64Array;
  private readonly indexByKey = new Map<string, Float64Array>();

  constructor(private readonly panel: UsagePanel, minMembers: number) {
    this.baseline = Float64Array.from({ length: panel.nMeters }, (_, m) => median(panel.series(m, 'kwh')));
    this.keys = groupKeys(panel, minMembers);
    this.members = groupBy(this.keys.map((_, m) => m), (m) => this.keys[m]);
  }

  /** The daily index of a meter's group (1 = the group's usual level). */
  index(meter: number): Float64Array {
    const key = this.keys[meter];
    let index = this.indexByKey.get(key);
    if (!index) {
      index = this.computeIndex(this.members.get(key) ?? []);
      this.indexByKey.set(key, index);
    }
    return index;
  }

  /** Usage over own median and over the peer index: about 1 for a customer behaving like its peers. */
  relative(meter: number): Float64Array {
    const kwh = this.panel.series(meter, 'kwh');
    const index = this.index(meter);
    const base = this.baseline[meter];
    const out = new Float64Array(kwh.length);
    for (let d = 0; d < kwh.length; d++) out[d] = base > 0 && index[d] > 0 ? kwh[d] / base / index[d] : Number.NaN;
    return out;
  }

  private computeIndex(members: readonly number[]): Float64Array {
    const nDays = this.panel.nDays;
    const index = new Float64Array(nDays);
    const values = new Float64Array(members.length);
    const columns = members.map((m) => this.panel.series(m, 'kwh'));
    for (let d = 0; d < nDays; d++) {
      for (let i = 0; i < members.length; i++) {
        const base = this.baseline[members[i]];
        values[i] = base > 0 ? columns[i][d] / base : Number.NaN;
      }
      index[d] = median(values);
    }
    return index;
  }
}

function groupKeys(panel: UsagePanel, minMembers: number): string[] {
  const counts = new Map<string, number>();
  const local = panel.meters.map((m) => `${m.customerType}@${m.areaId}`);
  for (const key of local) counts.set(key, (counts.get(key) ?? 0) + 1);
  return panel.meters.map((m, i) => ((counts.get(local[i]) ?? 0) >= minMembers ? local[i] : `${m.customerType}@*`));
}

import { ValidationError } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { analyseAreaLoss, isoDay, type AreaLossSummary } from './area-loss-analysis.js';
import { crossFit, type CrossFitted } from './cross-fitting.js';
import { defaultRuleSet } from './default-rules.js';
import { createTheftDetector } from './detector-registry.js';
import { yieldToEventLoop } from './event-loop.js';
import { tamperByMeter, type MeterTamper } from './event-features.js';
import type { FeatureTable } from './feature-table.js';
import type { InspectionEntry } from './inspection-entry.js';
import { buildInspectionList } from './inspection-list.js';
import { labelRows } from './label-rows.js';
import { PeerGroups } from './peer-groups.js';
import { queryAreaDays, queryMeters, queryTamperEvents, type AreaDayRow } from './roster-queries.js';
import { RuleEngine, ruleScore } from './rule-engine.js';
import { SuspicionScaler } from './suspicion-scaler.js';
import { featureDirections, meterFeatures, theftFeatureNames, type MeterFeatures } from './theft-features.js';
import { parseTheftOptions, type TheftDetectionOptions, type TheftDetectionOptionsInput } from './theft-options.js';
import { buildUsagePanel, type UsagePanel } from './usage-panel.js';
import { queryMeterDayColumns, queryProfileColumns } from './usage-queries.js';

/** Facts about one detection run. */
export interface TheftRunStats {
  readonly meters: number;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly days: number;
  readonly areas: number;
  readonly flaggedAreas: number;
  readonly labelledMeters: number;
  readonly confirmedMeters: number;
  /** Whether the supervised detector ran (enough labels of both outcomes). */
  readonly supervised: boolean;
  readonly unsupervisedDetector: string;
  readonly ruleSet: string;
  readonly ruleHits: Readonly<Record<string, number>>;
  readonly timings: Readonly<Record<string, number>>;
}

export interface TheftDetectionResult {
  readonly inspections: InspectionEntry[];
  readonly areas: AreaLossSummary[];
  readonly stats: TheftRunStats;
}

const SUSPECTS_PER_AREA = 5;

/** What detection reads from the store for one run (or one batch of transformer areas). */
export interface TheftInputs {
  readonly panel: UsagePanel;
  readonly tamper: ReadonlyMap<number, MeterTamper>;
  readonly areaDays: readonly AreaDayRow[];
  /** Milliseconds spent in each query. */
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * Theft and line-loss detection over the store: daily features pushed down as SQL, rules, an
 * unsupervised detector, a supervised one when inspection labels exist, transformer-area line loss
 * with group identification, and one ranked inspection list with evidence.
 */
export async function runTheftDetection(warehouse: Warehouse, input: TheftDetectionOptionsInput = {}): Promise<TheftDetectionResult> {
  const o = parseTheftOptions(input);
  const inputs = await loadTheftInputs(warehouse, o);
  if (!inputs) throw new ValidationError('no readings to analyse');
  return detectTheft(inputs, o);
}

/** Reads the usage panel, tamper events and area-meter days of the options' areas; null when they have no readings. */
export async function loadTheftInputs(warehouse: Warehouse, o: TheftDetectionOptions): Promise<TheftInputs | null> {
  const timings: Record<string, number> = {};
  const panel = await timed(timings, 'query-usage', () => loadPanel(warehouse, o));
  if (!panel) return null;
  const tamper = tamperByMeter(await timed(timings, 'query-events', () => queryTamperEvents(warehouse, o)));
  const areaDays = await timed(timings, 'query-areas', () => queryAreaDays(warehouse, o));
  return { panel, tamper, areaDays, timings };
}

/** Detection on inputs already read (see {@link runTheftDetection}). */
export async function detectTheft(inputs: TheftInputs, o: TheftDetectionOptions): Promise<TheftDetectionResult> {
  const { panel, tamper, areaDays } = inputs;
  const engine = new RuleEngine(o.rules ?? defaultRuleSet, theftFeatureNames);
  const timings: Record<string, number> = { ...inputs.timings };
  const time = <T>(step: string, work: () => T | Promise<T>): Promise<T> => timed(timings, step, work);
  const peers = await time('peers', () => new PeerGroups(panel, o.peerMinMembers));
  const features = await time('features', () => meterFeatures(panel, peers, tamper, o));
  const loss = await time('line-loss', () => analyseAreaLoss(panel, peers, areaDays, { ...o, suspectsPerArea: SUSPECTS_PER_AREA }));
  fillLossFeatures(features, loss.byMeter);
  const hits = await time('rules', () => Array.from({ length: panel.nMeters }, (_, m) => engine.evaluate(features.table.record(m))));
  const data = features.table.toDataset();
  const unsupervised = await time('unsupervised', () => createTheftDetector(o.unsupervised, { seed: o.seed }).fit(data).predict(data));
  const ruleScores = Float64Array.from(hits, ruleScore);
  const labels = labelRows(panel, o.labels);
  const stacked = features.table.withColumns({ rule_score: ruleScores, unsupervised_score: unsupervised });
  const supervised = await time('supervised', () => supervisedScores(stacked, labels, panel, o));
  const suspicion = new SuspicionScaler(featureDirections).fit(data).transform(data);
  const inspections = await time('ranking', () => buildInspectionList(
    { panel, peers, features, loss, hits, ruleScores, unsupervised, supervised, suspicion }, o));
  const stats = statsOf(panel, o, loss.areas, labels, supervised !== null, hits, engine, timings);
  return { inspections, areas: loss.areas, stats };
}

/** Runs `work`, recording its milliseconds under `step`; then lets the event loop turn (see `yieldToEventLoop`). */
async function timed<T>(timings: Record<string, number>, step: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const out = await work();
  timings[step] = Math.round(performance.now() - started);
  await yieldToEventLoop();
  return out;
}

async function loadPanel(warehouse: Warehouse, o: TheftDetectionOptions): Promise<UsagePanel | null> {
  const days = await queryMeterDayColumns(warehouse, o);
  if (days.rowCount === 0) return null;
  const meters = await queryMeters(warehouse, o);
  const profiles = await queryProfileColumns(warehouse, o, o.blockDays);
  return buildUsagePanel(meters, days, profiles, o.blockDays, o.minDayCoverage);
}

function fillLossFeatures(features: MeterFeatures, byMeter: ReturnType<typeof analyseAreaLoss>['byMeter']): void {
  for (const [m, link] of byMeter) {
    features.table.set(m, 'loss_corr', -link.suspect.correlation);
    features.table.set(m, 'loss_step_match', link.suspect.stepMatch);
    features.table.set(m, 'area_loss_rise', link.areaRise);
  }
}

/** Cross-fitted GBDT on the features, the rule score and the unsupervised score; null without enough labels of each outcome. */
function supervisedScores(table: FeatureTable, labels: ReadonlyMap<number, 0 | 1>, panel: UsagePanel, o: TheftDetectionOptions): CrossFitted | null {
  const positives = [...labels.values()].filter((y) => y === 1).length;
  if (positives < o.minLabels || labels.size - positives < o.minLabels) return null;
  return crossFit(table, labels, (m) => panel.meters[m].customerId, { folds: o.folds, seed: o.seed });
}

function statsOf(
  panel: UsagePanel, o: TheftDetectionOptions, areas: readonly AreaLossSummary[], labels: ReadonlyMap<number, 0 | 1>, supervised: boolean,
  hits: readonly (readonly { ruleId: string }[])[], engine: RuleEngine, timings: Record<string, number>,
): TheftRunStats {
  const ruleHits: Record<string, number> = {};
  for (const list of hits) for (const h of list) ruleHits[h.ruleId] = (ruleHits[h.ruleId] ?? 0) + 1;
  return {
    meters: panel.nMeters,
    firstDay: isoDay(panel.shape.firstDay),
    lastDay: isoDay(panel.shape.firstDay + panel.nDays - 1),
    days: panel.nDays,
    areas: areas.length,
    flaggedAreas: areas.filter((a) => a.flagged).length,
    labelledMeters: labels.size,
    confirmedMeters: [...labels.values()].filter((y) => y === 1).length,
    supervised,
    unsupervisedDetector: o.unsupervised,
    ruleSet: `${engine.ruleSet.name}@${engine.ruleSet.version}`,
    ruleHits,
    timings,
  };
}

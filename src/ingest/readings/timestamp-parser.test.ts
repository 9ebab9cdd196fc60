import { describe, expect, it } from 'vitest';
import { daysFromCivil, detectTimeFormat, parseTime, type ParsedTime, type TimeFormat } from './timestamp-parser.js';

const parse = (text: string, format: TimeFormat = 'ymd') => parseTime(text, format, { ms: 0, absolute: false } as ParsedTime);
const naive = (iso: string) => Date.parse(`${iso}Z`);

describe('parseTime', () => {
  it('reads year-first wall-clock times with any common separators', () => {
    expect(parse('2025-09-26 00:15:00').ms).toBe(naive('2025-09-26T00:15:00'));
    expect(parse('2025/9/26 0:15').ms).toBe(naive('2025-09-26T00:15:00'));
    expect(parse('2025-09-26T00:15').ms).toBe(naive('2025-09-26T00:15:00'));
    expect(parse('20250926 0015').ms).toBe(naive('2025-09-26T00:15:00'));
    expect(parse('2025年09月26日 00时15分').ms).toBe(naive('2025-09-26T00:15:00'));
    expect(parse('2025-09-26').ms).toBe(naive('2025-09-26T00:00:00'));
  });

  it('reads day-first and month-first when declared', () => {
    expect(parse('31-12-2002 01:00', 'dmy').ms).toBe(naive('2002-12-31T01:00:00'));
    expect(parse('12/31/2002 01:00', 'mdy').ms).toBe(naive('2002-12-31T01:00:00'));
    expect(parse('31-12-2002 01:00', 'ymd').ms).toBeNaN();
  });

  it('takes 24:00 as the end of the day and rejects impossible dates', () => {
    expect(parse('2025-01-01 24:00').ms).toBe(naive('2025-01-02T00:00:00'));
    expect(parse('2025-02-29 00:00').ms).toBeNaN();
    expect(parse('2025-01-01 24:15').ms).toBeNaN();
    expect(parse('garbage').ms).toBeNaN();
    expect(parse('').ms).toBeNaN();
  });

  it('honours an explicit zone and epochs as instants', () => {
    expect(parse('2025-09-26T08:00:00+08:00')).toEqual({ ms: Date.parse('2025-09-26T00:00:00Z'), absolute: true });
    expect(parse('2025-09-26T00:00:00Z')).toEqual({ ms: Date.parse('2025-09-26T00:00:00Z'), absolute: true });
    expect(parse('1758844800', 'epoch-s')).toEqual({ ms: 1758844800000, absolute: true });
  });

  it('detects year-first and epoch formats but not an ambiguous day order', () => {
    expect(detectTimeFormat('2025-09-26 00:00:00')).toBe('ymd');
    expect(detectTimeFormat('1758844800')).toBe('epoch-s');
    expect(detectTimeFormat('1758844800000')).toBe('epoch-ms');
    expect(detectTimeFormat('31-12-2002 01:00')).toBeUndefined();
  });

  it('counts days like Date.UTC', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2024-12-31', '1900-03-01']) expect(daysFromCivil(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8))).toBe(Date.parse(iso) / 86_400_000);
  });
});

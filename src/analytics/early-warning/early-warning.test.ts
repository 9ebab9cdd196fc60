import { describe, expect, it } from 'vitest';
import { parseWarningThresholds, severityOf } from './alert-rules.js';
import { raiseAlerts } from './early-warning.js';

describe('early warning', () => {
  const t = parseWarningThresholds();

  it('grades a value into red, orange, yellow or nothing', () => {
    expect(severityOf(70, t.arrearsDays)).toBe('red');
    expect(severityOf(30, t.arrearsDays)).toBe('orange');
    expect(severityOf(15, t.arrearsDays)).toBe('yellow');
    expect(severityOf(14, t.arrearsDays)).toBeNull();
    expect(severityOf(Number.NaN, t.arrearsDays)).toBeNull();
    expect(() => parseWarningThresholds({ creditDrop: { yellow: 50, orange: 40, red: 100 } })).toThrow(/creditDrop/);
  });

  it('raises customer, area and region alerts with bilingual messages', () => {
    const alerts = raiseAlerts(
      [
        { customerId: 'C1', regionId: 'R1', creditDrop: 120, daysPastDue: 40, theftScore: Number.NaN },
        { customerId: 'C2', regionId: 'R1', creditDrop: Number.NaN, daysPastDue: 0, theftScore: 0.5 },
      ],
      [{ areaId: 'A1', regionId: 'R1', recentRate: 0.09, recentDaysAbove: 2, flagged: true }],
      t,
    );
    const key = alerts.map((a) => `${a.level}:${a.subjectId}:${a.kind}:${a.severity}`);
    expect(key).toEqual([
      'customer:C1:creditDrop:red', 'customer:C1:arrearsDays:orange', 'area:A1:areaLossRate:orange',
      'region:R1:regionFlaggedShare:red', 'region:R1:regionArrearsShare:red',
    ]);
    expect(alerts[0].message['zh-CN']).toContain('红色预警');
    expect(alerts[0].threshold).toBe(100);
  });
});

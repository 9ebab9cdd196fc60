import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.js';

// Only the modules the dashboard draws with: keeps the bundle lean.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

/** One ECharts canvas, resized with its container; `title` is both the visible title and the accessible name. */
export function EChart({ title, option, height = 300, testId }: { title: string; option: EChartsCoreOption; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const { lang } = useI18n();
  useEffect(() => {
    if (!element.current) return undefined;
    // Axis dates and toolbox texts in the dashboard's language, not the browser's.
    const instance = echarts.init(element.current, undefined, { locale: lang === 'zh-CN' ? 'ZH' : 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lang]);
  useEffect(() => {
    chart.current?.setOption(
      { title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 500 } }, tooltip: { trigger: 'axis' }, grid: { left: 56, right: 24, top: 64, bottom: 56 }, ...option },
      { notMerge: true },
    );
  }, [option, title, lang]);
  return <div ref={element} role="img" aria-label={title} data-testid={testId} style={{ width: '100%', height }} />;
}

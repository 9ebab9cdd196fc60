import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the modules the dashboard draws with: keeps the bundle lean.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

/** One ECharts canvas, resized with its container; `title` is both the visible title and the accessible name. */
export function EChart({ title, option, height = 300, testId }: { title: string; option: EChartsCoreOption; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      { title: { text: title, left: 0, textStyle: { fontSize: 14, fontWeight: 500 } }, tooltip: { trigger: 'axis' }, grid: { left: 56, right: 24, top: 64, bottom: 56 }, ...option },
      { notMerge: true },
    );
  }, [option, title]);
  return <div ref={element} role="img" aria-label={title} data-testid={testId} style={{ width: '100%', height }} />;
}

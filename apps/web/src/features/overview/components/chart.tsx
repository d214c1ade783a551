'use client';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useThemeMode } from '@/lib/theme-mode';

// Only the chart types the overview draws, so the bundle carries a fraction of echarts.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Colours that read on both themes and match antd's status tags (success / warning / error / neutral). */
export const STATUS_COLOURS = {
  ok: '#52c41a',
  progressing: '#faad14',
  failed: '#ff4d4f',
  neutral: '#8c8c8c',
  primary: '#1677ff',
  secondary: '#13c2c2',
  tertiary: '#722ed1',
};

/** An echarts canvas in the console's theme; cluster text reaches it only as data labels (canvas text, never HTML). */
export function Chart({ option, height, label }: { option: EChartsCoreOption; height: number; label: string }) {
  const { mode } = useThemeMode();
  return (
    <div role="img" aria-label={label} data-testid="overview-chart">
      <ReactEChartsCore
        echarts={echarts}
        // richText tooltips are drawn on the canvas: no HTML is ever built from cluster-supplied names.
        option={{
          backgroundColor: 'transparent',
          textStyle: { fontFamily: 'inherit' },
          ...option,
          tooltip: { renderMode: 'richText', ...(option.tooltip as object) },
        }}
        theme={mode === 'dark' ? 'dark' : undefined}
        notMerge
        style={{ height, width: '100%' }}
      />
    </div>
  );
}

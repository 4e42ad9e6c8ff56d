// One ECharts chart. Only the chart types the dashboard uses are bundled,
// and only into the steering page's chunk. SVG rendering: crisp in print,
// and the chart's parts are elements the browser tests can find.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, GraphChart, HeatmapChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export default function Chart({
  option,
  label,
  height = 360,
  testId,
  onClick,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  testId?: string;
  onClick?: (p: { dataType?: string; data?: unknown }) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  // An option waits until the element has a size (hidden, or not yet laid
  // out): a layout at 0×0 is wasted and, for the force graph, degenerate.
  const pending = useRef<EChartsCoreOption | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as { dataType?: string; data?: unknown }));
    const ro = new ResizeObserver(() => {
      if (!hasSize(node)) return;
      const next = pending.current;
      pending.current = null;
      if (next) apply(c, next);
      else safely(c, () => c.resize());
    });
    ro.observe(node);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c || !el.current) return;
    if (hasSize(el.current)) apply(c, option);
    else pending.current = option;
  }, [option]);

  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}

function hasSize(node: HTMLElement): boolean {
  return node.isConnected && node.clientWidth > 0 && node.clientHeight > 0;
}

function apply(c: echarts.ECharts, option: EChartsCoreOption) {
  // aria: ECharts writes a description of the data for screen readers; the
  // tables beside each chart are the full alternative.
  const full = { aria: { enabled: true }, animation: false, ...option };
  safely(c, () => {
    c.resize();
    c.setOption(full, true);
  });
}

// ECharts 6 sometimes lays a force graph out in a view with a singular
// transform while the page reflows, and throws (seen about once in 15 runs
// on one core, never reproduced on purpose). Once more on the next frame; a
// second failure is a real defect and surfaces as an error.
function safely(c: echarts.ECharts, draw: () => void) {
  try {
    draw();
  } catch (e) {
    console.warn('chart drawn again after a layout error', e);
    requestAnimationFrame(() => {
      if (!c.isDisposed()) draw();
    });
  }
}

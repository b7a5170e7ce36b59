import * as echarts from 'echarts';
import type { ChartType } from './preview.schema.ts';

/**
 * A chart drawn on the server as SVG with ECharts' server-side renderer: no animation,
 * fixed size, so the same data gives the same bytes. The SVG is made fit for a page
 * with a strict CSP (no `style` attributes or `<style>` element: presentation
 * attributes instead) and carries its title for assistive technology and for the
 * exported file.
 */

/** Bars, lines, areas and pie slices: one value per category for each series. */
export interface CategoryChartData {
  kind: 'categories';
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** A scatter plot's points. */
export interface PointChartData {
  kind: 'points';
  points: [number, number][];
}

export type ChartData = CategoryChartData | PointChartData;

export interface ChartDrawing {
  type: ChartType;
  title: string;
  xLabel: string;
  yLabel: string;
  data: ChartData;
}

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;

/** Series colours with at least 3:1 contrast on white (WCAG 1.4.11). */
export const CHART_COLOURS = [
  '#1f5fa8',
  '#b5402a',
  '#2e7d32',
  '#6a3d9a',
  '#8a5a00',
  '#00707a',
  '#a3195b',
  '#4d4d4d',
] as const;

const TEXT = '#1a1a1a';
const AXIS = '#555555';
const GRID = '#d9d9d9';

function axisName(name: string) {
  return { name, nameLocation: 'middle' as const, nameTextStyle: { color: TEXT, fontSize: 13 } };
}

function categoryOption(drawing: ChartDrawing, data: CategoryChartData): echarts.EChartsOption {
  const many = data.categories.length > 8;
  const series = data.series.map((s) => ({
    name: s.name,
    type: drawing.type === 'bar' ? ('bar' as const) : ('line' as const),
    data: s.values,
    ...(drawing.type === 'area' ? { areaStyle: { opacity: 0.25 } } : {}),
    ...(drawing.type === 'bar' ? {} : { symbolSize: 6, connectNulls: false }),
  }));
  return {
    legend: data.series.length > 1 ? { top: 34, textStyle: { color: TEXT } } : { show: false },
    grid: { left: 90, right: 30, top: data.series.length > 1 ? 70 : 50, bottom: many ? 120 : 70 },
    xAxis: {
      type: 'category',
      data: data.categories,
      ...axisName(drawing.xLabel),
      nameGap: many ? 95 : 40,
      axisLabel: { color: TEXT, interval: 0, rotate: many ? 45 : 0 },
      axisLine: { lineStyle: { color: AXIS } },
    },
    yAxis: {
      type: 'value',
      ...axisName(drawing.yLabel),
      nameGap: 70,
      axisLabel: { color: TEXT },
      splitLine: { lineStyle: { color: GRID } },
    },
    series,
  };
}

function pieOption(drawing: ChartDrawing, data: CategoryChartData): echarts.EChartsOption {
  const values = data.series[0]?.values ?? [];
  return {
    series: [
      {
        type: 'pie',
        name: drawing.yLabel,
        radius: ['0%', '62%'],
        center: ['50%', '55%'],
        label: { color: TEXT, formatter: '{b}: {c}' },
        data: data.categories.map((name, i) => ({ name, value: values[i] ?? 0 })),
      },
    ],
  };
}

function scatterOption(drawing: ChartDrawing, data: PointChartData): echarts.EChartsOption {
  const axis = (label: string, gap: number) => ({
    type: 'value' as const,
    scale: true,
    ...axisName(label),
    nameGap: gap,
    axisLabel: { color: TEXT },
    axisLine: { lineStyle: { color: AXIS } },
    splitLine: { lineStyle: { color: GRID } },
  });
  return {
    grid: { left: 90, right: 30, top: 50, bottom: 70 },
    xAxis: axis(drawing.xLabel, 40),
    yAxis: axis(drawing.yLabel, 70),
    series: [{ type: 'scatter', name: drawing.yLabel, symbolSize: 7, data: data.points }],
  };
}

function optionOf(drawing: ChartDrawing): echarts.EChartsOption {
  const base: echarts.EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    color: [...CHART_COLOURS],
    textStyle: { fontFamily: 'sans-serif', color: TEXT },
    title: { text: drawing.title, left: 'center', top: 8, textStyle: { color: TEXT, fontSize: 16 } },
  };
  const { data } = drawing;
  if (data.kind === 'points') return { ...base, ...scatterOption(drawing, data) };
  return { ...base, ...(drawing.type === 'pie' ? pieOption(drawing, data) : categoryOption(drawing, data)) };
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `style="font-size:12px;font-weight:bold;"` → `font-size="12px" font-weight="bold"`. */
function styleToAttributes(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration.includes(':'))
    .map((declaration) => {
      const at = declaration.indexOf(':');
      const name = declaration.slice(0, at).trim();
      const value = declaration.slice(at + 1).trim();
      return /^[a-z-]+$/.test(name) ? `${name}="${value.replaceAll('"', '&quot;')}"` : '';
    })
    .filter((attribute) => attribute !== '')
    .join(' ');
}

/**
 * ECharts' SVG made deterministic and CSP-clean: its instance-numbered ids become fixed
 * ones, hover styles (the `<style>` element and its classes) and its private `ecmeta_`
 * attributes go, `style` attributes become presentation attributes; the title goes in.
 */
export function cleanChartSvg(svg: string, title: string): string {
  return svg
    .replace(/<style\b[\s\S]*?<\/style>/g, '')
    .replace(/ class="[^"]*"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\bzr\d+-/g, 'odp-chart-')
    .replace(/ style="([^"]*)"/g, (_match, style: string) => {
      const attributes = styleToAttributes(style);
      return attributes ? ` ${attributes}` : '';
    })
    .replace(
      /^<svg\b([^>]*)>/,
      (_match, attributes: string) =>
        `<svg${attributes} role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`,
    )
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The chart as a standalone SVG document's root element. */
export function renderChartSvg(drawing: ChartDrawing): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(optionOf(drawing));
    return cleanChartSvg(chart.renderToSVGString(), drawing.title);
  } finally {
    chart.dispose();
  }
}

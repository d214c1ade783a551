import type { ClusterOverview, PodPhases, WorkloadHealth } from '@wheelhouse/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { formatBytes, formatCpu, percent } from '../format';
import { STATUS_COLOURS } from './chart';

type Labels = Record<string, string>;
export type Resource = 'cpu' | 'memory';
const fmt = (r: Resource) => (r === 'cpu' ? formatCpu : formatBytes);

/** Pods by phase as a donut; zero slices left out so the legend names only what exists. */
export function podsOption(p: PodPhases, l: Labels): EChartsCoreOption {
  const slices = [
    { name: l.running, value: p.running, itemStyle: { color: STATUS_COLOURS.ok } },
    { name: l.pending, value: p.pending, itemStyle: { color: STATUS_COLOURS.progressing } },
    { name: l.failed, value: p.failed, itemStyle: { color: STATUS_COLOURS.failed } },
    { name: l.succeeded, value: p.succeeded, itemStyle: { color: STATUS_COLOURS.neutral } },
    { name: l.unknown, value: p.unknown, itemStyle: { color: STATUS_COLOURS.tertiary } },
  ].filter((s) => s.value > 0);
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      { type: 'pie', radius: ['45%', '70%'], avoidLabelOverlap: true, label: { formatter: '{c}' }, data: slices },
    ],
  };
}

/** Workload kinds as stacked bars of ok / progressing / failed. */
export function workloadsOption(w: WorkloadHealth[], l: Labels): EChartsCoreOption {
  const bar = (key: 'ok' | 'progressing' | 'failed', colour: string) => ({
    name: l[key],
    type: 'bar',
    stack: 'all',
    itemStyle: { color: colour },
    data: w.map((x) => x[key]),
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: w.map((x) => x.kind) },
    series: [
      bar('ok', STATUS_COLOURS.ok),
      bar('progressing', STATUS_COLOURS.progressing),
      bar('failed', STATUS_COLOURS.failed),
    ],
  };
}

/** Per node: requests, limits and usage as a share of allocatable (the scheduler's and the kubelet's view side by side). */
export function nodesOption(
  nodes: NonNullable<ClusterOverview['nodes']>['items'],
  r: Resource,
  l: Labels,
): EChartsCoreOption {
  const share = (k: 'requests' | 'limits' | 'usage') => nodes.map((n) => percent(n[r][k] ?? 0, n[r].allocatable));
  const withUsage = nodes.some((n) => n[r].usage !== null);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: nodes.map((n) => n.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      { name: l.requests, type: 'bar', data: share('requests'), itemStyle: { color: STATUS_COLOURS.primary } },
      { name: l.limits, type: 'bar', data: share('limits'), itemStyle: { color: STATUS_COLOURS.tertiary } },
      ...(withUsage
        ? [{ name: l.usage, type: 'bar', data: share('usage'), itemStyle: { color: STATUS_COLOURS.secondary } }]
        : []),
    ],
  };
}

/** The namespaces asking for most: requests and limits next to what they use, in cores or bytes. */
export function namespacesOption(
  ns: NonNullable<ClusterOverview['namespaces']>,
  r: Resource,
  l: Labels,
): EChartsCoreOption {
  const withUsage = ns.some((n) => n[r].usage !== null);
  const f = fmt(r);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => f(v) },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f(v) } },
    yAxis: { type: 'category', data: ns.map((n) => n.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        name: l.requests,
        type: 'bar',
        data: ns.map((n) => n[r].requests),
        itemStyle: { color: STATUS_COLOURS.primary },
      },
      { name: l.limits, type: 'bar', data: ns.map((n) => n[r].limits), itemStyle: { color: STATUS_COLOURS.tertiary } },
      ...(withUsage
        ? [
            {
              name: l.usage,
              type: 'bar',
              data: ns.map((n) => n[r].usage ?? 0),
              itemStyle: { color: STATUS_COLOURS.secondary },
            },
          ]
        : []),
    ],
  };
}

/** Rows of a horizontal bar chart need room: 28 px a row plus the legend. */
export const barsHeight = (rows: number) => Math.max(160, rows * 28 + 64);

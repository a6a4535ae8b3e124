// Medians, ratios, budgets and the Markdown for the app benchmark.
import type { RunResult } from './measure.ts';

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export interface Metric {
  key: string;
  label: string;
  unit: 's' | 'ms' | 'MB' | 'count';
  /** Measured on the naive page too. */
  both: boolean;
  /** Lower is better (false: a count, reported but not judged). */
  lowerIsBetter: boolean;
  get(run: RunResult): number | undefined;
}

export const METRICS: Metric[] = [
  { key: 'firstPaint', label: 'first painted map, from navigation (ours: the still picture)', unit: 's', both: true, lowerIsBetter: true, get: (r) => r.firstPaintMs },
  { key: 'livePaint', label: 'live map drawn (Cytoscape\'s first frame), from navigation', unit: 's', both: true, lowerIsBetter: true, get: (r) => r.livePaintMs },
  { key: 'answersInput', label: 'map answers input (a wheel zoom drawn), from navigation', unit: 's', both: true, lowerIsBetter: true, get: (r) => r.answersInputMs },
  { key: 'inputDelay', label: 'that wheel event → its frame', unit: 'ms', both: true, lowerIsBetter: true, get: (r) => r.inputDelayMs },
  { key: 'panelClick', label: 'note panel after a click on a drawn note', unit: 'ms', both: false, lowerIsBetter: true, get: (r) => r.panelAfterClick?.ms },
  { key: 'panelClickDom', label: '… the title in the DOM (before that frame)', unit: 'ms', both: false, lowerIsBetter: true, get: (r) => r.panelAfterClick?.domMs },
  { key: 'panelDeepLink', label: 'note panel after a deep link (#/note/<id>, mid-degree note)', unit: 'ms', both: false, lowerIsBetter: true, get: (r) => r.panelAfterDeepLink?.ms },
  { key: 'searchFirst', label: 'search results, first query', unit: 'ms', both: false, lowerIsBetter: true, get: (r) => r.searchFirst?.ms },
  { key: 'searchAgain', label: 'search results, next query', unit: 'ms', both: false, lowerIsBetter: true, get: (r) => r.searchAgain?.ms },
  { key: 'frameMedian', label: 'pan/zoom: interval between map redraws, median', unit: 'ms', both: true, lowerIsBetter: true, get: (r) => r.gesture?.medianMs },
  { key: 'frameP95', label: 'pan/zoom: interval between map redraws, p95', unit: 'ms', both: true, lowerIsBetter: true, get: (r) => r.gesture?.p95Ms },
  { key: 'rafP95', label: 'pan/zoom: animation-frame gap, p95 (main thread, settling included)', unit: 'ms', both: true, lowerIsBetter: true, get: (r) => r.gesture?.rafGaps.p95Ms },
  { key: 'rafMax', label: 'pan/zoom: animation-frame gap, longest', unit: 'ms', both: true, lowerIsBetter: true, get: (r) => r.gesture?.rafGaps.maxMs },
  { key: 'heap', label: 'JS heap used after load', unit: 'MB', both: true, lowerIsBetter: true, get: (r) => r.heapUsedMB },
  { key: 'heapGc', label: 'JS heap used after load, after a forced GC', unit: 'MB', both: true, lowerIsBetter: true, get: (r) => r.heapUsedAfterGcMB },
  { key: 'longTasksToPaint', label: 'main-thread long tasks before the first paint', unit: 's', both: true, lowerIsBetter: true, get: (r) => r.longTaskMsToPaint },
  { key: 'nodesAtPaint', label: 'notes drawn at first paint', unit: 'count', both: true, lowerIsBetter: false, get: (r) => r.nodesDrawnAtPaint },
  { key: 'nodesZoomed', label: 'notes drawn when zoomed in (gesture)', unit: 'count', both: true, lowerIsBetter: false, get: (r) => r.gesture?.nodesDrawnZoomedIn },
];

export interface Budget {
  limit: number;
  unit: Metric['unit'];
  text: string;
}

/** Issue 4's budgets (headless Chromium, software rendering, this 2-core machine). Values in each metric's raw unit (ms, MB). */
export const BUDGETS: Record<number, Record<string, Budget>> = {
  25_000: {
    firstPaint: { limit: 3000, unit: 's', text: '< 3 s' },
    panelClick: { limit: 150, unit: 'ms', text: '< 150 ms' },
    frameMedian: { limit: 50, unit: 'ms', text: '< 50 ms' },
    searchFirst: { limit: 100, unit: 'ms', text: '< 100 ms' },
    searchAgain: { limit: 100, unit: 'ms', text: '< 100 ms' },
    heap: { limit: 400, unit: 'MB', text: '< 400 MB' },
  },
  1000: {
    firstPaint: { limit: 1000, unit: 's', text: '< 1 s' },
  },
};

export function summarise(values: (number | undefined)[]): Summary | undefined {
  const v = values.filter((x): x is number => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return { median: v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2, min: v[0]!, max: v[v.length - 1]!, n: v.length };
}

export const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function show(value: number, unit: Metric['unit']): string {
  switch (unit) {
    case 's':
      return (value / 1000).toFixed(value < 10_000 ? 2 : 1);
    case 'ms':
      return value < 10 ? value.toFixed(1) : value.toFixed(0);
    case 'MB':
      return value.toFixed(0);
    case 'count':
      return String(Math.round(value));
  }
}

function cell(summary: Summary | undefined, unit: Metric['unit']): string {
  if (!summary) return '—';
  const main = show(summary.median, unit);
  return summary.n > 1 && summary.min !== summary.max ? `${main} (${show(summary.min, unit)}–${show(summary.max, unit)})` : main;
}

const ratio = (a: number, b: number): string => {
  const r = a / b;
  return r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(1);
};

export interface SizeReport {
  notes: number;
  vault: { files: number; bytes: number; links: number; ghostLinks: number; variantLinks: number; giantNotes: number };
  graph: { nodes: number; ghosts: number; edges: number; bytes: number; gzipBytes: number };
  ours: RunResult[];
  naive: RunResult[];
  /** Why the naive page ran fewer times than ours. */
  naiveNote?: string;
  naiveTimeoutMs: number;
  summary: { ours: Record<string, Summary | undefined>; naive: Record<string, Summary | undefined> };
  verdicts: { metric: string; budget: string; value: string; within: boolean }[];
}

export function summariseSize(report: Omit<SizeReport, 'summary' | 'verdicts'>): SizeReport {
  const ours: Record<string, Summary | undefined> = {};
  const naive: Record<string, Summary | undefined> = {};
  for (const m of METRICS) {
    ours[m.key] = summarise(report.ours.filter((r) => r.ok).map(m.get));
    if (m.both) naive[m.key] = summarise(report.naive.filter((r) => r.ok).map(m.get));
  }
  const verdicts: SizeReport['verdicts'] = [];
  for (const [key, budget] of Object.entries(BUDGETS[report.notes] ?? {})) {
    const s = ours[key];
    const metric = METRICS.find((m) => m.key === key)!;
    if (!s) {
      verdicts.push({ metric: metric.label, budget: budget.text, value: 'not measured', within: false });
      continue;
    }
    verdicts.push({ metric: metric.label, budget: budget.text, value: `${show(s.median, budget.unit)} ${budget.unit}`, within: s.median < budget.limit });
  }
  return { ...report, summary: { ours, naive }, verdicts };
}

function naiveFailures(report: SizeReport): string {
  const failed = report.naive.filter((r) => !r.ok);
  if (failed.length === 0) return '';
  const kinds = [
    failed.filter((r) => r.timedOut).length ? `${failed.filter((r) => r.timedOut).length}× timed out (> ${Math.round(report.naiveTimeoutMs / 1000)} s)` : '',
    failed.filter((r) => r.crashed).length ? `${failed.filter((r) => r.crashed).length}× crashed` : '',
    failed.filter((r) => !r.timedOut && !r.crashed).length ? `${failed.filter((r) => !r.timedOut && !r.crashed).length}× failed` : '',
  ].filter(Boolean);
  return kinds.join(', ');
}

export function sizeTable(report: SizeReport): string {
  const { graph } = report;
  const oursOk = report.ours.filter((r) => r.ok).length;
  const naiveOk = report.naive.filter((r) => r.ok).length;
  const naiveFail = naiveFailures(report);
  const lines = [
    `### Wiki ${label(report.notes)}: ${graph.nodes.toLocaleString('en')} nodes (${graph.ghosts.toLocaleString('en')} ghosts), ${graph.edges.toLocaleString('en')} edges; `
    + `graph.json ${(graph.bytes / 1e6).toFixed(2)} MB transferred (${(graph.gzipBytes / 1e6).toFixed(2)} MB if gzipped), the same file for both pages`,
    '',
    `Runs: ours ${oursOk} of ${report.ours.length}; naive ${naiveOk} of ${report.naive.length}${naiveFail ? ` (${naiveFail})` : ''}${report.naiveNote ? `; ${report.naiveNote}` : ''}. Medians, with (min–max) over runs.`,
    '',
    '| measure | unit | ours | naive | ours / naive | budget (issue 4) |',
    '| --- | --- | ---: | ---: | ---: | --- |',
  ];
  const budgets = BUDGETS[report.notes] ?? {};
  for (const m of METRICS) {
    const ours = report.summary.ours[m.key];
    const naive = m.both ? report.summary.naive[m.key] : undefined;
    let naiveCell = m.both ? cell(naive, m.unit) : 'n/a';
    let ratioCell = '';
    if (ours && naive && m.lowerIsBetter) ratioCell = ratio(ours.median, naive.median);
    if (m.both && !naive && naiveFail && report.naive.every((r) => !r.ok)) {
      naiveCell = m.key === 'firstPaint' ? naiveFail : '—';
      if (m.key === 'firstPaint' && ours && report.naive.some((r) => r.timedOut)) ratioCell = `< ${ratio(ours.median, report.naiveTimeoutMs)}`;
    }
    const budget = budgets[m.key];
    const verdict = budget && ours ? (ours.median < budget.limit ? ' ✅' : ' ❌') : '';
    lines.push(`| ${m.label} | ${m.unit} | ${cell(ours, m.unit)} | ${naiveCell} | ${ratioCell} | ${budget ? `${budget.text}${verdict}` : ''} |`);
  }
  const problems = [...report.ours, ...report.naive].flatMap((r) => [...(r.error ? [`${r.kind} run ${r.run}: ${r.error}`] : []), ...r.problems.map((p) => `${r.kind} run ${r.run}: ${p}`)]);
  if (problems.length > 0) lines.push('', `Problems: ${[...new Set(problems)].slice(0, 8).join('; ')}.`);
  return lines.join('\n');
}

export function budgetTable(reports: SizeReport[]): string {
  const rows = ['| wiki | measure | budget | ours (median) | verdict |', '| --- | --- | --- | ---: | --- |'];
  for (const r of reports) {
    for (const v of r.verdicts) rows.push(`| ${label(r.notes)} | ${v.metric} | ${v.budget} | ${v.value} | ${v.within ? 'within' : v.value === 'not measured' ? 'NOT MEASURED' : 'MISS'} |`);
  }
  return rows.length > 2 ? rows.join('\n') : '';
}

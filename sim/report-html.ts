// A self-contained HTML report, one offline file: the summary, load, capacity (with reserved capacity), p90 latency
// and 5xx against the SLO, CPU against its target, cost, the cost/failed-requests frontier when there is one, and
// the controller's decisions. Charts are drawn by uPlot (MIT, ~50 kB), inlined with the page's own script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decisionsTable } from './report/decisions';
import { frontierData, type FrontierResult } from './report/frontier';
import { esc, scriptJson } from './report/html';
import { colorOf, panelData } from './report/panels';
import type { SimulationReport } from './simulate';

export type { FrontierPoint, FrontierResult } from './report/frontier';

export interface ReportOptions {
  /** The group's CPU target, drawn on the CPU panel. */
  readonly cpuTargetPercent?: number;
}

const asset = (path: string): string => readFileSync(require.resolve(path), 'utf8');

const CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;padding:0 16px;color:#24292f;max-width:1400px}
h1{font-size:20px}h2{font-size:15px;margin:26px 0 4px}p.note{color:#57606a;margin:2px 0 6px;font-size:13px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:right;white-space:nowrap}th{white-space:normal;vertical-align:bottom}
td:first-child,th:first-child{text-align:left}td.codes{text-align:left;white-space:normal;min-width:160px}#summary td,#summary th{padding:3px 5px}
.scroll{overflow:auto;max-width:100%}#decisions .scroll{max-height:420px}
.panel{margin-top:8px}.chart{width:100%;position:relative}.controls{font-size:13px;margin:14px 0}.controls>*{margin-right:12px}
.u-legend{font-size:13px;text-align:left}.u-legend .u-marker{width:12px;height:4px}
.tip{position:absolute;display:none;pointer-events:none;z-index:10;background:rgba(255,255,255,.95);border:1px solid #d0d7de;border-radius:4px;padding:4px 8px;font-size:12px;line-height:1.4;white-space:nowrap}`;

const panelHtml = (id: string, title: string, note = ''): string =>
  `<section class="panel" id="panel-${id}"><h2>${esc(title)}</h2>${note ? `<p class="note">${note}</p>` : ''}<div class="chart" data-panel="${id}"></div></section>`;

const NOTES: Readonly<Record<string, string>> = {
  capacity: 'Instances in service per policy. Dotted: the controller\'s on-demand instances (the rest are spot). Dashed: reserved instances, paid whether used or not.',
  latency: 'The axis is clipped at four times the SLO: an overloaded minute times out far above it.',
};

export const htmlReport = (r: SimulationReport & { readonly frontier?: FrontierResult }, o: ReportOptions = {}): string => {
  const data = panelData(r, o);
  const ctl = r.runs.find((x) => x.summary.policy === 'controller');
  const frontier = r.frontier ? frontierData(r.frontier, colorOf) : null;
  const ran = r.runs.map((x) => x.summary.policy);
  const head = ['policy', 'cost', 'SLO minutes', 'actions', 'replaced', 'on-demand h', 'spot h', 'reserved h (paid)', 'longest under-capacity (min)', 'peak'];
  const rows = r.runs.map(({ summary: s }) => `<tr><td title="${esc(s.describe)}"><span style="color:${colorOf(s.policy)}">■</span> ${esc(s.policy)}</td><td>$${s.costUsd.toFixed(2)}</td><td>${s.sloViolationMinutes}</td><td>${s.scalingActions}</td><td>${s.replacements}</td><td>${s.instanceHours.onDemand.toFixed(1)}</td><td>${s.instanceHours.spot.toFixed(1)}</td><td>${s.instanceHours.reservedPaid.toFixed(1)}</td><td>${s.longestUnderCapacityMinutes}</td><td>${s.peakInstances}</td></tr>`).join('');
  const codes = Object.entries(ctl?.reasonCounts ?? {}).sort((a, b) => b[1] - a[1]);
  const shade = ran.includes('controller') ? 'controller' : ran[0]!;
  const options = [...ran.map((p) => `<option value="${esc(p)}"${p === shade ? ' selected' : ''}>${esc(p)}</option>`), '<option value="">none</option>'].join('');

  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulation: ${esc(r.trace.name)}</title><style>${asset('uplot/dist/uPlot.min.css')}</style><style>${CSS}</style></head><body>
<h1>CinemaHint autoscaler: simulation of ${esc(r.trace.name)}</h1>
<p>${r.trace.minutes} minutes, ${esc(r.trace.from)} to ${esc(r.trace.to)} (UTC); trace scaled by ${r.trace.scaleFactor.toPrecision(4)} so its peak (${Math.round(r.trace.peakRequestsPerMinute)} requests/min) needs the group's maximum at the CPU target; seed ${r.seed}.
SLO per minute: p90 latency &le; ${r.slo.latencyP90Seconds} s and 5xx &le; ${r.slo.errorPercent} %. Prices per instance-hour: on-demand $${r.prices.onDemand}, spot $${r.prices.spot}, reserved $${r.prices.reserved} (paid whether used or not).</p>
<div class="scroll"><table id="summary"><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows}</table></div>
<p>Controller decision records by reason code (one record per group per run): ${codes.map(([c, n]) => `${esc(c)} &times;${n}`).join(', ') || 'none'}.</p>
<div class="controls"><label>Shade the SLO-violation minutes of <select id="shade">${options}</select></label><button id="reset-zoom" type="button">Reset zoom</button>
<span class="note">Drag across a chart to zoom every chart; double-click to zoom out. Hover for values.${data.bucketMinutes > 1 ? ` Each point is the worst of ${data.bucketMinutes} minutes.` : ''}</span></div>
${data.panels.map((p) => panelHtml(p.id, p.title, NOTES[p.id])).join('\n')}
${frontier ? `<section id="frontier">${panelHtml('frontier', 'Cost against failed requests: every baseline setting, and the controller', esc(frontier.verdict))}</section>` : ''}
<section id="decisions"><h2>The controller's decisions</h2><p class="note">Each capacity change, with the reason codes of the record that wrote it and the numbers of that minute. Click a time to zoom the charts to it.</p>${decisionsTable(ctl)}</section>
<p class="note">Generated by <code>npx autoscaler simulate</code>; the world's parameters and their sources are in sim/params.ts. Charts: uPlot (MIT), inlined.</p>
<script id="report-data" type="application/json">${scriptJson({ ...data, shade, frontier })}</script>
<script>${asset('uplot/dist/uPlot.iife.min.js')}</script>
<script>${readFileSync(join(__dirname, 'report/client.js'), 'utf8')}</script>
</body></html>
`;
};

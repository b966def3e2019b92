// A self-contained HTML report (inline SVG, no script, no external file): load, capacity by market with the
// controller's decisions as marks, latency against the SLO, cost over time, and the summary table.
import type { RunResult } from './run';
import type { SimulationReport } from './simulate';
import type { Minute } from './world';

const W = 1100;
const H = 220;
const PAD = { l: 64, r: 12, t: 12, b: 24 };
const COLORS: Readonly<Record<string, string>> = {
  controller: '#1f6feb', 'aws-target-tracking': '#d1242f', 'aws-step-scaling': '#9a6700', hpa: '#8250df', 'fixed-peak': '#57606a', oracle: '#1a7f37',
};
const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** At most ~1,500 points a series: the max of each bucket, so no spike disappears. */
const bucketed = <T extends { readonly t: number }>(minutes: readonly T[], pick: (m: T) => number): { t: number; v: number }[] => {
  const size = Math.max(1, Math.ceil(minutes.length / 1500));
  const out: { t: number; v: number }[] = [];
  for (let i = 0; i < minutes.length; i += size) {
    const slice = minutes.slice(i, i + size);
    out.push({ t: slice[0]!.t, v: Math.max(...slice.map(pick)) });
  }
  return out;
};

interface Axis { t0: number; t1: number; vmax: number }
const x = (a: Axis, t: number) => PAD.l + ((t - a.t0) / Math.max(1, a.t1 - a.t0)) * (W - PAD.l - PAD.r);
const y = (a: Axis, v: number) => H - PAD.b - (Math.min(v, a.vmax) / a.vmax) * (H - PAD.t - PAD.b);
const line = (a: Axis, pts: { t: number; v: number }[], color: string, label: string, dash = '') =>
  `<polyline fill="none" stroke="${color}" stroke-width="1.4" ${dash ? `stroke-dasharray="${dash}"` : ''} points="${pts.map((p) => `${x(a, p.t).toFixed(1)},${y(a, p.v).toFixed(1)}`).join(' ')}"><title>${esc(label)}</title></polyline>`;

const frame = (a: Axis, title: string, unit: string, body: string, legend: [string, string][]) => {
  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toString());
  const ticks = [0, 0.5, 1].map((f) => `<text x="${PAD.l - 6}" y="${y(a, a.vmax * f) + 4}" text-anchor="end">${fmt(a.vmax * f)}</text>`).join('');
  const times = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const t = a.t0 + f * (a.t1 - a.t0);
    return `<text x="${x(a, t)}" y="${H - 6}" text-anchor="middle">${new Date(t).toISOString().slice(5, 16).replace('T', ' ')}</text>`;
  }).join('');
  const keys = legend.map(([name, color], i) => `<tspan x="${PAD.l + 8 + i * 250}" fill="${color}">■ ${esc(name)}</tspan>`).join('');
  return `<h2>${esc(title)}</h2><svg viewBox="0 0 ${W} ${H + 18}" width="100%" role="img" aria-label="${esc(title)}">
<g font-size="11" fill="#57606a">${ticks}${times}<text x="${PAD.l + 6}" y="${PAD.t + 10}">${esc(unit)}</text><text y="${H + 14}">${keys}</text></g>
<line x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}" stroke="#d0d7de"/>${body}</svg>`;
};

const run = (r: SimulationReport, name: string): RunResult | undefined => r.runs.find((x) => x.summary.policy === name);

export const htmlReport = (r: SimulationReport): string => {
  const first = r.runs[0]!.minutes;
  const t0 = first[0]!.t;
  const t1 = first.at(-1)!.t;
  const ctl = run(r, 'controller') ?? r.runs[0]!;
  const tt = run(r, 'aws-target-tracking');

  const load = bucketed(first, (m) => m.requests);
  const loadChart = frame({ t0, t1, vmax: Math.max(1, ...load.map((p) => p.v)) }, 'Load (requests per minute, scaled)', 'req/min',
    line({ t0, t1, vmax: Math.max(1, ...load.map((p) => p.v)) }, load, '#24292f', 'requests/min'), [['requests', '#24292f']]);

  const capMax = Math.max(2, ...r.runs.map((x) => x.summary.peakInstances)) + 1;
  const ca: Axis = { t0, t1, vmax: capMax };
  const od = bucketed(ctl.minutes, (m) => m.onDemand);
  const all = bucketed(ctl.minutes, (m) => m.onDemand + m.spot);
  const marks = ctl.marks.map((m) => `<line x1="${x(ca, m.t)}" x2="${x(ca, m.t)}" y1="${PAD.t}" y2="${H - PAD.b}" stroke="#1f6feb" stroke-opacity="0.25"><title>${esc(`${new Date(m.t).toISOString()} ${m.from} -> ${m.to}: ${m.codes.join(', ') || 'no code'}`)}</title></line>`).join('');
  const capChart = frame(ca, 'Capacity by market (controller) with its decisions; AWS target tracking for comparison', 'instances',
    marks + line(ca, all, '#bf8700', 'controller: on-demand + spot') + line(ca, od, '#1f6feb', 'controller: on-demand') +
      (tt ? line(ca, bucketed(tt.minutes, (m) => m.onDemand + m.spot), COLORS['aws-target-tracking']!, 'AWS target tracking: all', '4 3') : ''),
    [['controller spot (gap to on-demand)', '#bf8700'], ['controller on-demand', '#1f6feb'], ['AWS target tracking', COLORS['aws-target-tracking']!], ['decision (hover)', '#9ecbff']]);

  const la: Axis = { t0, t1, vmax: Math.max(r.slo.latencyP90Seconds * 3, 1) };
  const sloLine = `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(la, r.slo.latencyP90Seconds)}" y2="${y(la, r.slo.latencyP90Seconds)}" stroke="#cf222e" stroke-dasharray="6 4"><title>SLO p90 ${r.slo.latencyP90Seconds} s</title></line>`;
  const latChart = frame(la, `p90 latency against the SLO (${r.slo.latencyP90Seconds} s; clipped at ${la.vmax} s)`, 'seconds',
    sloLine + r.runs.filter((x) => x.summary.policy !== 'fixed-peak').map((x) => line(la, bucketed(x.minutes, (m) => m.latencyP90), COLORS[x.summary.policy] ?? '#000', x.summary.policy)).join(''),
    r.runs.filter((x) => x.summary.policy !== 'fixed-peak').map((x) => [x.summary.policy, COLORS[x.summary.policy] ?? '#000']));

  const cumulative = (minutes: readonly Minute[]) => {
    let sum = 0;
    return minutes.map((m) => ({ ...m, cum: (sum += m.cost) }));
  };
  const costs = r.runs.map((x) => ({ name: x.summary.policy, pts: bucketed(cumulative(x.minutes), (m) => m.cum) }));
  const costMax = Math.max(...costs.map((c) => c.pts.at(-1)?.v ?? 0), 0.01);
  const costChart = frame({ t0, t1, vmax: costMax }, 'Cost over time (cumulative USD)', 'USD',
    costs.map((c) => line({ t0, t1, vmax: costMax }, c.pts, COLORS[c.name] ?? '#000', c.name)).join(''), costs.map((c) => [c.name, COLORS[c.name] ?? '#000']));

  const head = ['policy', 'cost', 'SLO minutes', 'actions', 'replaced', 'on-demand h', 'spot h', 'reserved h (paid)', 'longest under-capacity (min)', 'peak'];
  const rows = r.runs.map(({ summary: s }) => `<tr><td title="${esc(s.describe)}" style="color:${COLORS[s.policy] ?? '#000'}">${esc(s.policy)}</td><td>$${s.costUsd.toFixed(2)}</td><td>${s.sloViolationMinutes}</td><td>${s.scalingActions}</td><td>${s.replacements}</td><td>${s.instanceHours.onDemand.toFixed(1)}</td><td>${s.instanceHours.spot.toFixed(1)}</td><td>${s.instanceHours.reservedPaid.toFixed(1)}</td><td>${s.longestUnderCapacityMinutes}</td><td>${s.peakInstances}</td></tr>`).join('');
  const codes = Object.entries(ctl.reasonCounts).sort((a, b) => b[1] - a[1]);

  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Simulation: ${esc(r.trace.name)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#24292f;max-width:1150px}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}h2{font-size:15px;margin:22px 0 4px}</style></head><body>
<h1>CinemaHint autoscaler: simulation of ${esc(r.trace.name)}</h1>
<p>${r.trace.minutes} minutes, ${esc(r.trace.from)} to ${esc(r.trace.to)} (UTC); trace scaled by ${r.trace.scaleFactor.toPrecision(4)} so its peak (${Math.round(r.trace.peakRequestsPerMinute)} requests/min) needs the group's maximum at the CPU target; seed ${r.seed}.
SLO per minute: p90 latency &le; ${r.slo.latencyP90Seconds} s and 5xx &le; ${r.slo.errorPercent} %. Prices per instance-hour: on-demand $${r.prices.onDemand}, spot $${r.prices.spot}, reserved $${r.prices.reserved} (paid whether used or not).</p>
<table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows}</table>
<p>Controller decision records by reason code (one record per group per run): ${codes.map(([c, n]) => `${esc(c)} &times;${n}`).join(', ') || 'none'}.</p>
${loadChart}${capChart}${latChart}${costChart}
<p style="color:#57606a">Hover a line or a decision mark for details. Generated by <code>npx autoscaler simulate</code>; the world's parameters and their sources are in sim/params.ts.</p>
</body></html>
`;
};

// The controller's decisions as a table an operator can scan: when, what it did, which reason codes, and the
// numbers of that minute (load, CPU, p90, 5xx, serving instances). A row's time zooms every chart to it.
import type { RunResult } from '../run';
import type { Minute } from '../world';
import { esc } from './html';

const LIMIT = 500;

const fixed = (v: number, d: number): string => (Number.isFinite(v) ? v.toFixed(d) : '-');

export const decisionsTable = (ctl: RunResult | undefined): string => {
  if (!ctl) return '<p>The controller did not run in this simulation.</p>';
  if (ctl.marks.length === 0) return '<p>The controller changed no capacity in this run.</p>';
  const byTime = new Map<number, Minute>(ctl.minutes.map((m) => [m.t, m]));
  const rows = ctl.marks.slice(0, LIMIT).map((k) => {
    // A mark is stamped at the end of the minute the controller acted on.
    const m = byTime.get(k.t - 60_000);
    const at = new Date(k.t).toISOString().slice(0, 16).replace('T', ' ');
    const action = `scale ${k.from} → ${k.to}`;
    return `<tr data-t="${k.t / 1000}"><td><a href="#decisions" class="at">${at}</a></td><td>${action}</td><td class="codes">${esc(k.codes.join(' ') || '-')}</td>`
      + `<td>${m ? Math.round(m.requests).toLocaleString('en-US') : '-'}</td><td>${m ? fixed(m.cpu, 0) : '-'}</td><td>${m ? fixed(m.latencyP90, 2) : '-'}</td>`
      + `<td>${m ? fixed(m.errorPercent, 1) : '-'}</td><td>${m ? m.serving : '-'}</td></tr>`;
  }).join('');
  const more = ctl.marks.length > LIMIT ? `<p>The first ${LIMIT} of ${ctl.marks.length} decisions.</p>` : '';
  return `<div class="scroll"><table id="decisions-table"><thead><tr><th>time (UTC)</th><th>action</th><th>reason codes</th><th>requests/min</th><th>CPU %</th><th>p90 s</th><th>5xx %</th><th>serving</th></tr></thead><tbody>${rows}</tbody></table></div>${more}`;
};

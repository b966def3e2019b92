// The HTML report in a real browser (Debian's chromium through playwright-core): every panel draws, the legends
// name exactly the policies that ran, no text leaves its chart, the crosshair and zoom are shared; screenshots at
// 1400 and 800 px land in reports/browser-test/ (not committed) for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../controller/config';
import { htmlReport, type FrontierResult } from '../../sim/report-html';
import { POINTS } from '../../sim/policies/catalogue';
import { simulate } from '../../sim/simulate';
import { loadTrace, sliceDay } from '../../sim/trace';

const ROOT = join(__dirname, '../..');
const OUT = join(ROOT, 'reports/browser-test');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RAN = ['controller', 'aws-tt-cpu@60', 'hpa@60'];
const POLICIES: Readonly<Record<string, unknown>> = Object.fromEntries(POINTS.filter((p) => p.headline).map((p) => [p.name, p]));
const PANELS = ['load', 'capacity', 'latency', 'errors', 'cpu', 'cost', 'frontier'];
const POLICY_PANELS = ['capacity', 'latency', 'errors', 'cpu', 'cost'];

// A frontier as the baselines' sweep reports it: target-tracking and HPA settings, two of them on the frontier.
const frontier = (controllerCost: number): FrontierResult => ({
  verdict: 'on', by: 'aws-target-tracking target 50 %',
  controller: { costUsd: controllerCost, requestsFailed: 2_400 },
  points: [40, 50, 60, 70].flatMap((target, i) => [
    { policy: 'aws-target-tracking', setting: `target ${target} %`, costUsd: 2.9 - i * 0.25, requestsFailed: 900 + i * 6_000, onFrontier: i < 2 },
    { policy: 'hpa', setting: `target ${target} %`, costUsd: 3.0 - i * 0.2, requestsFailed: 2_000 + i * 5_000, onFrontier: false },
  ]),
});

interface Layout {
  readonly panels: string[];
  readonly inkedPixels: Record<string, number>;
  readonly legends: Record<string, string[]>;
  readonly overflowing: string[];
  readonly smallText: string[];
  readonly axisLabelsOutside: string[];
  readonly axisLabelsChecked: number;
}

/** Runs in the page: what is drawn, what the legends say, and any text outside its panel or its canvas. */
const inspect = (page: Page): Promise<Layout> => page.evaluate(() => {
  type Chart = { panelId: string; ctx: CanvasRenderingContext2D; root: HTMLElement; over: HTMLElement; width: number; bbox: { left: number; width: number };
    axes: { _show: boolean; _splits?: number[]; _values?: string[]; font: [string, number]; side: number; scale: string }[]; valToPos: (v: number, s: string) => number };
  const charts = (window as unknown as { __report: { charts: Chart[] } }).__report.charts;
  const inked: Record<string, number> = {};
  const legends: Record<string, string[]> = {};
  const overflowing: string[] = [];
  const axisLabelsOutside: string[] = [];
  let axisLabelsChecked = 0;
  for (const c of charts) {
    const cv = c.ctx.canvas;
    const px = c.ctx.getImageData(0, 0, cv.width, cv.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 16) if (px[i]! > 0) n += 1;
    inked[c.panelId] = n;
    legends[c.panelId] = [...c.root.querySelectorAll('.u-legend .u-series th')].map((th) => th.textContent!.trim()).slice(1);
    // Canvas text: every tick label of every axis, measured with its own font, inside the canvas.
    c.axes.forEach((a, k) => {
      if (!a._show || !a._splits || !a._values) return;
      c.ctx.font = a.font[0];
      const ratio = devicePixelRatio;
      a._splits.forEach((v, j) => {
        axisLabelsChecked += 1;
        const lines = String(a._values![j]).split('\n');
        const w = Math.max(...lines.map((l) => c.ctx.measureText(l).width)) / ratio;
        if (a.side === 2) {
          const x = c.bbox.left / ratio + c.valToPos(v, a.scale);
          if (x - w / 2 < -0.5 || x + w / 2 > c.width + 0.5) axisLabelsOutside.push(`${c.panelId} axis ${k} "${a._values![j]}" at ${x.toFixed(0)} ± ${(w / 2).toFixed(0)} of ${c.width}`);
        } else if (w > c.bbox.left / ratio) axisLabelsOutside.push(`${c.panelId} axis ${k} "${a._values![j]}" ${w.toFixed(0)} px wide in ${(c.bbox.left / ratio).toFixed(0)} px`);
      });
    });
  }
  // DOM text: every text-bearing element of a panel inside the panel's box, and no panel wider than the page.
  const smallText: string[] = [];
  for (const panel of document.querySelectorAll<HTMLElement>('.panel')) {
    const box = panel.getBoundingClientRect();
    if (panel.scrollWidth > panel.clientWidth) overflowing.push(`${panel.id} scrolls: ${panel.scrollWidth} > ${panel.clientWidth}`);
    for (const el of panel.querySelectorAll<HTMLElement>('h2, p, th, td, .u-label, .u-value')) {
      if (!el.textContent?.trim()) continue;
      const r = el.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) overflowing.push(`${panel.id}: "${el.textContent.trim().slice(0, 30)}" ${r.left.toFixed(0)}..${r.right.toFixed(0)} outside ${box.left.toFixed(0)}..${box.right.toFixed(0)}`);
    }
  }
  for (const el of document.querySelectorAll<HTMLElement>('body *')) {
    if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) || el.closest('script, style')) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 11) smallText.push(`${el.tagName} "${el.textContent!.trim().slice(0, 20)}" ${size}px`);
  }
  for (const c of charts) for (const a of c.axes) if (a._show && parseFloat(/(\d+(\.\d+)?)px/.exec(a.font[0])![1]!) / devicePixelRatio < 11) smallText.push(`${c.panelId} axis font ${a.font[0]}`);
  return { panels: charts.map((c) => c.panelId), inkedPixels: inked, legends, overflowing, smallText, axisLabelsOutside, axisLabelsChecked };
});

describe('the HTML report in chromium', () => {
  let context: BrowserContext;
  let file: string;
  /** SLO minutes of the default shaded policy (the controller) and of the one the test picks. */
  let violations: { controller: number; picked: number };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this), or set CHROMIUM_PATH`);
    // The browser starts while the simulation runs: its start-up is mostly waiting on its own processes.
    const launching = chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
      executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    launching.catch(() => undefined); // awaited below; this only keeps a failed launch from going unhandled meanwhile
    await new Promise((r) => setImmediate(r));
    // Prepare: one day of the semifinal trace, three of the six policies, and a frontier from a sweep
    const group = loadConfig(join(ROOT, 'config/autoscaler.yaml')).groups[0]!;
    const r = await simulate({ trace: sliceDay(loadTrace(join(ROOT, 'traces/worldcup98-1998-07-06-semifinal-flash-crowd.csv')), '1998-07-07'), config: group, seed: 1, policies: RAN });
    violations = { controller: r.runs.find((x) => x.summary.policy === 'controller')!.summary.sloViolationMinutes, picked: r.runs.find((x) => x.summary.policy === 'aws-tt-cpu@60')!.summary.sloViolationMinutes };
    mkdirSync(OUT, { recursive: true });
    file = join(OUT, 'report.html');
    writeFileSync(file, htmlReport({ ...r, frontier: frontier(r.runs[0]!.summary.costUsd) }, { cpuTargetPercent: group.policies.cpu?.target }));
    context = await launching;
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  const open = async (width: number) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    // The report is one offline file: any request beyond it is a defect.
    page.on('request', (q) => { if (!q.url().startsWith('file:')) errors.push(`network: ${q.url()}`); });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (window as unknown as { __report?: unknown }).__report !== undefined);
    return { page, errors };
  };

  it.each([1400, 800])('at %i px: every panel draws, legends name the policies that ran, no text leaves its chart', async (width) => {
    // Act
    const { page, errors } = await open(width);
    const layout = await inspect(page);
    await page.screenshot({ path: join(OUT, `report-${width}.png`), fullPage: true });
    await page.close();
    // Assess
    expect(errors).toEqual([]);
    expect(layout.panels).toEqual(PANELS);
    for (const id of PANELS) expect(layout.inkedPixels[id]).toBeGreaterThan(500);
    for (const id of POLICY_PANELS) {
      const named = layout.legends[id]!.filter((l) => l in POLICIES);
      expect(named.sort()).toEqual([...RAN].sort());
    }
    const everyLegend = Object.values(layout.legends).flat();
    for (const absent of Object.keys(POLICIES).filter((p) => !RAN.includes(p))) expect(everyLegend).not.toContain(absent);
    expect(layout.legends.frontier).toEqual(['frontier', 'aws-target-tracking', 'hpa', 'controller']);
    expect(layout.legends.capacity).toContain('reserved (2 paid)');
    expect(layout.legends.cpu).toContain('target 60 %');
    expect(layout.overflowing).toEqual([]);
    expect(layout.axisLabelsChecked).toBeGreaterThan(7 * 6);
    expect(layout.axisLabelsOutside).toEqual([]);
    expect(layout.smallText).toEqual([]);
  }, 60_000);

  it('shares the crosshair across the time panels, shows a tooltip, zooms them together, and shades a chosen policy\'s SLO minutes', async () => {
    // Prepare
    const { page, errors } = await open(1400);
    const over = page.locator('#panel-capacity .u-over');
    const box = (await over.boundingBox())!;
    // Act: hover the capacity panel at three quarters of the day, then drag across its evening
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    const hover = await page.evaluate(() => {
      const charts = (window as unknown as { __report: { charts: { panelId: string; cursor: { idx: number | null } }[] } }).__report.charts;
      const tip = document.querySelector<HTMLElement>('#panel-capacity .tip')!;
      return { idx: charts.filter((c) => c.panelId !== 'frontier').map((c) => c.cursor.idx), tip: tip.style.display === 'block' ? tip.innerText : '' };
    });
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const zoom = await page.evaluate(() => (window as unknown as { __report: { charts: { panelId: string; scales: { x: { min: number; max: number } } }[] } }).__report.charts
      .filter((c) => c.panelId !== 'frontier').map((c) => [c.scales.x.min, c.scales.x.max]));
    // Act: shade the SLO-violation minutes of AWS target tracking (64 of them) instead of the controller's (none)
    const inked = () => page.evaluate(() => {
      const c = (window as unknown as { __report: { charts: { panelId: string; ctx: CanvasRenderingContext2D }[] } }).__report.charts.find((x) => x.panelId === 'latency')!;
      const px = c.ctx.getImageData(0, 0, c.ctx.canvas.width, c.ctx.canvas.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n += 1;
      return n;
    });
    await page.locator('button#reset-zoom').click();
    const before = await inked();
    await page.selectOption('select#shade', 'aws-tt-cpu@60');
    const after = await inked();
    await page.close();
    // Assess
    expect(errors).toEqual([]);
    // The shading follows the dropdown. Its direction is not asserted: each short violation span is drawn at least
    // 1 px wide, so many scattered minutes can ink more than fewer minutes in one stretch.
    expect(violations.picked).not.toBe(violations.controller);
    expect(Math.abs(after - before)).toBeGreaterThan(100);
    expect(new Set(hover.idx).size).toBe(1);
    expect(hover.idx[0]).toBeGreaterThan(1000);
    expect(hover.tip).toMatch(/^1998-07-07 1[78]:\d\d UTC\n.*controller: \d+/s);
    expect(new Set(zoom.map((z) => z.join())).size).toBe(1);
    const [min, max] = zoom[0]!;
    expect(max! - min!).toBeLessThan(0.2 * 86_400);
  }, 60_000);
});

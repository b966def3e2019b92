// The issue-12 catalogue: every code documented in the README, and every code produced by its rule. When phase 2
// moves these into REASONS, the handler tests of test/functions/reason-codes.test.ts take over.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SLOT_MS } from '../../policies/forecast';
import { applyForecastFloor, decideForecast } from '../../policies/forecast-floor';
import { AHEAD_REASON_CODES, AHEAD_REASONS, REASONS } from '../../policies/reasons';
import { trackRequestRate } from '../../policies/request-rate';
import { planSpotReplacement } from '../../policies/spot-interruption';
import { planWarmPool, warmPoolSupport } from '../../policies/warm-pool';

const NOW = Date.UTC(2025, 5, 16, 8, 55);
const daily = (hours: number, value: (minute: number) => number) =>
  Array.from({ length: (hours * 60) / 5 }, (_, i) => { const t = NOW - (i + 1) * SLOT_MS; return { t, v: value((t / 60_000) % 1440) }; });
const business = (m: number) => (m >= 540 && m < 1080 ? 600 : 100);
const forecast = { mode: 'act' as const, targetPerInstance: 100, leadMinutes: 7, minHistoryHours: 24, evaluationPoints: 288, minEvaluationPoints: 36, maxWape: 0.25 };
let s = 7;
const noise = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % 1000; };
const instances = [1, 2].map((n) => ({ id: `i-0000000${n}`, lifecycle: 'InService' as const }));
const spot = { desired: 2, max: 4, instances, tags: {}, capacityRebalance: false };
const pool = { targetPerInstance: 100, minSize: 1, maxSize: 5, volatilityMinutes: 1 };
const ok = { supported: true, reason: null };

const produced = (): string[] => [
  trackRequestRate({ targetPerInstance: 200 }, 1500, 3, 3, 0.1).reason.code,
  ...applyForecastFloor(1, decideForecast(daily(15 * 24, business), forecast, NOW)).reasons.map((r) => r.code),
  ...applyForecastFloor(9, decideForecast(daily(15 * 24, business), forecast, NOW)).reasons.map((r) => r.code),
  ...decideForecast(daily(15 * 24, business), { ...forecast, mode: 'observe' }, NOW).reasons.map((r) => r.code),
  ...decideForecast(daily(20, business), forecast, NOW).reasons.map((r) => r.code),
  ...decideForecast(daily(15 * 24, noise), forecast, NOW).reasons.map((r) => r.code),
  ...planWarmPool(pool, { desired: 4, max: 10 }, ok, null, 750, [], NOW).reasons.map((r) => r.code),
  ...planWarmPool(pool, { desired: 4, max: 10 }, ok, { minSize: 1, maxGroupPreparedCapacity: 1, poolState: 'Stopped' }, null, [], NOW).reasons.map((r) => r.code),
  warmPoolSupport({ mixedInstances: { onDemandBaseCapacity: 0, onDemandPercentageAboveBaseCapacity: 50 }, launchTemplateRequestsSpot: false }).reason!.code,
  ...planSpotReplacement(spot, [{ instanceId: 'i-00000001', kind: 'interruption' }]).reasons.map((r) => r.code),
  ...planSpotReplacement(spot, [{ instanceId: 'i-00000001', kind: 'rebalance' }]).reasons.map((r) => r.code),
  ...planSpotReplacement({ ...spot, capacityRebalance: true }, [{ instanceId: 'i-00000001', kind: 'rebalance' }]).reasons.map((r) => r.code),
  ...planSpotReplacement({ ...spot, tags: { 'autoscaler:at-risk': 'i-00000001:add' } }, [{ instanceId: 'i-00000001', kind: 'interruption' }]).reasons.map((r) => r.code),
  ...planSpotReplacement({ ...spot, instances: [{ id: 'i-00000001', lifecycle: 'Pending' }] }, [{ instanceId: 'i-00000001', kind: 'interruption' }]).reasons.map((r) => r.code),
  ...planSpotReplacement(spot, [{ instanceId: 'i-00000009', kind: 'interruption' }]).reasons.map((r) => r.code),
];

describe('the issue-12 reason catalogue', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

  it.each(Object.entries(AHEAD_REASONS))('documents %s in the README table', (code, text) => {
    expect(readme).toContain(`| \`${code}\` | ${text.replace(/\|/g, '\\|')} |`);
  });

  it('shares no code with REASONS (a code has one meaning)', () => {
    expect(AHEAD_REASON_CODES.filter((c) => c in REASONS)).toEqual([]);
  });

  it('has every code produced by its rule', () => {
    const seen = new Set(produced());
    expect(AHEAD_REASON_CODES.filter((c) => !seen.has(c))).toEqual([]);
  });
});

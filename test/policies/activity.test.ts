import { activityInProgress, cooldownHold } from '../../policies/activity';
import { MIN, NOW } from '../fixtures/builders';

const cooldowns = { scaleOutSeconds: 60, scaleInSeconds: 300 };

describe('scaling activities', () => {
  it('finds an activity still in progress', () => {
    const running = { startedAt: NOW - MIN, status: 'InProgress', description: 'Launching a new EC2 instance' };
    expect(activityInProgress([running, { startedAt: NOW - 9 * MIN, endedAt: NOW - 8 * MIN, status: 'Successful', description: 'x' }])).toBe(running);
    expect(activityInProgress([{ startedAt: NOW - 9 * MIN, endedAt: NOW - 8 * MIN, status: 'Failed', description: 'x' }])).toBeUndefined();
  });

  it('holds a scale-in for 300 s after the last activity ended: 2 min ago leaves 180 s', () => {
    const hold = cooldownHold([{ startedAt: NOW - 5 * MIN, endedAt: NOW - 2 * MIN, status: 'Successful', description: '' }], 'in', cooldowns, NOW);
    expect(hold).toMatchObject({ code: 'HOLD_COOLDOWN', data: { direction: 'in', cooldownSeconds: 300, remainingSeconds: 180 } });
  });

  it('lets a scale-out through after its 60 s cooldown, 2 min later', () => {
    expect(cooldownHold([{ startedAt: NOW - 5 * MIN, endedAt: NOW - 2 * MIN, status: 'Successful', description: '' }], 'out', cooldowns, NOW)).toBeUndefined();
  });

  it('has no cooldown without any finished activity', () => {
    expect(cooldownHold([], 'in', cooldowns, NOW)).toBeUndefined();
  });
});

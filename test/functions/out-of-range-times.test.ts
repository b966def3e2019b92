// Item 11: times past the end of ECMAScript time get an error naming the field, never "Invalid time value".
import { ZodError } from 'zod';
import { EventParseError } from '../../controller/errors';
import { parseSnapshot } from '../../controller/snapshot-schema';
import { makeManual } from '../../functions/manual';
import { asgMock, cwMock, elbMock, resetAws, serve, testRuntime } from '../fixtures/aws-world';
import { example, shippedConfig } from '../fixtures/shipped';

const rush = example('evening-rush');
const issuesOf = (raw: unknown): string[] => {
  try {
    parseSnapshot(raw);
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw e;
  }
  return [];
};

describe('out-of-range times', () => {
  beforeEach(resetAws);

  it.each([
    [{ action: 'pause', group: 'cinemahint-web', for: '99999999d' }, 'payload.for: "99999999d" ends more than 7 days from now; overrides must end on their own'],
    [{ action: 'set-capacity', group: 'cinemahint-web', desired: 4, for: '999999999999999999h' }, 'payload.for: "999999999999999999h" ends more than 7 days from now; overrides must end on their own'],
    [{ action: 'set-mode', group: 'cinemahint-web', mode: 'spot', until: '9999-12-31T23:59:59Z' }, 'payload.until: "9999-12-31T23:59:59Z" ends more than 7 days from now; overrides must end on their own'],
  ])('a manual %j is refused naming the field, with no AWS call', async (payload, message) => {
    // Prepare
    serve([rush]);
    const rt = testRuntime(shippedConfig(), rush.takenAt);
    // Act
    const result = makeManual(() => rt)(payload);
    // Assess
    await expect(result).rejects.toThrow(EventParseError);
    await expect(makeManual(() => rt)(payload)).rejects.toThrow(message);
    await expect(makeManual(() => rt)(payload)).rejects.not.toThrow(/Invalid time value/);
    expect(asgMock.calls().length + cwMock.calls().length + elbMock.calls().length).toBe(0);
  });

  it('a snapshot takenAt past the end of time names takenAt', () => {
    const raw = JSON.parse(JSON.stringify({ ...rush, takenAt: 9e15 }));
    expect(issuesOf(raw)).toEqual(['takenAt: must be a time within ±8640000000000000 ms of 1970 (year 275760)']);
  });

  it('a datapoint time past the end of time names its path', () => {
    const raw = JSON.parse(JSON.stringify({ ...rush, metrics: { ...rush.metrics, cpu: [{ t: -1e16, v: 50 }] } }));
    expect(issuesOf(raw)).toEqual(['metrics.cpu.0.t: must be a time within ±8640000000000000 ms of 1970 (year 275760)']);
  });

  it('a time exactly at the end of time is still a time', () => {
    expect(parseSnapshot(JSON.parse(JSON.stringify({ ...rush, takenAt: 8.64e15 }))).takenAt).toBe(8.64e15);
  });
});

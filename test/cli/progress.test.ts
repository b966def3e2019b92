import { createProgress, type ProgressStream } from '../../cli/progress';

const fake = (isTTY: boolean) => {
  const written: string[] = [];
  let t = 0;
  const stream: ProgressStream = { isTTY, columns: 120, write: (s: string) => written.push(s) };
  return { written, stream, now: () => t, advance: (ms: number) => { t += ms; } };
};

describe('progress on stderr', () => {
  it('stays silent during the first second, then shows the share done on one rewritten line', () => {
    // Prepare
    const f = fake(true);
    const p = createProgress('simulate', { stream: f.stream, now: f.now });
    // Act
    f.advance(900);
    p.update(1, 6, 'controller');
    f.advance(200);
    p.update(2, 6, 'aws-target-tracking');
    // Assess
    expect(f.written).toHaveLength(1);
    expect(f.written[0]).toMatch(/^\rsimulate 33% \(2\/6\) aws-target-tracking, 1 s\s*$/);
    expect(f.written[0]).toHaveLength(80);
  });

  it('redraws at most every 100 ms and clears its line at the end', () => {
    const f = fake(true);
    const p = createProgress('simulate', { stream: f.stream, now: f.now });
    f.advance(1500);
    p.update(1, 4);
    f.advance(50);
    p.update(2, 4);
    f.advance(60);
    p.update(3, 4);
    p.end();
    expect(f.written.map((s) => s.trim())).toEqual(['simulate 25% (1/4), 2 s', 'simulate 75% (3/4), 2 s', '']);
  });

  it('writes nothing when stderr is not a terminal (pipes, CI), however long it runs', () => {
    const f = fake(false);
    const p = createProgress('simulate', { stream: f.stream, now: f.now });
    f.advance(60_000);
    p.update(3, 6);
    p.end();
    expect(f.written).toEqual([]);
  });
});

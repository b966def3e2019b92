import { Logger } from '@aws-lambda-powertools/logger';
import { logDecision } from '../../functions/runtime';
import type { DecisionRecord } from '../../controller/decision-record';

describe('decision log', () => {
  const record = (outcome: DecisionRecord['outcome']): DecisionRecord => ({
    group: 'web', trigger: { kind: 'schedule', rule: 'tick' }, at: '2026-03-04T15:00:00.000Z', outcome, reasonCodes: ['SCALE_OUT_CPU'], writes: [], written: [], dryRun: false, durationMs: 3,
  });

  it('logs one structured record per group, as info, with the codes in the message', () => {
    const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
    const info = jest.spyOn(logger, 'info');
    logDecision(logger)(record('changed'));
    expect(info).toHaveBeenCalledWith('decision web: changed [SCALE_OUT_CPU]', { decision: record('changed') });
  });

  it('logs a failed group as an error', () => {
    const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });
    const error = jest.spyOn(logger, 'error');
    logDecision(logger)(record('failed'));
    expect(error).toHaveBeenCalledWith('decision web: failed [SCALE_OUT_CPU]', { decision: record('failed') });
  });
});

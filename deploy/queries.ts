// Saved Logs Insights queries over the four functions' logs: why a group scaled (one per configured group), and
// every failure (pick "today" as the time range in the console). Fields are the decision record's flat headline.
import { FUNCTIONS, logicalId, names, type DeployContext } from './context';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn: string[] };

const logGroupIds = FUNCTIONS.map((fn) => `${fn.charAt(0).toUpperCase()}${fn.slice(1)}LogGroup`);

export const whyDidGroupScale = (group: string): string => [
  'fields @timestamp, action, desiredBefore, desiredAfter, outcome, reasonCodes, why, trigger, correlation_id',
  `| filter group = '${group}' and action != 'hold' and action != 'none'`,
  '| sort @timestamp desc',
  '| limit 100',
].join('\n');

export const EVERY_FAILURE = [
  'fields @timestamp, @log, level, group, outcome, errorName, errorCode, error, message, correlation_id',
  "| filter level = 'ERROR' or outcome = 'failed' or @message like /Invoke Error|Task timed out|Runtime\\.\\w+/",
  '| sort @timestamp desc',
  '| limit 1000',
].join('\n');

export const queryDefinitions = (ctx: DeployContext): Record<string, Resource> => {
  const n = names(ctx.stage);
  const LogGroupNames = FUNCTIONS.map((fn) => n.logGroup(fn));
  const q = (name: string, QueryString: string): Resource => ({
    Type: 'AWS::Logs::QueryDefinition', DependsOn: logGroupIds, Properties: { Name: n.query(name), LogGroupNames, QueryString },
  });
  return {
    QueryEveryFailure: q('every-failure', EVERY_FAILURE),
    ...Object.fromEntries(ctx.config.groups.map((g) => [logicalId('QueryWhy', g.name), q(`why-did-${g.name}-scale`, whyDidGroupScale(g.name))])),
  };
};

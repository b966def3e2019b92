// Every resource generated from the config at package time, for serverless.yml (through serverless-resources.cjs):
// the groups' alarms, the failed-invocation queue and the paging alarms, the dashboard, the saved queries.
import { loadConfig } from '../controller/config';
import type { DeployContext } from './context';
import { dashboardResources } from './dashboard';
import { allGroupAlarms } from './group-alarms';
import { pagingResources } from './paging';
import { queryDefinitions } from './queries';

export const buildResources = (ctx: DeployContext) => ({
  Resources: { ...allGroupAlarms(ctx), ...pagingResources(ctx), ...dashboardResources(ctx), ...queryDefinitions(ctx) },
});

export interface DeployParams {
  readonly stage: string;
  readonly region: string;
  /** The config file, validated by the controller's own loader (an invalid file fails the package with path: reason). */
  readonly config: string;
  readonly albDimension?: string;
  readonly tgDimension?: string;
  readonly noDecisionMinutes?: string;
  readonly pageProtocol?: string;
  readonly pageEndpoint?: string;
}

export const resourcesFromParams = (p: DeployParams) => {
  const minutes = Number(p.noDecisionMinutes ?? 5);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) throw new Error(`param noDecisionMinutes: must be a whole number of minutes from 1 to 1440, got "${p.noDecisionMinutes}"`);
  return buildResources({
    stage: p.stage, region: p.region, config: loadConfig(p.config), noDecisionMinutes: minutes,
    ...(p.albDimension ? { albDimension: p.albDimension } : {}), ...(p.tgDimension ? { tgDimension: p.tgDimension } : {}),
    ...(p.pageEndpoint ? { page: { protocol: p.pageProtocol || 'email', endpoint: p.pageEndpoint } } : {}),
  });
};

// serverless.yml's `${file(./deploy/serverless-resources.cjs)}`: resolves the stage and parameters, then builds the
// resources in TypeScript (deploy/resources.ts) through tsx, with the controller's own config loader.
/* eslint-disable @typescript-eslint/no-require-imports -- osls loads this file with require(); it is CommonJS on purpose */
const { join } = require('node:path');
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = async ({ resolveVariable }) => {
  const param = async (name) => String(await resolveVariable(`param:${name}, ''`));
  const { resourcesFromParams } = tsxRequire('./resources.ts', __filename);
  return resourcesFromParams({
    stage: String(await resolveVariable('sls:stage')),
    region: String(await resolveVariable('self:provider.region')),
    config: join(__dirname, '..', await param('config')),
    albDimension: await param('albDimension'),
    tgDimension: await param('tgDimension'),
    noDecisionMinutes: await param('noDecisionMinutes'),
    pageProtocol: await param('pageProtocol'),
    pageEndpoint: await param('pageEndpoint'),
  });
};

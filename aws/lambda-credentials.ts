// Stands in for @aws-sdk/credential-provider-node in the Lambda bundles (serverless.yml custom.esbuild.alias): the
// SDK clients import that default chain statically (SSO, STS, ini files, IMDS, ~95 KB minified), though in Lambda
// the credentials are always the execution role's, in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_SESSION_TOKEN (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
// Only the bundles use it: the CLI, the tests and the simulator keep the full chain (profiles, SSO).
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);

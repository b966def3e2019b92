import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hintFor } from '../../cli/fix-hints';
import { quietSdk } from '../../cli/quiet-sdk';
import { resetAws, serve } from '../fixtures/aws-world';
import { cli } from '../fixtures/cli';
import { example } from '../fixtures/shipped';

const ROOT = join(__dirname, '../..');
// An operator's shell with no AWS set up at all: no region, no credentials, an empty home (no ~/.aws), and no
// instance metadata service to fall back on (nothing leaves this machine).
const bare = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/autoscaler.mjs'), ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'home-')), AWS_EC2_METADATA_DISABLED: 'true', ...extra },
  });
const rush = example('evening-rush');

describe('errors say how to fix them', () => {
  it('a missing region names --region and AWS_REGION, with no SDK notice on the screen', () => {
    // Act
    const r = bare(['status']);
    // Assess
    // Since failures stay with their group (issue 8), status reports the group's failure with its hint.
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain('no AWS region: pass --region us-east-1, or export AWS_REGION=us-east-1');
    expect(r.stderr).not.toMatch(/NodeVersionSupportWarning|DeprecationWarning|Warning:/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('missing credentials name --profile and aws sso login', () => {
    const r = bare(['plan', '--region', 'us-east-1']);
    expect(r.status).toBe(1);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('FAILED: DescribeAutoScalingGroups cinemahint-web: CredentialsProviderError');
    expect(out).toContain('hint: no AWS credentials found: pass --profile NAME (or export AWS_PROFILE), and run `aws sso login --profile NAME`');
    expect(r.stderr).toBe('');
  });

  it('with --json the error is JSON on stdout, with the hint, and stderr stays empty', () => {
    const r = bare(['status', '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    // The read failed for the group, not for the command: the group's failure carries the hint.
    expect(JSON.parse(r.stdout)).toMatchObject({
      schemaVersion: 1, kind: 'status', groups: [],
      failures: [{ group: 'cinemahint-web', error: 'DescribeAutoScalingGroups cinemahint-web: Error: Region is missing', hint: expect.stringContaining('--region') }],
    });
  });

  it('--debug leaves the SDK notice alone (it is the SDK telling you which Node it wants)', () => {
    quietSdk(['--debug'], {});
    const env: NodeJS.ProcessEnv = {};
    quietSdk(['status'], env);
    expect(env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    const mine: NodeJS.ProcessEnv = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' };
    quietSdk(['status'], mine);
    expect(mine.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
    const debug: NodeJS.ProcessEnv = {};
    quietSdk(['--debug', 'status'], debug);
    expect(debug.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBeUndefined();
  });

  it.each([
    ['The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login', 'aws sso login'],
    ['Could not resolve credentials using profile: [prod] in configuration/credentials file(s).', 'aws configure list-profiles'],
    ['ExpiredTokenException: The security token included in the request is expired', 'aws sso login'],
    ['UnrecognizedClientException: The security token included in the request is invalid.', 'AWS_ACCESS_KEY_ID'],
    ['AccessDenied: User: arn:aws:iam::1:user/x is not authorized to perform: autoscaling:SetDesiredCapacity', 'aws sts get-caller-identity'],
    ['connect ECONNREFUSED 127.0.0.1:4566', '--endpoint-url'],
  ])('"%s" gets a fix naming %s', (message, fix) => {
    expect(hintFor(message)).toContain(fix);
  });

  it('an error it has no fix for gets no made-up hint', () => {
    expect(hintFor('Auto Scaling group "web" (group web) not found in this account and region')).toBeNull();
  });
});

describe('errors about flags speak of flags', () => {
  beforeEach(() => {
    resetAws();
    serve([rush]);
  });

  it('a bad --at names the flag, not "malformed event or payload"', async () => {
    const r = await cli(['decide', '--snapshot', 'examples/snapshots/evening-rush.json', '--at', 'teatime'], { now: rush.takenAt });
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: --at: "teatime" is not an ISO-8601 time with a UTC offset (e.g. 2026-03-04T18:00:00Z or 2026-03-04T13:00:00-05:00)');
  });

  it('apply --json without --yes says why, as JSON', async () => {
    const r = await cli(['apply', '--json'], { now: rush.takenAt });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'error', error: { type: 'UsageError', message: 'apply --json needs --yes: there is no prompt in machine-readable mode' } });
  });

  it('a commander usage error in JSON mode is one JSON document and nothing on stderr', async () => {
    const r = await cli(['--json', 'set-capacity'], { now: rush.takenAt });
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).error).toEqual({ type: 'UsageError', message: "missing required argument 'group'", problems: [], hint: 'add --help for usage and an example', exitCode: 2 });
  });

  it('a configuration error lists its problems and points at validate-config', async () => {
    const r = await cli(['--config', 'examples/snapshots/evening-rush.json', 'status'], { now: rush.takenAt });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: invalid configuration in examples\/snapshots\/evening-rush\.json:\n {2}\S/);
    expect(r.err).toMatch(/hint: `npx autoscaler validate-config FILE` lists every problem/);
  });
});

// What to do about an error the operator can fix: missing region or credentials, an expired SSO session, a wrong
// profile or endpoint. Matched on the SDK's messages (they are stable and documented in its credential providers).
interface Hint { readonly when: RegExp; readonly say: string }

const HINTS: readonly Hint[] = [
  { when: /Region is missing/i, say: 'no AWS region: pass --region us-east-1, or export AWS_REGION=us-east-1 (or set region in your --profile)' },
  { when: /SSO session .*(expired|invalid)|Token is expired|ExpiredToken|security token .* is expired|token has expired/i,
    say: 'your AWS session has expired: run `aws sso login --profile NAME` (or refresh your credentials) and retry' },
  { when: /Could not resolve credentials using profile|profile .* (could not be found|not found)|ProfileNotFound/i,
    say: 'no such AWS profile: check --profile against `aws configure list-profiles`' },
  { when: /Could not load credentials|CredentialsProviderError|Unable to locate credentials|Could not resolve credentials/i,
    say: 'no AWS credentials found: pass --profile NAME (or export AWS_PROFILE), and run `aws sso login --profile NAME` if it uses SSO' },
  { when: /InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|InvalidAccessKeyId/i,
    say: 'AWS rejected the credentials: check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or pass --profile NAME' },
  { when: /AccessDenied|not authorized to perform/i,
    say: 'the identity in use lacks a permission: `aws sts get-caller-identity --profile NAME` shows which one; use a profile allowed to manage the group' },
  { when: /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|getaddrinfo|connect ETIMEDOUT/i,
    say: 'cannot reach the AWS endpoint: check --endpoint-url, the region name and your network or proxy' },
];

/** A one-line fix for the error, or null when there is nothing general to suggest. */
export const hintFor = (message: string): string | null => HINTS.find((h) => h.when.test(message))?.say ?? null;

// SDK exceptions -> CloudError with a stable code, so the controller can tell a hold from a failure without the SDK.
import { CloudError } from '../controller/errors';

const CODES: Readonly<Record<string, string>> = {
  ScalingActivityInProgressFault: 'ScalingActivityInProgress',
  ScalingActivityInProgress: 'ScalingActivityInProgress',
  ResourceContentionFault: 'ResourceContention',
  ResourceContention: 'ResourceContention',
  ValidationError: 'ValidationError',
  Throttling: 'Throttling',
  ThrottlingException: 'Throttling',
  AccessDenied: 'AccessDenied',
  AccessDeniedException: 'AccessDenied',
};

export const toCloudError = (error: unknown, doing: string): CloudError => {
  if (error instanceof CloudError) return error;
  const name = (error as { name?: string })?.name ?? 'Error';
  const message = (error as { message?: string })?.message ?? String(error);
  return new CloudError(`${doing}: ${name}: ${message}`, CODES[name] ?? name, { cause: error });
};

// A batched read that AWS refuses as a whole because of one item (a stale target group ARN, one bad metric
// query) is asked again item by item, so only that item's groups fail. A refusal that cannot be about one item
// (throttling that outlived the SDK's retries, access denied, the network) fails every item at once instead of
// multiplying the calls during an outage.
import type { CloudError } from '../controller/errors';
import { toCloudError } from './cloud-error';

/** Error names by which AWS refuses a whole batch for the sake of one of its items. */
const ITEM_SPECIFIC = new Set([
  'ValidationError', 'TargetGroupNotFound', 'TargetGroupNotFoundException', 'LoadBalancerNotFound', 'LoadBalancerNotFoundException',
  'InvalidParameterValue', 'InvalidParameterValueException', 'InvalidParameterCombination', 'InvalidParameterCombinationException',
  'MissingParameter', 'MissingRequiredParameterException',
]);

export const isItemSpecific = (error: unknown): boolean => ITEM_SPECIFIC.has((error as { name?: string })?.name ?? '');

/**
 * Runs `read` on the whole batch; if AWS refuses it for an item's sake, runs it on each item alone.
 * Returns the items that failed, each with its own error.
 */
export const readBatch = async <T>(batch: readonly T[], read: (items: readonly T[]) => Promise<void>, doing: (item: T) => string): Promise<Map<T, CloudError>> => {
  const failed = new Map<T, CloudError>();
  try {
    await read(batch);
    return failed;
  } catch (batchError) {
    if (batch.length === 1 || !isItemSpecific(batchError)) {
      for (const item of batch) failed.set(item, toCloudError(batchError, doing(item)));
      return failed;
    }
  }
  for (const item of batch) {
    try {
      await read([item]);
    } catch (e) {
      failed.set(item, toCloudError(e, doing(item)));
    }
  }
  return failed;
};

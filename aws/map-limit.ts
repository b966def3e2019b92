// Batching helpers for the AWS reads; the concurrency limiter itself lives in controller/ (shared with reconcile).
export { mapLimit } from '../controller/map-limit';

export const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

// Default file locations, relative to the project so the CLI works from any directory.
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const DEFAULT_CONFIG = process.env.AUTOSCALER_CONFIG ?? join(ROOT, 'config/autoscaler.yaml');

#!/usr/bin/env node
// The `autoscaler` command: runs the TypeScript CLI through tsx, so no build step stands between npm ci and use.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs/api').register();
const { main } = require('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

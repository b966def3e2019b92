// Compiles the simulation benches (`npm run bench`, `bench:heldout`, `bench:sim`, `bench:select`) into .bench/ with
// esbuild before they run. Through tsx every module is transformed on its own: each function created in a hot path
// gets its name set by a call (keepNames), and every import is read through a getter, about 45 % of a simulated
// month (README, "Simulator speed"). The bundle runs the same source; `bench:sim -- --check` compares the results.
// .bench/ sits one level below the root, as bench/ does, so the `join(__dirname, '..')` roots stay right.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: ['run', 'sim', 'select', 'worker'].map((n) => join(root, 'bench', `${n}.ts`)),
  outdir: join(root, '.bench'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Dependencies load from node_modules as they do under tsx; only our own TypeScript is compiled.
  packages: 'external',
  // A failing bench's stack maps back to the TypeScript with `node --enable-source-maps .bench/<name>.js`.
  sourcemap: true,
  logLevel: 'warning',
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The same rule ESLint enforces, kept as a test so `npm test` alone proves the core stays pure.
describe('policies/ purity', () => {
  const dir = join(__dirname, '../../policies');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports no SDK, does no I/O, reads no clock or environment', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).not.toMatch(/@aws-sdk|process\.env|Date\.now|new Date\(\)|from ['"](node:)?(fs|net|http|https|child_process)['"]/);
    expect(text).not.toMatch(/from ['"]\.\.\//);
  });
});

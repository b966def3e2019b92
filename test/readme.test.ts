import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASONS } from '../policies/reasons';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');

  it('opens with the two set-up commands', () => {
    const head = readme.split('\n').slice(0, 10).join('\n');
    expect(head).toContain('npm ci && npm start');
    expect(head).toContain('npm ci && npm test');
  });

  it.each(Object.entries(REASONS))('documents reason code %s in its table', (code, text) => {
    expect(readme).toContain(`| \`${code}\` | ${text.replace(/\|/g, '\\|')} |`);
  });
});

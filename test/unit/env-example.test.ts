import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

describe('.env.example', () => {
  it('documents every setting that parseConfig reads', () => {
    const config = readFileSync(join(root, 'src/core/config.ts'), 'utf8');
    const schema = config.slice(config.indexOf('const schema = z.object({'), config.indexOf('});', config.indexOf('const schema = z.object({')));
    const keys = [...schema.matchAll(/^ {2}([A-Z_]+): /gm)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(5);
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#? ?([A-Z_]+)=/gm)].map((m) => m[1]!));
    expect(keys.filter((k) => !documented.has(k))).toEqual([]);
  });
});

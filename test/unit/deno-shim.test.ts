import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { I18n } from '@grammyjs/i18n';

/**
 * @grammyjs/i18n reads its locale files through a Deno namespace. package.json points
 * @deno/shim-deno at vendor/deno-shim (the file-system calls only; the full shim costs about 6 MB of
 * resident memory). These tests keep that true and keep it complete: every Deno member the library's
 * code names must exist, so a library update that calls something new fails here, not at start.
 */
const libraryDir = path.dirname(require.resolve('@grammyjs/i18n/package.json'));
const shimDir = path.dirname(require.resolve('@deno/shim-deno/package.json'));
const { Deno } = require('@deno/shim-deno') as { Deno: Record<string, unknown> };

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : jsFiles(p);
    return d.name.endsWith('.js') ? [p] : [];
  });
}

describe('the Deno shim @grammyjs/i18n loads', () => {
  it('is the project\'s own file-system shim, not the full one', () => {
    expect(fs.realpathSync(shimDir)).toBe(fs.realpathSync(path.join(__dirname, '../../vendor/deno-shim')));
  });

  it('has every Deno member the library calls outside Windows-only code', () => {
    const used = new Set<string>();
    for (const file of jsFiles(path.join(libraryDir, 'script'))) {
      if (file.endsWith('win32.js')) continue; // path/win32 runs only on Windows
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bDeno\.(\w+)/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((name) => Deno[name] === undefined)).toEqual([]);
  });

  it('loads a locales directory synchronously and asynchronously, through the library', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shim-'));
    fs.writeFileSync(path.join(dir, 'en.ftl'), 'hi = Hello { $name }\n');
    fs.mkdirSync(path.join(dir, 'ru'));
    fs.writeFileSync(path.join(dir, 'ru', 'main.ftl'), 'hi = Привет, { $name }\n');
    const sync = new I18n({ defaultLocale: 'en', directory: dir, fluentBundleOptions: { useIsolating: false } });
    expect([...sync.locales].sort()).toEqual(['en', 'ru']);
    expect(sync.t('ru', 'hi', { name: 'Ann' })).toBe('Привет, Ann');
    const later = new I18n({ defaultLocale: 'en', fluentBundleOptions: { useIsolating: false } });
    await later.loadLocalesDir(dir);
    expect(later.t('en', 'hi', { name: 'Ann' })).toBe('Hello Ann');
    expect(later.t('ru', 'hi', { name: 'Ann' })).toBe('Привет, Ann');
  });
});

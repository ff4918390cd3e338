import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tightenModeWarning } from '../../src/core/private-file';

/** Secret files found looser than 0600 at start are set to 0600, with one warning line each. */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'private-mode-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

test.each([0o644, 0o640, 0o666, 0o604, 0o700])('a file at %o is set to 0600 and named in one warning line', (mode) => {
  const file = path.join(dir, '.env');
  fs.writeFileSync(file, 'BOT_TOKEN=1:x\n');
  fs.chmodSync(file, mode);
  const warning = tightenModeWarning(file);
  expect(modeOf(file)).toBe(0o600);
  // Said as done, not as an instruction: the program already changed it.
  expect(warning).toBe(`${file} was mode ${mode.toString(8)}; session-warden changed it to 600 (owner read/write only), since it holds secrets.`);
  expect(fs.readFileSync(file, 'utf8')).toBe('BOT_TOKEN=1:x\n');
});

test('a file already 0600 (or stricter) is left alone and gives no warning; a missing file is fine', () => {
  const file = path.join(dir, 'account.session');
  fs.writeFileSync(file, 'x', { mode: 0o600 });
  expect(tightenModeWarning(file)).toBeUndefined();
  fs.chmodSync(file, 0o400);
  expect(tightenModeWarning(file)).toBeUndefined();
  expect(modeOf(file)).toBe(0o400);
  expect(tightenModeWarning(path.join(dir, 'missing'))).toBeUndefined();
});

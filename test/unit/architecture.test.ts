/**
 * The tree is the architecture (ARCHITECTURE.md): each folder imports only from folders below it,
 * gramjs stays inside src/account/, grammY stays inside src/bot/ and src/app/, and no product file
 * imports the sandbox (emulators, demo, bench).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

/** Lower layers first. A file may import its own layer or any layer before it. */
const LAYERS: ReadonlyArray<string> = [
  'domain',
  'core',
  'channels',
  'db',
  'account',
  'guard',
  'bot/text',
  'bot/buttons',
  'bot/views',
  'bot/api',
  'bot/deps.ts',
  'bot/delivery',
  'bot/actions',
  'bot/middleware',
  'bot/features',
  'bot',
  'setup',
  'app',
  'main.ts',
];
/** Inside guard/, the doors build on the guard's shared rules, never the other way. */
const SUB_LAYERS: Readonly<Record<string, readonly string[]>> = { guard: ['guard', 'guard/doors'] };

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return filesUnder(full);
    return d.name.endsWith('.ts') ? [full] : [];
  });
}

/** The longest LAYERS entry that holds `rel` (a path relative to src/). */
function layerOf(rel: string): number {
  let best = -1;
  let bestLen = -1;
  LAYERS.forEach((layer, i) => {
    if ((rel === layer || rel.startsWith(`${layer}/`)) && layer.length > bestLen) [best, bestLen] = [i, layer.length];
  });
  return best;
}

function subLayerOf(rel: string): number {
  const top = rel.split('/')[0]!;
  const subs = SUB_LAYERS[top];
  if (!subs) return 0;
  return subs.reduce((best, s, i) => (rel.startsWith(`${s}/`) ? i : best), 0);
}

const imports = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

const product = filesUnder(SRC);

/** Each folder's main file, whose first line says what the folder is for. */
const MAIN_FILES: Readonly<Record<string, string>> = {
  domain: 'session.ts',
  core: 'config.ts',
  channels: 'channel.ts',
  db: 'open-database.ts',
  account: 'telegram-account.ts',
  guard: 'session-risk.ts',
  'guard/doors': 'doors.ts',
  bot: 'create-bot.ts',
  'bot/text': 'i18n.ts',
  'bot/views': 'alert.ts',
  'bot/api': 'telegram-limits.ts',
  'bot/buttons': 'buttons.ts',
  'bot/delivery': 'outbox.ts',
  'bot/actions': 'account-call.ts',
  'bot/middleware': 'callback-path.ts',
  'bot/features': 'help.ts',
  setup: 'cli.ts',
  app: 'start-app.ts',
};

describe('the folder tree', () => {
  it('places every product file in a known layer', () => {
    const unplaced = product.map((f) => path.relative(SRC, f)).filter((rel) => layerOf(rel) < 0);
    expect(unplaced).toEqual([]);
  });

  it('lets no folder import from a folder above it', () => {
    const upward: string[] = [];
    for (const file of product) {
      const rel = path.relative(SRC, file);
      for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
        const resolved = path.resolve(path.dirname(file), spec);
        const target = path.relative(SRC, fs.existsSync(`${resolved}.ts`) ? `${resolved}.ts` : resolved);
        if (target.startsWith('..')) continue; // checked by the sandbox rule below
        const [from, to] = [layerOf(rel), layerOf(target)];
        const sameTop = rel.split('/')[0] === target.split('/')[0];
        if (to > from || (to === from && sameTop && subLayerOf(target) > subLayerOf(rel))) upward.push(`${rel} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps gramjs inside src/account and grammY out of the layers below the bot', () => {
    const leaks: string[] = [];
    for (const file of product) {
      const rel = path.relative(SRC, file);
      for (const spec of imports(file)) {
        if ((spec === 'telegram' || spec.startsWith('telegram/')) && !rel.startsWith('account/')) leaks.push(`${rel}: ${spec}`);
        const belowBot = layerOf(rel) < LAYERS.indexOf('bot/text');
        if ((spec === 'grammy' || spec.startsWith('@grammyjs/')) && belowBot) leaks.push(`${rel}: ${spec}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('never imports the sandbox from product code', () => {
    const sandboxed = product.flatMap((file) =>
      imports(file)
        .filter((s) => s.startsWith('.') && path.resolve(path.dirname(file), s).startsWith(path.join(ROOT, 'sandbox')))
        .map((s) => `${path.relative(SRC, file)}: ${s}`),
    );
    expect(sandboxed).toEqual([]);
  });

  it('names, for each folder, its job in the first line of its main file', () => {
    const folders = product.map((f) => path.relative(SRC, path.dirname(f))).filter((d) => d !== '' && !d.endsWith('migrations'));
    const headless = [...new Set(folders)].filter((dir) => {
      const main = MAIN_FILES[dir];
      return !main || !fs.readFileSync(path.join(SRC, dir, main), 'utf8').startsWith(`// ${dir}/ — `);
    });
    expect(headless).toEqual([]);
  });

  it('gets every text one way: Words from wordsOf or wordsFor, never the localizer\'s t() directly', () => {
    const direct = product
      .filter((f) => path.relative(SRC, f) !== path.join('bot', 'text', 'i18n.ts'))
      .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, line, i })))
      .filter(({ line }) => /\bi18n\.t\(/.test(line))
      .map(({ f, i }) => `${path.relative(SRC, f)}:${i + 1}`);
    expect(direct).toEqual([]);
  });
});

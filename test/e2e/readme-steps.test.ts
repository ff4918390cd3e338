import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import dotenv from 'dotenv';
import { TOTP } from 'otpauth';
import { BotApiEmulator } from '../../sandbox/emulator/botapi';
import { MtprotoEmulator } from '../../sandbox/emulator/mtproto';
import { parseConfig } from '../../src/core/config';
import { updateEnvText } from '../../src/setup/env-file';
import { markdownBlocks, under, type MarkdownBlock } from '../helpers/readme-blocks';
import { scratchPm2 } from '../helpers/scratch-pm2';
import { createScratchRepo, type ScratchRepo } from '../helpers/scratch-repo';
import { runShell, type Answer } from '../helpers/scratch-shell';

/**
 * The README's own commands, run as written: every ```sh block under the headings in STAGES, in a
 * fresh clone, with the emulators standing in for Telegram. A block added under those headings is
 * run without touching this file; a line that cannot run here is in SKIPPED with the reason; every
 * other ```sh block of the README is in NOT_HERE with where it is tested. A README that rots fails.
 */

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/**
 * The sections whose blocks run, in this order (a test each); a block belongs to the innermost of
 * them it sits under. By hand comes last: retiring has cleared the settings and data it starts from.
 */
const STAGES = ['Set it up for your account', 'Update', 'Back up', 'Restore', 'Retire it', 'Setting it up by hand'] as const;
const stageOf = (block: MarkdownBlock): string | undefined => [...block.headings].reverse().find((h) => (STAGES as readonly string[]).includes(h));

/** ```sh blocks elsewhere in the README, by heading: where they are tested instead. */
const NOT_HERE: Record<string, string> = {
  'Try it now (no credentials)': 'the demo, an interactive chat: test/e2e/demo.test.ts plays its tour through runDemo, what npm run demo starts',
  Tests: 'npm test: this suite itself',
};

/** Lines of the run blocks that cannot run here (matched from the start of the line), and why. */
const SKIPPED: Record<string, string> = {
  'pm2 startup': 'writes a systemd unit for boot: needs root and a system this test must not change',
};

const TOKEN = '7000001:AAHreadme-test_token_value';
const API_ID = '1234567';
const API_HASH = '0123456789abcdef0123456789abcdef';
const SELF = { id: 6_100_000_042n, firstName: 'Ada', username: 'ada_owner', phone: '447700900123' };
const OWNER = { id: Number(SELF.id), first_name: SELF.firstName };
const CODE = '24680';

const runBlocks = (stage: string): MarkdownBlock[] => markdownBlocks(README).filter((b) => b.lang === 'sh' && stageOf(b) === stage);

/** The key `npm run setup` showed as text, as the owner types it into an authenticator app. */
function appCode(output: string): string {
  const m = /key ((?:[A-Z2-7]{1,4} ?)+)$/m.exec(output);
  if (!m) throw new Error('setup showed no key');
  return new TOTP({ secret: m[1]!.replace(/ /g, '') }).generate();
}

/** What the owner types into `npm run setup`, question by question (phone login, as on a server without a camera). */
const SETUP_ANSWERS: readonly Answer[] = [
  [/Bot token: $/, TOKEN],
  [/API_ID[^\n]*: $/, API_ID],
  [/API_HASH[^\n]*: $/, API_HASH],
  [/Choose 1 or 2 \[1\]: $/, '2'],
  [/Phone number[^\n]*: $/, '+44 7700 900123'],
  [/Login code: $/, CODE],
  [/Owner id \[[^\n]*\]: $/, ''],
  [/Create a second factor now\? \[Y\/n\] $/, ''],
  [/Code shown in the app now: $/, appCode],
  [/Set up alerts outside Telegram\? \[y\/N\] $/, ''],
];

let scratch: ScratchRepo;
let bot: BotApiEmulator;
let mt: MtprotoEmulator;
let pm2: ReturnType<typeof scratchPm2>;

beforeAll(async () => {
  scratch = createScratchRepo();
  bot = await BotApiEmulator.start({ token: TOKEN });
  mt = await MtprotoEmulator.start({ self: SELF, loginCode: CODE });
  // What an owner with a self-hosted Bot API server puts in .env before setup.
  fs.writeFileSync(path.join(scratch.repo, '.env'), `BOT_API_ROOT=${bot.apiRoot}\n`, { mode: 0o600 });
  pm2 = scratchPm2(scratch.repo, scratch.env);
});

afterAll(async () => {
  pm2?.kill();
  await Promise.allSettled([bot?.stop(), mt?.stop()]);
  scratch?.remove();
});

/** Runs a stage's blocks in order; each must exit 0. Returns everything they printed. */
async function runStage(
  stage: string,
  extraEnv: NodeJS.ProcessEnv = {},
  answers: readonly Answer[] = [],
  /** What the person does after a block, before the next (such as filling in .env). */
  after: (block: MarkdownBlock) => void = () => undefined,
): Promise<string> {
  const blocks = runBlocks(stage);
  let printed = '';
  for (const block of blocks) {
    const script = block.text
      .split('\n')
      .map((line) => (Object.keys(SKIPPED).some((s) => line.trim().startsWith(s)) ? `: skipped by the docs test: ${line.trim()}` : line))
      .join('\n');
    const usesAnswers = /npm run (setup|login)\b/.test(script);
    const run = await runShell(script, {
      cwd: scratch.repo,
      // Only the login gets the emulator's key: pm2 keeps the environment it was started from.
      env: { ...scratch.env, ...(usesAnswers ? extraEnv : {}) },
      answers: usesAnswers ? answers : [],
      // `npm run setup` builds first (tsc, ~10 s alone on 2 cores; more beside the rest of npm test).
      timeoutMs: 120_000,
    });
    printed += run.output;
    if (run.code !== 0 || (usesAnswers && run.unanswered)) {
      throw new Error(`README.md line ${block.line} ("${stage}") exited ${run.code}:\n${block.text}\n--- output ---\n${run.output}`);
    }
    after(block);
  }
  return printed;
}

/**
 * The owner sends /sessions; resolves once the list arrives. Other messages the bot sends meanwhile
 * (a notice at start, say) are passed over; without the list, the error names what came instead.
 */
async function sessionsAnswered(timeoutMs = 30_000): Promise<void> {
  const mark = bot.calls.length;
  bot.injectMessage({ from: OWNER, text: '/sessions' });
  const toOwner = (c: { ok: boolean; params: Record<string, unknown> }): boolean => c.ok && c.params.chat_id === OWNER.id;
  await bot.waitForCall('sendMessage', (c) => toOwner(c) && /Active sessions/.test(String(c.params.text)), { after: mark, timeoutMs }).catch((err: unknown) => {
    const sent = bot.calls.slice(mark).filter((c) => c.method === 'sendMessage' && toOwner(c)).map((c) => String(c.params.text).split('\n')[0]);
    throw new Error(`no session list within ${timeoutMs} ms (${String(err)}); the bot sent the owner: ${JSON.stringify(sent)}`);
  });
}

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;
const dbPath = (): string => path.join(scratch.repo, 'data', 'warden.sqlite');
/** The audit rows of /sessions, each as "id created_at" (ids of deleted rows are used again). */
function auditIds(file = dbPath()): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT id, created_at FROM audit_log WHERE action = 'list' ORDER BY id").all() as { id: number; created_at: string }[];
    return rows.map((r) => `${r.id} ${r.created_at}`);
  } finally {
    db.close();
  }
}

test('every ```sh block of the README is run here or tested elsewhere, and every skip still names a line', () => {
  const blocks = markdownBlocks(README).filter((b) => b.lang === 'sh');
  for (const block of markdownBlocks(README).filter((b) => stageOf(b) !== undefined)) {
    // Under a run heading, a block in another language would silently not run.
    expect({ line: block.line, lang: block.lang }).toEqual({ line: block.line, lang: 'sh' });
  }
  for (const block of blocks) {
    const place = stageOf(block) ?? Object.keys(NOT_HERE).find((h) => under(block, h));
    expect({ line: block.line, headings: block.headings, place }).toEqual({ line: block.line, headings: block.headings, place: expect.any(String) });
  }
  for (const stage of STAGES) expect({ stage, hasBlocks: runBlocks(stage).length > 0 }).toEqual({ stage, hasBlocks: true });
  const runText = STAGES.flatMap(runBlocks).map((b) => b.text).join('\n');
  for (const line of Object.keys(SKIPPED)) expect(runText).toContain(line);
});

test('setup: npm run setup against the emulators, then pm2 keeps it running and the bot answers its owner', async () => {
  const session = await mt.issueAuthKey({ loggedIn: false });
  const printed = await runStage(STAGES[0], scratch.loginTo(session), SETUP_ANSWERS);
  expect(printed).toContain('Setup is complete.');
  for (const secret of [TOKEN, API_HASH, session]) expect(printed).not.toContain(secret);

  const envFile = path.join(scratch.repo, '.env');
  expect(modeOf(envFile)).toBe(0o600);
  expect(dotenv.parse(fs.readFileSync(envFile))).toMatchObject({ BOT_API_ROOT: bot.apiRoot, BOT_TOKEN: TOKEN, OWNER_ID: String(SELF.id) });
  expect(modeOf(path.join(scratch.repo, 'data', 'account.session'))).toBe(0o600);
  expect(mt.isLoggedIn(session)).toBe(true);

  expect(pm2.app()?.status).toBe('online');
  await sessionsAnswered();
  expect(auditIds().length).toBeGreaterThan(0);

  // A reboot, short of `pm2 startup`'s boot unit: pm2 gone, then what that unit runs brings back what `pm2 save` kept.
  expect(pm2.run('kill').status).toBe(0);
  expect(pm2.run('resurrect').status).toBe(0);
  expect(pm2.app()?.status).toBe('online');
  await sessionsAnswered();
}, 180_000);

test('update: git pull, npm install and pm2 restart run the pulled code, with no build step', async () => {
  const marker = `built from the pulled commit ${Date.now()}`;
  scratch.pushUpstream('a release', (dir) => {
    fs.appendFileSync(path.join(dir, 'src', 'main.ts'), `\nprocess.stdout.write(${JSON.stringify(`${JSON.stringify({ msg: marker })}\n`)});\n`);
  });
  const built = path.join(scratch.repo, 'dist', 'src', 'main.js');
  expect(fs.readFileSync(built, 'utf8')).not.toContain(marker);

  await runStage('Update');
  expect(scratch.git('log', '-1', '--format=%s').trim()).toBe('a release');
  // pm2 restarts through scripts/start.js, which rebuilt the out-of-date dist/ before running it.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !pm2.logs().includes(marker)) await new Promise((r) => setTimeout(r, 250));
  expect(pm2.logs()).toContain(marker);
  expect(fs.readFileSync(built, 'utf8')).toContain(marker);
  await sessionsAnswered();
}, 180_000);

test('back up while it runs, then restore: the audit rows from before the backup are back and the bot works', async () => {
  const before = auditIds();
  await runStage('Back up');
  const backup = path.join(scratch.repo, 'backup');
  for (const file of ['warden.sqlite', '.env', 'account.session']) expect(modeOf(path.join(backup, file))).toBe(0o600);
  expect(auditIds(path.join(backup, 'warden.sqlite'))).toEqual(before);

  // Written after the backup: the restore must take it away.
  await sessionsAnswered();
  const after = auditIds();
  expect(after.length).toBeGreaterThan(before.length);

  await runStage('Restore');
  expect(pm2.app()?.status).toBe('online');
  await sessionsAnswered();
  const restored = auditIds();
  expect(restored.slice(0, before.length)).toEqual(before);
  expect(restored).not.toContain(after[after.length - 1]);
  for (const file of ['.env', 'data/account.session', 'data/warden.sqlite']) expect(modeOf(path.join(scratch.repo, file))).toBe(0o600);
}, 120_000);

test('retire: pm2 forgets it, and its settings and data are gone', async () => {
  await runStage('Retire it');
  expect(pm2.app()).toBeUndefined();
  // What pm2 resurrects at boot: nothing.
  expect(pm2.saved()).toEqual([]);
  expect(fs.existsSync(path.join(scratch.repo, '.env'))).toBe(false);
  expect(fs.existsSync(path.join(scratch.repo, 'data'))).toBe(false);
}, 60_000);

test('by hand: the example settings filled in, then npm run login saves the session for npm start', async () => {
  const session = await mt.issueAuthKey({ loggedIn: false });
  const envFile = path.join(scratch.repo, '.env');
  const fillIn = (block: MarkdownBlock): void => {
    if (!block.text.includes('.env.example')) return;
    // The person's edit: the settings the README names, in the lines the example already has.
    const filled = updateEnvText(fs.readFileSync(envFile, 'utf8'), { BOT_TOKEN: TOKEN, API_ID, API_HASH, BOT_API_ROOT: bot.apiRoot });
    fs.writeFileSync(envFile, filled);
  };
  const answers: Answer[] = [
    [/Choose 1 or 2 \[1\]: $/, '2'],
    [/Phone number[^\n]*: $/, '+44 7700 900123'],
    [/Login code: $/, CODE],
  ];
  const printed = await runStage('Setting it up by hand', scratch.loginTo(session), answers, fillIn);
  expect(printed).toContain('Logged in as Ada (@ada_owner)');
  expect(printed).not.toContain(session);
  expect(mt.isLoggedIn(session)).toBe(true);
  expect(modeOf(envFile)).toBe(0o600);
  const sessionFile = path.join(scratch.repo, 'data', 'account.session');
  expect(modeOf(sessionFile)).toBe(0o600);
  // What npm start reads: .env plus that file make a whole configuration.
  const config = parseConfig(dotenv.parse(fs.readFileSync(envFile)), fs.readFileSync(sessionFile, 'utf8'));
  expect(config.ok ? [] : config.problems).toEqual([]);
}, 60_000);

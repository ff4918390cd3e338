/** The process only: reads `.env` and the session file, starts the app, maps failures to exit codes, handles signals. */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { botTokenStartupError, StartupError } from './app/start-failure';
import { RETRY_START_AFTER_MS, startApp, type RunningApp } from './app/start-app';
import { tightenModeWarning } from './core/private-file';
import { describeConfigProblems, DEFAULT_SESSION_FILE, parseConfig, PROJECT_ROOT } from './core/config';
import { createLogger } from './core/log';

export { startApp, StartupError, type RunningApp };

/** Reads `.env` (the environment wins) and `data/account.session`, then starts; exit code 2 on bad config. */
export async function main(): Promise<void> {
  const envFile = path.join(PROJECT_ROOT, '.env');
  // Before anything reads them: a secret file left world-readable is fixed at every start.
  const looseFiles = [envFile, DEFAULT_SESSION_FILE].map(tightenModeWarning).filter((w) => w !== undefined);
  dotenv.config({ path: envFile, quiet: true });
  const sessionFile = fs.existsSync(DEFAULT_SESSION_FILE) ? fs.readFileSync(DEFAULT_SESSION_FILE, 'utf8') : undefined;
  const parsed = parseConfig(process.env, sessionFile);
  if (!parsed.ok) {
    for (const warning of looseFiles) process.stderr.write(`${warning}\n`);
    process.stderr.write(`${describeConfigProblems(parsed.problems)}\n`);
    process.exit(2);
  }
  const log = createLogger(parsed.config.logLevel, undefined, parsed.config.logFormat);
  for (const warning of looseFiles) log.warn(warning);
  let app: RunningApp;
  try {
    // Polling that fails for good exits: 2 for a refused token (pm2 stops), 1 otherwise (pm2 restarts).
    app = await startApp(parsed.config, {
      log,
      onFatal: (err) => {
        const bad = botTokenStartupError(err);
        if (bad) process.stderr.write(`${bad.message}\n`);
        process.exit(bad ? bad.exitCode : 1);
      },
    });
  } catch (caught) {
    const err = botTokenStartupError(caught) ?? caught;
    // One sentence, never a stack: the message names what is wrong and how to fix it.
    process.stderr.write(`${err instanceof StartupError ? err.message : `session-warden could not start: ${String(err)}`}\n`);
    const code = err instanceof StartupError ? err.exitCode : 1;
    // pm2 restarts at once (see ecosystem.config.js): wait here, so a failure that may pass is retried
    // every few seconds rather than in a tight loop that pm2 would end as "errored".
    if (code !== 2) await new Promise((r) => setTimeout(r, RETRY_START_AFTER_MS));
    process.exit(code);
  }
  const shutdown = (signal: string): void => {
    log.info({ signal }, 'shutting down');
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

// Run directly (`node dist/src/main.js`) or through scripts/start.js, pm2's entry, which calls main().
if (require.main === module) void main();

/**
 * The app as production runs it (`node dist/src/main.js`): configuration from the environment, the
 * production logger, startApp. It differs only in talking to the benchmark over IPC: it reports
 * when both halves are ready, its RSS on request, and stops when told. No dotenv here: the
 * benchmark sets every variable, so a developer's .env cannot leak into the figures.
 */
import { parseConfig } from '../../src/core/config';
import { createLogger } from '../../src/core/log';
import { startApp, type RunningApp } from '../../src/app/start-app';
import { memoryReport, TRACE_ENV, type FromChild, type ToChild } from './protocol';
import { startTrace } from './trace';

function send(message: FromChild): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const writeTrace = startTrace(process.env[TRACE_ENV]);
  const parsed = parseConfig(process.env);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const log = createLogger(parsed.config.logLevel);

  const t0 = performance.now();
  const app: RunningApp = await startApp(parsed.config, { log });
  const startMs = performance.now() - t0;

  let stopping = false;
  process.on('message', (raw: ToChild) => {
    if (raw.type === 'rss') {
      send(memoryReport());
    } else if (raw.type === 'stop' && !stopping) {
      stopping = true;
      writeTrace();
      // A graceful stop waits for queued alerts; the benchmark bounds that wait instead of sitting through it.
      void Promise.race([app.stop(), new Promise((r) => setTimeout(r, raw.graceMs))]).finally(() => process.exit(0));
    }
  });
  send({ type: 'ready', startMs, uptimeMs: performance.now() });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});

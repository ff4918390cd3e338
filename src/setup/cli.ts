// setup/ — `npm run setup`: the terminal wizard that writes .env and the companion session.
import { SetupProgress } from './conversation';
import { TerminalIO } from '../core/terminal-io';
import { runSetup } from './wizard';

/**
 * The terminal entry of `npm run setup`. .env is deliberately not loaded into process.env here: the
 * wizard reads it itself, and keeps the shell's own variables apart so it can warn about overrides.
 */
async function main(): Promise<void> {
  const progress = new SetupProgress();
  const io = new TerminalIO(process.stdin, process.stdout, Boolean(process.stdin.isTTY && process.stdout.isTTY), () => {
    // Every file is written whole and synchronously, so stopping between questions leaves nothing half-done.
    process.stdout.write(`\n${progress.cancelMessage()}\n`);
    process.exit(130);
  });
  try {
    process.exitCode = await runSetup({ io, env: process.env, progress });
  } finally {
    io.close();
  }
}

if (require.main === module) void main();

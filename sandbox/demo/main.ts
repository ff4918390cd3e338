import fs from 'node:fs';
import readline from 'node:readline';
import { createLogger, silentLogger, type Logger } from '../../src/core/log';
import { DemoChat, demoHelp } from './chat';
import { startDemoWorld } from './scenario';
import { TOUR } from './tour';

export interface DemoOptions {
  /** Play the scripted tour instead of reading the keyboard. */
  readonly script?: boolean;
  readonly output?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly input?: NodeJS.ReadableStream;
  /** Where the app's own log goes; none by default, so it does not garble the chat. */
  readonly logFile?: string;
  /** How long a scripted step waits for its reply. */
  readonly stepTimeoutMs?: number;
}

const BANNER = [
  'session-warden demo: the real bot and companion client, talking to a local emulation of Telegram.',
  'No credentials are needed and nothing leaves this machine. You are Ada, the account owner, in a chat with the bot.',
];

/** A reply usually follows within milliseconds; the Bot API's per-chat limit can hold one back about a second. */
const REPLY_WAIT_MS = 3000;

/** Runs the demo to the end; resolves with the process exit code. Everything started here is stopped. */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const output = options.output ?? process.stdout;
  const ansi = Boolean(options.output ? options.output.isTTY : process.stdout.isTTY);
  const print = (text: string): void => void output.write(`${text}\n`);
  const log: Logger = options.logFile ? createLogger('debug', fs.createWriteStream(options.logFile, { flags: 'a' })) : silentLogger;

  print(BANNER.join('\n'));
  print('Starting the emulators and session-warden…');
  const world = await startDemoWorld(log);
  const chat = new DemoChat(world, print, ansi);
  try {
    // Start-up messages (if any) belong before the first prompt.
    await chat.waitFor(0, undefined, 300);
    print('');
    return options.script ? await playTour(chat, print, options.stepTimeoutMs ?? 8000) : await converse(chat, print, options);
  } finally {
    chat.close();
    await world.stop();
  }
}

async function playTour(chat: DemoChat, print: (t: string) => void, timeoutMs: number): Promise<number> {
  for (const [i, step] of TOUR.entries()) {
    if (step.note) print(`\n# ${step.note}`);
    const typed = typeof step.input === 'string' ? step.input : step.input(chat);
    if (typed === undefined) {
      print(`✗ step ${i + 1}: the button it presses is not on screen`);
      return 1;
    }
    const button = chat.currentButtons.find((b) => b.key === typed);
    const label = button ? ` (presses [${button.key}: ${button.text}])` : '';
    print(`you> ${typed}${label}`);
    const mark = chat.shown.length;
    chat.handle(typed);
    const ok = await chat.waitFor(mark, step.expect, step.expect ? timeoutMs : 1000, step.mail === true);
    if (!ok && step.expect) {
      print(`✗ step ${i + 1}: no reply matching ${step.expect} within ${timeoutMs / 1000} s`);
      return 1;
    }
    // Trailing messages (an edit after its notice, an alert) print before the next step.
    await chat.waitFor(chat.shown.length, undefined, 150);
  }
  print('\n✓ tour complete');
  return 0;
}

async function converse(chat: DemoChat, print: (t: string) => void, options: DemoOptions): Promise<number> {
  print(demoHelp());
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const terminal = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = readline.createInterface({ input, output, prompt: 'you> ', terminal });
  if (terminal) {
    // Bot messages arrive at any time (alerts); draw them above the line being typed.
    chat.print = (text) => {
      readline.clearLine(output, 0);
      readline.cursorTo(output, 0);
      print(text);
      rl.prompt(true);
    };
  }
  try {
    if (terminal) rl.prompt();
    for await (const line of rl) {
      // Piped input is not echoed by a terminal, so the transcript shows it.
      if (!terminal) print(`you> ${line}`);
      const mark = chat.shown.length;
      const result = chat.handle(line);
      if (result === 'quit') break;
      // Waiting for the reply keeps piped input in step with the bot, and the prompt after the answer.
      if (result === 'sent') await chat.waitFor(mark, undefined, REPLY_WAIT_MS);
      if (terminal) rl.prompt();
    }
  } finally {
    rl.close();
  }
  return 0;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const logAt = args.indexOf('--log');
  const logFile = logAt >= 0 ? args[logAt + 1] : undefined;
  runDemo({ script: args.includes('--script'), ...(logFile ? { logFile } : {}) }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`The demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}

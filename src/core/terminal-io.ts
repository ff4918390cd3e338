import readline from 'node:readline';
import { Writable } from 'node:stream';
import QRCode from 'qrcode';

/** Everything the login and setup commands do with the person in front of them; tests pass a scripted one. */
export interface TerminalPrompts {
  say(text: string): void;
  /** Rejects when the person cancels (Ctrl+C) or the input ends. */
  ask(question: string, options?: { readonly hidden?: boolean }): Promise<string>;
  showQr(url: string): Promise<void>;
}

/**
 * Questions over readline. Answers are queued, so piped input works line by line; hidden answers
 * go through a muted output, so a terminal shows neither the characters nor their count.
 */
export class TerminalIO implements TerminalPrompts {
  private readonly rl: readline.Interface;
  private readonly lines: string[] = [];
  private waiter: { resolve: (line: string) => void; reject: (err: Error) => void } | undefined;
  private closed = false;
  private muted = false;
  private qrLines = 0;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
    private readonly isTTY: boolean,
    /** Ctrl+C while no question is open (during a network check or a QR wait). */
    onInterrupt?: () => void,
  ) {
    const sink = new Writable({
      write: (chunk: Buffer | string, _encoding, callback) => {
        if (!this.muted) this.output.write(chunk);
        callback();
      },
    });
    this.rl = readline.createInterface({ input, output: sink, terminal: isTTY, historySize: 0, prompt: '' });
    this.rl.on('line', (line) => {
      const waiter = this.waiter;
      this.waiter = undefined;
      if (waiter) waiter.resolve(line);
      else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.closed = true;
      this.fail('input closed');
    });
    // In raw mode readline takes Ctrl+C itself instead of letting the process receive SIGINT.
    this.rl.on('SIGINT', () => {
      if (this.waiter) this.fail('interrupted');
      else onInterrupt?.();
    });
  }

  say(text: string): void {
    this.qrLines = 0;
    this.output.write(`${text}\n`);
  }

  async ask(question: string, { hidden = false } = {}): Promise<string> {
    this.qrLines = 0;
    if (!hidden) {
      this.rl.setPrompt(question);
      this.rl.prompt();
      return this.nextLine();
    }
    this.output.write(question);
    this.muted = true;
    try {
      return await this.nextLine();
    } finally {
      this.muted = false;
      if (this.isTTY) this.output.write('\n');
    }
  }

  async showQr(url: string): Promise<void> {
    const drawing = await QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
    const block = drawing.endsWith('\n') ? drawing : `${drawing}\n`;
    // Redraw over the previous code, so a refreshed code replaces it instead of scrolling.
    if (this.isTTY && this.qrLines > 0) this.output.write(`\x1b[${this.qrLines}A\x1b[J`);
    this.output.write(block);
    this.qrLines = block.split('\n').length - 1;
  }

  close(): void {
    this.rl.close();
    // readline resumes its input; paused, stdin no longer keeps the process alive.
    this.input.pause();
  }

  private nextLine(): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.reject(new Error('input closed'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  private fail(reason: string): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(new Error(reason));
  }
}

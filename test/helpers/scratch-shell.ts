import { spawn } from 'node:child_process';

/** A question a command asks, and what the person types: text, or text worked out from what was printed. */
export type Answer = readonly [RegExp, string | ((output: string) => string)];

export interface ShellRun {
  readonly code: number | null;
  /** stdout and stderr as they came; answers are not echoed (the commands read a pipe, not a terminal). */
  readonly output: string;
  /** Answers left unused: a question the script expected was never asked. */
  readonly unanswered: number;
}

/**
 * Runs `script` with `bash -e -o pipefail` in its own process group, answering each question in
 * `answers` (in order) when the output since the last answer matches it. After the last answer the
 * input ends, so a question nobody scripted fails the command at once instead of hanging it.
 */
export function runShell(
  script: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv; answers?: readonly Answer[]; timeoutMs: number },
): Promise<ShellRun> {
  const answers = [...(opts.answers ?? [])];
  const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let from = 0;
  const onData = (d: Buffer): void => {
    output += d.toString();
    const next = answers[0];
    if (!next || !next[0].test(output.slice(from))) return;
    answers.shift();
    from = output.length;
    child.stdin.write(`${typeof next[1] === 'function' ? next[1](output) : next[1]}\n`);
    // Nothing more to type: a question after the last answer ends the input instead of waiting.
    if (!answers.length) child.stdin.end();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.stdin.on('error', () => undefined);
  if (!answers.length) child.stdin.end();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      output += `\n[timed out after ${opts.timeoutMs} ms]`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, opts.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, unanswered: answers.length });
    });
  });
}

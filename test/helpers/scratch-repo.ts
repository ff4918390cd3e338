import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Commits made here are the test's, under a name that says so. */
const GIT_ID = {
  GIT_AUTHOR_NAME: 'docs test',
  GIT_AUTHOR_EMAIL: 'docs-test@localhost',
  GIT_COMMITTER_NAME: 'docs test',
  GIT_COMMITTER_EMAIL: 'docs-test@localhost',
};

/** Tools this machine may have that a fresh server does not: the README must not need them. */
const NOT_ON_A_FRESH_SERVER = ['sqlite3', 'pm2', 'pm2-runtime'];

export interface ScratchRepo {
  /** The folder holding everything; removed by `remove()`. */
  readonly base: string;
  /** Where the owner "cloned" session-warden: every README block runs here. */
  readonly repo: string;
  /** The clone `git pull` reads from; `pushUpstream` adds commits to it. */
  readonly upstream: string;
  /** The owner's home, with pm2's folder (`~/.pm2`) in it. */
  readonly home: string;
  /** A minimal environment for the README's commands: nothing from this machine's settings. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * The environment that makes `npm run setup` or `npm run login` log in at the emulator with this
   * not-yet-logged-in key. Give it only to those commands: pm2 keeps the environment it started from.
   */
  loginTo(session: string): NodeJS.ProcessEnv;
  git(...args: string[]): string;
  /** Commits `edit`'s changes in the upstream clone, as a new release would arrive. */
  pushUpstream(message: string, edit: (dir: string) => void): void;
  remove(): void;
}

/**
 * The project as an owner would have it: an upstream clone of this checkout's HEAD plus whatever is
 * changed but not committed here (so the README on disk is the one tested), and the owner's own
 * clone of that. node_modules is a symlink to this checkout's: `npm install` would reach the network
 * and rebuild better-sqlite3 for tens of seconds, and .ci/run's `npm ci` has installed exactly the
 * lockfile's packages already. A shim stands in for `npm install` and `npm install -g pm2` (see
 * `npmShim`); every other npm command is the real one.
 */
export function createScratchRepo(): ScratchRepo {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'warden-readme-')));
  const upstream = path.join(base, 'upstream');
  const repo = path.join(base, 'session-warden');
  const home = path.join(base, 'home');
  const bin = path.join(base, 'bin');
  fs.mkdirSync(home);
  fs.mkdirSync(bin);
  // No GIT_DIR or the like from a hook that runs the tests, and no one's own git settings.
  const gitEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))), ...GIT_ID, HOME: home };
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv, stdio: ['ignore', 'pipe', 'pipe'] });

  git(base, 'clone', '--quiet', ROOT, upstream);
  overlayWorkingTree(upstream, git, gitEnv);
  git(base, 'clone', '--quiet', upstream, repo);
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(repo, 'node_modules'));

  fs.writeFileSync(path.join(bin, 'npm'), npmShim(bin), { mode: 0o755 });
  for (const tool of NOT_ON_A_FRESH_SERVER) {
    fs.writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "${tool}: command not found (a fresh server does not have it)" >&2\nexit 127\n`, { mode: 0o755 });
  }
  const env: NodeJS.ProcessEnv = {
    PATH: [bin, path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    PM2_HOME: path.join(home, '.pm2'),
    LANG: 'C.UTF-8',
    // npm must not look for its own updates or audit anything over the network.
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  const hook = writeLoginHook(base);
  return {
    base,
    repo,
    upstream,
    home,
    env,
    loginTo: (session) => ({ NODE_OPTIONS: `--require ${hook}`, DOCS_TEST_LOGIN_SESSION: session }),
    git: (...args) => git(repo, ...args),
    pushUpstream(message, edit) {
      edit(upstream);
      git(upstream, 'add', '-A');
      git(upstream, 'commit', '--quiet', '-m', message);
    },
    remove: () => fs.rmSync(base, { recursive: true, force: true }),
  };
}

/** Tracked changes and new files not yet committed in this checkout, committed in the upstream clone. */
function overlayWorkingTree(upstream: string, git: (cwd: string, ...args: string[]) => string, env: NodeJS.ProcessEnv): void {
  const diff = spawnSync('git', ['diff', 'HEAD', '--binary'], { cwd: ROOT, maxBuffer: 64 << 20, env });
  if (diff.stdout.length) execFileSync('git', ['apply', '--whitespace=nowarn'], { cwd: upstream, input: diff.stdout, env });
  const untracked = git(ROOT, 'ls-files', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean);
  for (const file of untracked) {
    fs.mkdirSync(path.dirname(path.join(upstream, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(upstream, file));
  }
  if (git(upstream, 'status', '--porcelain').trim()) {
    git(upstream, 'add', '-A');
    git(upstream, 'commit', '--quiet', '-m', 'the checkout under test, uncommitted changes included');
  }
}

/**
 * `npm install` (no package) finds node_modules already linked and says so; `npm install -g pm2`
 * links the project's own pm2 (a dev dependency, the version the tests run) onto PATH instead of
 * fetching it. Anything else, including `npm run ...`, is the real npm.
 */
function npmShim(bin: string): string {
  const npm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  return `#!/bin/sh
# The docs test's stand-in for the network parts of npm; see test/helpers/scratch-repo.ts.
case "$1" in
  install|i|ci)
    shift
    if [ "$*" = "-g pm2" ] || [ "$*" = "--global pm2" ] || [ "$*" = "pm2 -g" ]; then
      ln -sf "$PWD/node_modules/.bin/pm2" "${bin}/pm2" && echo "(docs test) pm2 linked from node_modules" && exit 0
    fi
    if [ $# -eq 0 ] && [ -d node_modules ]; then echo "(docs test) node_modules is linked from the checkout under test"; exit 0; fi
    echo "(docs test) npm $* is not stood in for: list the line in the docs test or extend the shim" >&2
    exit 1
    ;;
esac
exec "${npm}" "$@"
`;
}

/**
 * gramjs cannot do the key exchange with the emulator, so a login needs a key the emulator issued
 * (runLoginCli's and runSetup's `server` option, which the commands deliberately do not expose: no
 * setting may swap the account's key). This preload hands that key to loginCompanion inside the real
 * `npm run setup` or `npm run login` process; it lives in the scratch folder, outside the product.
 */
function writeLoginHook(dir: string): string {
  const file = path.join(dir, 'login-to-emulator.js');
  fs.writeFileSync(
    file,
    `'use strict';
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain);
  const session = process.env.DOCS_TEST_LOGIN_SESSION;
  if (session && loaded && typeof loaded.loginCompanion === 'function' && !loaded.loginCompanion.toEmulator) {
    const real = loaded.loginCompanion;
    loaded.loginCompanion = (opts) => real({ ...opts, session });
    loaded.loginCompanion.toEmulator = true;
  }
  return loaded;
};
`,
  );
  return file;
}

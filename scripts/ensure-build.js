#!/usr/bin/env node
// Builds dist/ when it is missing or older than src/ or sandbox/, so `npm start`, pm2 and the demo
// never run a build older than the code (a `git pull` without `npm run build` would otherwise keep old code running).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist', 'src', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    const t = item.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

// The demo's entry is checked too: a build from before sandbox/ existed would lack it.
const demoEntry = path.join(root, 'dist', 'sandbox', 'demo', 'main.js');
const newestSource = Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'sandbox')));
const upToDate = fs.existsSync(entry) && fs.existsSync(demoEntry) && fs.statSync(entry).mtimeMs >= newestSource;
if (!upToDate) {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    console.error('session-warden needs building, but TypeScript is not installed: run `npm install` (with dev dependencies) first.');
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves untouched outputs with old mtimes; mark the build as fresh.
  const now = new Date();
  fs.utimesSync(entry, now, now);
}

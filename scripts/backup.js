#!/usr/bin/env node
// `npm run backup [-- <folder>]`: copies what is yours into <folder> (default backup/), readable only
// by you: the database through SQLite's own online backup (safe while session-warden runs; `cp` of a
// database mid-write can copy a torn file), `.env` and data/account.session. Needs nothing but the
// project's own dependencies, so it works where no sqlite3 command is installed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Database = require('better-sqlite3');
const dotenv = require('dotenv');

const root = path.resolve(__dirname, '..');

async function main() {
  // Everything created from here on (the folder, the copies) is the owner's alone.
  process.umask(0o077);
  const envFile = path.join(root, '.env');
  // As `npm start` reads it: .env, with the environment winning.
  const env = { ...(fs.existsSync(envFile) ? dotenv.parse(fs.readFileSync(envFile)) : {}), ...process.env };
  const database = path.resolve(root, env.DATABASE_PATH || path.join('data', 'warden.sqlite'));
  const folder = path.resolve(process.cwd(), process.argv[2] || 'backup');
  if (!fs.existsSync(database)) throw new Error(`there is no database at ${database} (DATABASE_PATH) to back up`);

  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const db = new Database(database, { fileMustExist: true, timeout: 5000 });
  const copy = path.join(folder, path.basename(database));
  try {
    await db.backup(copy);
  } finally {
    db.close();
  }
  const copies = [copy];
  for (const file of [envFile, path.join(root, 'data', 'account.session')]) {
    if (!fs.existsSync(file)) continue;
    const target = path.join(folder, path.basename(file));
    fs.copyFileSync(file, target);
    copies.push(target);
  }
  // Copies over older ones keep their old mode; set every one.
  for (const file of copies) fs.chmodSync(file, 0o600);
  console.log(`Backed up to ${path.relative(process.cwd(), folder) || '.'}: ${copies.map((f) => path.basename(f)).join(', ')} (readable only by you).`);
}

main().catch((err) => {
  console.error(`The backup failed: ${err instanceof Error ? err.message : String(err)}.`);
  process.exit(1);
});

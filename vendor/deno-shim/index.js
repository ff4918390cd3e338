// @ts-check
'use strict';
/**
 * The part of the Deno namespace @grammyjs/i18n (1.1.x) and its bundled Deno std 0.192 call under
 * Node: reading the locales directory (readDir, stat, lstat, realPath, readFile, readTextFile, with
 * their Sync forms), cwd() for path.resolve, and build.os. package.json's "overrides" puts this
 * package where the library expects @deno/shim-deno; the full shim loads 120 modules for the whole
 * Deno API and costs about 6 MB of resident memory for these few calls (measured: README,
 * Dependencies). A call the library makes that is not here fails loudly (TypeError);
 * test/unit/deno-shim.test.ts checks that every Deno member the library names is here, and
 * test/unit/locales.test.ts loads the real locale files through the library.
 */
const fs = require('node:fs');

/** @param {fs.Stats} s Deno.FileInfo's fields the library reads, plus the common ones. */
const fileInfo = (s) => ({
  isFile: s.isFile(),
  isDirectory: s.isDirectory(),
  isSymlink: s.isSymbolicLink(),
  size: s.size,
  mtime: s.mtime,
  atime: s.atime,
  birthtime: s.birthtime,
});
/** @param {fs.Dirent} d */
const dirEntry = (d) => ({ name: d.name, isFile: d.isFile(), isDirectory: d.isDirectory(), isSymlink: d.isSymbolicLink() });

/** @typedef {string | URL} PathLike */
const Deno = {
  build: { os: process.platform === 'win32' ? 'windows' : process.platform },
  cwd: () => process.cwd(),
  /** @param {PathLike} p */
  readTextFile: (p) => fs.promises.readFile(p, 'utf8'),
  /** @param {PathLike} p */
  readTextFileSync: (p) => fs.readFileSync(p, 'utf8'),
  /** @param {PathLike} p */
  readFile: async (p) => new Uint8Array(await fs.promises.readFile(p)),
  /** @param {PathLike} p */
  readFileSync: (p) => new Uint8Array(fs.readFileSync(p)),
  /** @param {PathLike} p */
  readDir: async function* (p) {
    for (const d of await fs.promises.readdir(p, { withFileTypes: true })) yield dirEntry(d);
  },
  /** @param {PathLike} p */
  readDirSync: (p) => fs.readdirSync(p, { withFileTypes: true }).map(dirEntry),
  /** @param {PathLike} p */
  realPath: (p) => fs.promises.realpath(p),
  /** @param {PathLike} p */
  realPathSync: (p) => fs.realpathSync(p),
  /** @param {PathLike} p */
  stat: async (p) => fileInfo(await fs.promises.stat(p)),
  /** @param {PathLike} p */
  statSync: (p) => fileInfo(fs.statSync(p)),
  /** @param {PathLike} p */
  lstat: async (p) => fileInfo(await fs.promises.lstat(p)),
  /** @param {PathLike} p */
  lstatSync: (p) => fileInfo(fs.lstatSync(p)),
};

module.exports = { Deno };

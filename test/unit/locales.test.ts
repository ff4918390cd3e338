import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { createLocalizer, DEFAULT_LOCALE, LOCALES_DIR } from '../../src/bot/text/i18n';
import { COMMANDS } from '../../src/bot/features/help';

/** An in-memory stand-in for the settings table. */
const memorySettings = () => {
  const m = new Map<string, string>();
  return { get: (k: string) => m.get(k), set: (k: string, v: string) => void m.set(k, v) };
};

const files = fs.readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.ftl'));
const locales = files.map((f) => f.replace(/\.ftl$/, ''));
const source = (locale: string): string => fs.readFileSync(path.join(LOCALES_DIR, `${locale}.ftl`), 'utf8');

type Node = unknown;
/** Every variable a pattern uses, however deep (selectors, variants, function arguments). */
function variables(node: Node, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => variables(n, into));
  else if (node && typeof node === 'object') {
    const n = node as { type?: string; name?: string };
    if (n.type === 'var' && n.name) into.add(n.name);
    Object.values(node).forEach((v) => variables(v, into));
  }
  return into;
}

/** message id -> its variables, from the file as @fluent/bundle parses it. */
function messages(locale: string): Map<string, string[]> {
  const resource = new FluentResource(source(locale));
  return new Map(resource.body.filter((m) => !m.id.startsWith('-')).map((m) => [m.id, [...variables(m.value)].sort()]));
}

/** Message ids as written in the file: FluentResource silently drops an entry it cannot parse. */
function idsWritten(locale: string): string[] {
  return [...source(locale).matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1]!);
}

describe('locale files', () => {
  it('include English and Russian', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ru']));
  });

  it.each(locales)('%s parses completely: every message written is a message read', (locale) => {
    expect([...messages(locale).keys()].sort()).toEqual(idsWritten(locale).sort());
    const bundle = new FluentBundle(locale);
    expect(bundle.addResource(new FluentResource(source(locale)))).toEqual([]);
  });

  it.each(locales.filter((l) => l !== DEFAULT_LOCALE))('%s has every English message, with the same variables, and nothing else', (locale) => {
    const en = messages(DEFAULT_LOCALE);
    const other = messages(locale);
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [id, vars] of en) expect({ id, vars: other.get(id) }).toEqual({ id, vars });
  });

  it.each(locales)('%s renders every message without errors, within Telegram limits', (locale) => {
    const bundle = new FluentBundle(locale, { useIsolating: false });
    bundle.addResource(new FluentResource(source(locale)));
    for (const [id, vars] of messages(locale)) {
      const errors: Error[] = [];
      const args = Object.fromEntries(vars.map((v) => [v, v === 'count' || v === 'ended' ? 3 : `<${v}>`]));
      const text = bundle.formatPattern(bundle.getMessage(id)!.value!, args, errors);
      expect({ id, errors }).toEqual({ id, errors: [] });
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(4096);
    }
  });

  it('have a description of 1-256 characters for every command in the menu, in every language', () => {
    const i18n = createLocalizer({ settings: memorySettings() });
    for (const locale of i18n.locales) {
      for (const { command } of COMMANDS) {
        const d = i18n.t(locale, `command-${command}`);
        expect(d).not.toMatch(/^\{.*\}$/);
        expect(d.length).toBeGreaterThanOrEqual(1);
        expect(d.length).toBeLessThanOrEqual(256);
      }
    }
  });
});

describe('Russian plurals', () => {
  const i18n = createLocalizer({ settings: memorySettings() });
  it.each([
    [1, '1 активный сеанс'],
    [2, '2 активных сеанса'],
    [5, '5 активных сеансов'],
    [11, '11 активных сеансов'],
    [21, '21 активный сеанс'],
    [22, '22 активных сеанса'],
  ])('%i: %s', (count, words) => {
    expect(i18n.t('ru', 'sessions-header', { count })).toBe(`<b>${words}</b>`);
  });

  it.each([
    [1, '1 новый вход'],
    [2, '2 новых входа'],
    [5, '5 новых входов'],
    [11, '11 новых входов'],
    [21, '21 новый вход'],
    [22, '22 новых входа'],
  ])('new logins, %i: %s', (count, words) => {
    expect(i18n.t('ru', 'alert-batch-head', { count, ended: 0 })).toContain(`<b>${words} в ваш аккаунт</b>. `);
  });

  it('every count takes the form the Russian rule gives it', () => {
    // one: ends in 1 but not 11; few: ends in 2-4 but not 12-14; many: the rest.
    const form = (n: number) =>
      n % 10 === 1 && n % 100 !== 11 ? 'активный сеанс' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'активных сеанса' : 'активных сеансов';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (count) => {
        expect(i18n.t('ru', 'sessions-header', { count }).replace(/\s/g, ' ')).toMatch(new RegExp(` ${form(count)}</b>$`));
      }),
    );
  });

  it('English has one and other', () => {
    // The /sessions header is "Active sessions: N" in English, which needs no plural.
    expect(i18n.t('en', 'baseline-found', { count: 1 })).toContain('It found 1 other session already');
    expect(i18n.t('en', 'baseline-found', { count: 21 })).toContain('It found 21 other sessions already');
  });
});

describe('the localizer', () => {
  it('inserts variables without invisible isolation marks, so a copied hash stays a number', () => {
    const i18n = createLocalizer({ settings: memorySettings() });
    expect(i18n.t('ru', 'hash-line', { hash: '-9223372036854775808' })).toBe('Хеш: <code>-9223372036854775808</code>');
  });

  it('falls back to English for a message a locale file lacks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locales-'));
    fs.writeFileSync(path.join(dir, 'en.ftl'), 'a = A\nb = B\n');
    fs.writeFileSync(path.join(dir, 'xx.ftl'), 'a = X\n');
    const i18n = createLocalizer({ settings: memorySettings(), directory: dir });
    expect(i18n.locales).toEqual(['en', 'xx']);
    expect(i18n.t('xx', 'a')).toBe('X');
    expect(i18n.t('xx', 'b')).toBe('B');
    expect(i18n.t('de', 'a')).toBe('A');
    // Each language's bundles are matched once and kept: asked again in another order, the same answers.
    for (const [locale, key, text] of [['de', 'b', 'B'], ['xx', 'b', 'B'], ['en', 'a', 'A'], ['xx', 'a', 'X'], ['de', 'a', 'A']] as const) {
      expect(i18n.t(locale, key)).toBe(text);
    }
  });

  it('speaks a supported language for any language_code, and English for every other', () => {
    const settings = memorySettings();
    const i18n = createLocalizer({ settings });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('ru', 'RU', 'ru-RU', 'ru_ua', 'en-GB', 'de', 'uk', 'rus', '')), (code) => {
        const locale = i18n.localeFor({ from: { id: 1, is_bot: false, first_name: 'x', language_code: code } });
        const primary = code.trim().toLowerCase().replace(/_/g, '-').split('-')[0];
        expect(locale).toBe(primary === 'ru' ? 'ru' : 'en');
      }),
    );
  });

  it('a persisted choice wins over language_code; "auto" goes back to it', () => {
    const settings = memorySettings();
    const i18n = createLocalizer({ settings });
    const from = (language_code: string) => ({ from: { id: 1, is_bot: false, first_name: 'x', language_code } });
    i18n.choose('ru');
    expect(i18n.localeFor(from('en'))).toBe('ru');
    expect(createLocalizer({ settings }).localeFor()).toBe('ru');
    i18n.choose(undefined);
    expect(i18n.localeFor(from('en'))).toBe('en');
    expect(i18n.chosen()).toBeUndefined();
  });
});

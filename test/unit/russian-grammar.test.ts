import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { LOCALES_DIR } from '../../src/bot/text/i18n';
import { localDuration } from '../../src/bot/text/locale-time';
import { memoryLocalizer } from '../helpers/localizer';

/**
 * Grammar rules a Russian text must keep whatever the numbers are. Each rule is a kind, checked over
 * every message of locales/ru.ftl or over every count, not one sentence.
 */
const i18n = memoryLocalizer();
const ru = (id: string, vars?: Record<string, string | number>) => i18n.t('ru', id, vars).replace(/\s+/g, ' ');
/** A count as Russian writes it: "1 000" from a thousand on. */
const n = (count: number) => new Intl.NumberFormat('ru').format(count).replace(/\s/g, ' ');
const source = fs.readFileSync(path.join(LOCALES_DIR, 'ru.ftl'), 'utf8');

/** Russian form of a count: one (1, 21, 101…), few (2-4, 22-24…), many (0, 5-20, 25-30…). */
const form = (n: number): 'one' | 'few' | 'many' =>
  n % 10 === 1 && n % 100 !== 11 ? 'one' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'few' : 'many';

describe('Russian durations', () => {
  // localDuration writes "1 минута 15 секунд": nominative. After через / подождать / ждал a duration
  // needs the accusative ("через 1 минуту"), which Intl does not give. So every duration variable sits
  // where the nominative is right: after a colon, or alone in parentheses.
  const DURATIONS = ['wait', 'after', 'uptime', 'age', 'left'];
  const uses = [...source.matchAll(/^([a-z][\w-]*) =([\s\S]*?)(?=^[a-z#][\w-]* =|^#|(?![\s\S]))/gm)].flatMap(([, id, body]) =>
    [...body!.matchAll(/(.{0,2})\{ \$(\w+) \}(.?)/g)].filter((m) => DURATIONS.includes(m[2]!)).map((m) => ({ id, before: m[1]!, after: m[3]! })),
  );

  it('are found in the file (the rule below checks something)', () => {
    expect(uses.length).toBeGreaterThanOrEqual(8);
  });

  it.each(uses.map((u) => [u.id, u] as const))('%s puts its duration after a colon or inside parentheses', (_id, u) => {
    const afterColon = u.before === ': ';
    const parenthesised = u.before.endsWith('(') && u.after === ')';
    expect({ id: u.id, before: u.before, ok: afterColon || parenthesised }).toEqual({ id: u.id, before: u.before, ok: true });
  });

  it('never follow через, подождать or ждал in any rendered duration message', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 86_400 }), (seconds) => {
        const wait = localDuration(seconds, 'ru');
        for (const id of ['failure-too-fresh-at', 'alert-unconfirmed-at', 'guard-unchecked-flood-wait', 'started-late', 'companion-up', 'companion-down']) {
          const text = ru(id, { wait, left: wait, at: '4 дек. 2026 г., 07:05 UTC', since: '07:05' });
          expect(text).not.toMatch(/(через|подождать|ждал[аи]?) \d/);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('Russian counts', () => {
  it('the first-start summary agrees with every count, and says so plainly when there is none', () => {
    expect(ru('baseline-found', { count: 0 })).toContain('Других открытых сеансов нет.');
    expect(ru('baseline-found', { count: 0 })).not.toMatch(/\d/);
    expect(ru('baseline-found', { count: 1 })).toContain('Уже открыт ещё один сеанс.');
    expect(ru('baseline-found', { count: 1 })).toContain('о нём');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10_000 }), (count) => {
        const text = ru('baseline-found', { count });
        const noun = { one: 'сеанс', few: 'сеанса', many: 'сеансов' }[form(count)];
        expect(text).toContain(`ещё ${n(count)} ${noun}.`);
        // "о них": a count of 21 is still many sessions, whatever its grammatical form.
        expect(text).toContain('о них');
        expect(text).toMatch(form(count) === 'one' ? /Уже открыт ещё/ : /Уже открыто ещё/);
      }),
    );
  });

  it('the web-session overflow line agrees with its count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (count) => {
        const ending = { one: `${n(count)} веб-сеанс не поместился`, few: `${n(count)} веб-сеанса не поместились`, many: `${n(count)} веб-сеансов не поместились` }[form(count)];
        expect(ru('web-more', { count })).toBe(`…и ещё ${ending} в одно сообщение.`);
      }),
    );
  });
});

describe('Russian punctuation', () => {
  it('a guard reason that lists differences has one colon, not one per difference', () => {
    const parts = [ru('guard-differs-app', { now: 'A', trusted: 'B' }), ru('guard-differs-platform', { now: 'C', trusted: 'D' })].join(', ');
    const text = ru('guard-model-matched', { device: 'Pixel 8', parts });
    expect(text.split(':').length - 1).toBe(1);
    expect(text).toContain('приложение A вместо B, платформа C вместо D');
  });
});

describe('the first-start summary with no other session', () => {
  it.each(['en', 'ru'])('%s: says so and does not point at a list of none', (locale) => {
    const found = i18n.t(locale, 'baseline-found', { count: 0 });
    const foot = i18n.t(locale, 'baseline-foot', { count: 0 });
    expect(found).not.toMatch(/\d/);
    expect(foot).not.toContain('/sessions');
    expect(i18n.t(locale, 'baseline-foot', { count: 2 })).toContain('/sessions');
  });
});

describe('Russian: what is ended is a session, never a login', () => {
  // «Завершить вход» reads as "complete the login", the opposite of ending it. Telegram's own
  // Russian says «Завершить сеанс»; a вход is only seen, reported or made.
  const bundle = new FluentBundle('ru', { useIsolating: false });
  const resource = new FluentResource(source);
  bundle.addResource(resource);
  const word = '[^\\s.;:!?,()]+';
  const ends = 'заверш[а-яё]*(?![а-яё])(?!\\s+(?:все\\s+)?(?:веб-)?сеанс)';
  const endingALogin = new RegExp(`заверш[а-яё]*\\s+(?:${word}\\s+){0,2}вход|вход[а-яё]*\\s+(?:${word}\\s+){0,3}${ends}`, 'iu');

  // The same through a pronoun: "…этот вход. Если его не завершить…".
  const endingItAfterALogin = /вход[а-яё]*[.,;:]?\s+[^.]*?(?<![а-яё])его\s+(?:не\s+)?заверш/iu;

  it('no message says that a login is ended', () => {
    const args = { count: 3, ended: 3, trusted: 3, days: 3, shortest: 7, active: 2, kept: 1, done: 1, minutes: 5, max: 10 };
    const offending = resource.body
      .filter((m) => !m.id.startsWith('-') && m.value)
      .map((m) => [m.id, bundle.formatPattern(m.value!, args, [])] as const)
      .filter(([, text]) => endingALogin.test(text) || endingItAfterALogin.test(text))
      .map(([id, text]) => `${id}: ${(text.match(endingALogin) ?? text.match(endingItAfterALogin))![0]}`);
    expect(offending).toEqual([]);
  });

  it('the rule catches the wording it forbids', () => {
    for (const bad of ['его следующий вход будет завершён', 'сразу завершать новые входы', 'Telegram завершил вход на всех сайтах']) expect(bad).toMatch(endingALogin);
    expect('Telegram ещё не подтвердил этот вход. Если его не завершить, Telegram подтвердит его сам.').toMatch(endingItAfterALogin);
    for (const good of ['бот видит новые входы и завершает сеансы', 'Был вход в ваш аккаунт, но сеанс уже завершён']) expect(good).not.toMatch(endingALogin);
  });
});

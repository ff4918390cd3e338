// bot/text/ — words: the localizer, counts, fields, HTML escaping, pages and the owner's clock.
import path from 'node:path';
import { I18n } from '@grammyjs/i18n';
import type { Context, MiddlewareFn } from 'grammy';
import { PROJECT_ROOT } from '../../core/config';
import type { Settings } from '../../db/settings';
import type { Logger } from '../../core/log';
import { plainCounts } from './fluent-count';

/** One Fluent file per language, named by its code: `locales/en.ftl`, `locales/ru.ftl`. */
export const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');
/** The default language, and the fallback for any language without a file and any message a file lacks. */
export const DEFAULT_LOCALE = 'en';

/** settings keys: the owner's explicit /language choice ('' = none), and the language_code last seen from them. */
export const CHOSEN_KEY = 'language';
export const SEEN_KEY = 'language_seen';

export type Locale = string;
/** Counts as numbers (Fluent picks plural forms from them); hashes, ids and codes as strings. */
export type TranslationVars = Readonly<Record<string, string | number>>;

export interface LocalizerOptions {
  readonly settings: Pick<Settings, 'get' | 'set'>;
  /** Where the .ftl files are; tests may point elsewhere. */
  readonly directory?: string;
  /** IANA zone for dates and times in messages; 'UTC' unless the owner set TZ. */
  readonly timeZone?: string;
  /** Where missing-message warnings go (never to the owner). */
  readonly log?: Logger;
}

/** Who a view is written for: the texts, and the language to take them in. */
export interface Speech {
  readonly i18n: Pick<Localizer, 't' | 'timeZone'>;
  readonly locale: Locale;
}

/** The owner's language for a reply to `ctx`. */
export const speechFor = (deps: { readonly i18n: Localizer }, ctx: Pick<Context, 'from'>): Speech => ({ i18n: deps.i18n, locale: deps.i18n.localeFor(ctx) });

/** Texts of one language, by message id. */
export type Words = (key: string, vars?: TranslationVars) => string;

/** `t` bound to one language. */
export const wordsOf = (s: { readonly i18n: Pick<Localizer, 't'>; readonly locale: Locale }): Words => (key, vars) => s.i18n.t(s.locale, key, vars);

/**
 * The one way features and actions get their words: `t` in the language of a reply to `ctx`, or,
 * without one, in the owner's remembered language (texts built outside an update: reports, notices,
 * results shared by commands and buttons). Views take a Speech and use wordsOf.
 */
export const wordsFor = (deps: { readonly i18n: Pick<Localizer, 't' | 'localeFor'> }, ctx?: Pick<Context, 'from'>): Words =>
  wordsOf({ i18n: deps.i18n, locale: deps.i18n.localeFor(ctx) });

/** The bot's languages: which one to speak to the owner, and the texts in it. */
export interface Localizer {
  /** Every language with a file, the default first. */
  readonly locales: readonly Locale[];
  readonly timeZone: string;
  /**
   * The language for a text to the owner. The /language choice wins; without one, the
   * language_code of this update (`ctx`) or, outside any update (alerts, outbox notices), of the
   * owner's latest update; any language without a file becomes English.
   */
  localeFor(ctx?: Pick<Context, 'from'>): Locale;
  /**
   * The message `key` in `locale`, from that language's file or else from English. Variables are
   * inserted as they are: escape HTML in any field Telegram or an attacker chose before passing it.
   */
  t(locale: Locale, key: string, vars?: TranslationVars): string;
  /** The supported language for a Telegram language_code ("ru", "ru-RU", "pt_BR"), if there is one. */
  supported(code: string | undefined): Locale | undefined;
  /** The owner's explicit choice, if any (and still supported). */
  chosen(): Locale | undefined;
  /** Persists the owner's choice; `undefined` goes back to following Telegram's language_code. */
  choose(locale: Locale | undefined): void;
  /**
   * Remembers the owner's language_code for texts sent outside an update, and gives `ctx.t`
   * (from @grammyjs/i18n) in the negotiated language. Install after the owner gate: a stranger's
   * language_code must never change what the owner reads.
   */
  middleware(): MiddlewareFn<Context>;
}

/** Loads every .ftl file in the locales directory (synchronously, once) and binds the language choice to settings. */
export function createLocalizer(options: LocalizerOptions): Localizer {
  const { settings, log } = options;
  const i18n = new I18n<Context>({
    defaultLocale: DEFAULT_LOCALE,
    directory: options.directory ?? LOCALES_DIR,
    // Unicode isolation marks around every variable would land inside hashes the owner copies.
    fluentBundleOptions: { useIsolating: false },
    fluentOptions: { warningHandler: (w) => log?.warn({ key: w.path, locales: w.locales }, 'a translation is missing') },
    localeNegotiator: (ctx) => localeFor(ctx),
  });
  const locales = [DEFAULT_LOCALE, ...i18n.locales.filter((l) => l !== DEFAULT_LOCALE).sort()];
  negotiateOnce(i18n);

  const supported = (code: string | undefined): Locale | undefined => {
    if (!code) return undefined;
    const wanted = code.trim().toLowerCase().replace(/_/g, '-');
    return locales.find((l) => l === wanted) ?? locales.find((l) => l === wanted.split('-')[0]);
  };
  const chosen = (): Locale | undefined => supported(settings.get(CHOSEN_KEY));
  const localeFor = (ctx?: Pick<Context, 'from'>): Locale =>
    chosen() ?? supported(ctx?.from?.language_code ?? settings.get(SEEN_KEY)) ?? DEFAULT_LOCALE;

  const translate = i18n.middleware() as unknown as MiddlewareFn<Context>;
  return {
    locales,
    timeZone: options.timeZone ?? 'UTC',
    localeFor,
    // Small counts skip Intl.NumberFormat (fluent-count.ts); the text is the same.
    t: (locale, key, vars) => i18n.t(locale, key, plainCounts(vars) as never),
    supported,
    chosen,
    choose: (locale) => settings.set(CHOSEN_KEY, locale ?? ''),
    middleware: () => async (ctx, next) => {
      const code = ctx.from?.language_code;
      // Only a change is written: the owner's language rarely changes, updates come often.
      if (code && code !== settings.get(SEEN_KEY)) settings.set(SEEN_KEY, code);
      await translate(ctx, next);
    },
  };
}

/**
 * @grammyjs/i18n negotiates languages (@fluent/langneg) on every `t()`: a 200-session list asks for
 * about 1,800 texts, and negotiating was two thirds of their cost (CPU profile of `npm run bench`).
 * The bundles never change once loaded and every locale asked for is one of ours, so each answer is
 * kept. `matchBundles` is the library's own private step; if a later version drops it, nothing
 * changes but the speed (test/unit/locales.test.ts checks the answers stay the same).
 */
function negotiateOnce(i18n: I18n<Context>): void {
  const fluent = i18n.fluent as unknown as { matchBundles?: (locales: string[]) => unknown };
  const match = fluent.matchBundles?.bind(fluent);
  if (!match) return;
  const known = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join('\n');
    if (!known.has(key)) known.set(key, match(locales));
    return known.get(key);
  };
}

// bot/features/ — one Composer per command; help.ts keeps the ordered command list that feeds the menu.
import { Composer, type Api, type Context } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { BotDeps } from '../deps';
import type { Locale, Localizer } from '../text/i18n';

/**
 * The command menu, in the order the owner will want them. Each command's description is the
 * message `command-<name>` in every locale file.
 */
export const COMMANDS: readonly { readonly command: string }[] = [
  { command: 'sessions' },
  { command: 'revoke' },
  { command: 'revokeall' },
  { command: 'status' },
  { command: 'guard' },
  { command: 'trust' },
  { command: 'panic' },
  { command: 'security' },
  { command: 'test' },
  { command: 'codeguard' },
  { command: 'expect' },
  { command: 'bots' },
  { command: 'websessions' },
  { command: 'ttl' },
  { command: 'log' },
  { command: 'language' },
  { command: 'help' },
];

/** The menu in one language, as setMyCommands takes it. */
export function commandMenu(i18n: Localizer, locale: Locale): BotCommand[] {
  return COMMANDS.map(({ command }) => ({ command, description: i18n.t(locale, `command-${command}`) }));
}

/** /help and /start in the owner's language (HTML), naming the time zone the bot's times are in. */
export function helpText(i18n: Localizer, locale: Locale): string {
  return i18n.t(locale, 'help', { timeZone: i18n.timeZone });
}

/**
 * Registers the menu (setMyCommands) for everyone in the default language, and once per other
 * language with its language_code, so Telegram shows each owner the menu in their app's language.
 * Locale files are named by the two-letter code Telegram's language_code uses.
 */
export async function registerCommandMenus(api: Api, i18n: Localizer, ownerId: number): Promise<void> {
  await api.setMyCommands(commandMenu(i18n, i18n.locales[0] ?? 'en'));
  for (const locale of i18n.locales.slice(1)) {
    // language_code takes only a two-letter code; a regional file ("pt-br") gets no menu of its own.
    if (/^[a-z]{2}$/.test(locale)) await api.setMyCommands(commandMenu(i18n, locale), { language_code: locale as LanguageCode });
  }
  await registerOwnerMenu(api, i18n, ownerId);
}

/**
 * The owner's /language choice wins over their app's language, in the menu too: a menu scoped to
 * the owner's chat (setMyCommands, scope chat) takes precedence over the per-language ones, and is
 * removed (deleteMyCommands) when the owner goes back to following Telegram's language.
 */
export async function registerOwnerMenu(api: Api, i18n: Localizer, ownerId: number): Promise<void> {
  const chosen = i18n.chosen();
  const scope = { type: 'chat', chat_id: ownerId } as const;
  if (chosen) await api.setMyCommands(commandMenu(i18n, chosen), { scope });
  else await api.deleteMyCommands({ scope });
}

export function helpFeature(deps: Pick<BotDeps, 'i18n'>): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(['start', 'help'], (ctx) => ctx.reply(helpText(deps.i18n, deps.i18n.localeFor(ctx)), { parse_mode: 'HTML' }));
  return composer;
}

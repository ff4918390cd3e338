// bot/features/ — one Composer per command; help.ts keeps the ordered command list that feeds the menu.
import { Composer, type Api, type Context } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { BotDeps } from '../deps';
import type { Locale, Localizer } from '../text/i18n';
import { parseSessionHash } from '../../domain/session-hash';
import { parseExpectArgument } from './expect';
import { parseTtlArgument } from './ttl';
import { wordsOf } from '../text/i18n';

/**
 * Whether a command changes the account or the guard, and so needs the owner's authenticator code
 * when a second factor is set (features/second-factor.ts). `false`: it only reads, or only draws
 * buttons that ask for the code themselves (buttons.ts). Otherwise `action` is the message id
 * naming the action in the code prompt, and `changes` says which arguments change something
 * (`/guard off` does, `/guard` only shows): anything else is answered, with nothing changed, without a code.
 */
export type CommandCode = false | { readonly action: `code-action-${string}`; readonly changes: (args: string) => boolean };

const onOff = (args: string): boolean => ['on', 'off'].includes(args.trim().toLowerCase());

export interface CommandSpec {
  readonly command: string;
  /** Required, so no command is added without deciding. */
  readonly code: CommandCode;
}

/**
 * The command menu, in the order the owner will want them. Each command's description is the
 * message `command-<name>` in every locale file.
 */
export const COMMANDS: readonly CommandSpec[] = [
  { command: 'sessions', code: false },
  { command: 'revoke', code: { action: 'code-action-revoke', changes: (args) => parseSessionHash(args).ok } },
  // Draws "End all" and "End all except trusted", which ask for the code.
  { command: 'revokeall', code: false },
  { command: 'status', code: false },
  { command: 'guard', code: { action: 'code-action-guard', changes: onOff } },
  // Shows the list; adding and removing are buttons that ask for the code.
  { command: 'trust', code: false },
  // Draws "Lock down", which asks for the code.
  { command: 'panic', code: false },
  { command: 'security', code: false },
  // Sends a test message through each channel: tells the owner, changes nothing.
  { command: 'test', code: false },
  { command: 'codeguard', code: { action: 'code-action-codeguard', changes: onOff } },
  { command: 'expect', code: { action: 'code-action-expect', changes: (args) => parseExpectArgument(args).kind !== 'invalid' } },
  { command: 'bots', code: false },
  { command: 'websessions', code: false },
  { command: 'ttl', code: { action: 'code-action-ttl', changes: (args) => parseTtlArgument(args).kind === 'set' } },
  { command: 'log', code: false },
  { command: 'language', code: false },
  { command: 'help', code: false },
];

/** Commands the bot answers that are not in the menu. */
export const HIDDEN_COMMANDS: readonly CommandSpec[] = [{ command: 'start', code: false }];

/** The menu in one language, as setMyCommands takes it. */
export function commandMenu(i18n: Localizer, locale: Locale): BotCommand[] {
  const t = wordsOf({ i18n, locale });
  return COMMANDS.map(({ command }) => ({ command, description: t(`command-${command}`) }));
}

/**
 * /help and /start in the owner's language (HTML), naming the time zone the bot's times are in.
 * It ends with the second factor: on, or missing, so that anyone logged in to the account can command the guard.
 */
export function helpText(i18n: Localizer, locale: Locale, secondFactor = true): string {
  const t = wordsOf({ i18n, locale });
  return `${t('help', { timeZone: i18n.timeZone })}\n\n${t(secondFactor ? 'second-factor-on' : 'second-factor-missing')}`;
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

export function helpFeature(deps: Pick<BotDeps, 'i18n' | 'secondFactor'>): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command(['start', 'help'], (ctx) =>
    ctx.reply(helpText(deps.i18n, deps.i18n.localeFor(ctx), deps.secondFactor !== undefined), { parse_mode: 'HTML' }),
  );
  return composer;
}

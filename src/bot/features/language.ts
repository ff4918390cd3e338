import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { BotDeps } from '../deps';
import { clip } from '../text/html';
import type { Locale } from '../text/i18n';
import { registerOwnerMenu } from './help';
import { buttonData, buttonPattern, readButton } from '../buttons/buttons';
import { wordsFor, wordsOf } from '../text/i18n';

type Deps = Pick<BotDeps, 'i18n' | 'audit' | 'log' | 'ownerId'>;

/** "auto" (and the button for it) goes back to following the language of the owner's Telegram app. */
const AUTO = 'auto';

/**
 * /language shows one button per locale file (and Automatic); /language ru or /language en sets it
 * directly. The choice is persisted and wins over the app's language, in replies, alerts and the menu.
 */
export function languageFeature(deps: Deps): Composer<Context> {
  const { i18n } = deps;
  const composer = new Composer<Context>();

  const current = (ctx: Context): string => {
    const t = wordsFor({ i18n }, ctx);
    return t(i18n.chosen() ? 'language-source-chosen' : 'language-source-telegram', { name: t('language-name') });
  };

  /** Persists the choice, audits it, re-registers the owner's menu, and says so in the new language. */
  const apply = async (ctx: Context, choice: Locale | undefined): Promise<string> => {
    i18n.choose(choice);
    deps.audit.record({ actorId: ctx.from?.id ?? null, action: 'language', detail: choice ?? AUTO }, 'ok');
    await registerOwnerMenu(ctx.api, i18n, deps.ownerId).catch((err: unknown) => deps.log.warn({ err }, 'could not update the command menu'));
    const t = wordsFor({ i18n }, ctx);
    return choice ? t('language-set') : t('language-set-auto', { current: t('language-name') });
  };

  composer.command('language', async (ctx) => {
    const arg = ctx.match.trim();
    if (arg === '') {
      const keyboard = new InlineKeyboard();
      for (const l of i18n.locales) keyboard.text(wordsOf({ i18n, locale: l })('language-name'), buttonData('lang', l));
      keyboard.row().text(wordsFor({ i18n }, ctx)('language-auto-button'), buttonData('lang', AUTO));
      return void (await ctx.reply(wordsFor({ i18n }, ctx)('language-prompt', { current: current(ctx) }), { reply_markup: keyboard }));
    }
    const choice = arg.toLowerCase() === AUTO ? undefined : i18n.supported(arg);
    if (choice === undefined && arg.toLowerCase() !== AUTO) {
      // Plain text (no parse_mode), so the owner's input needs no escaping, only a length limit.
      const vars = { input: clip(arg, 20), choices: i18n.locales.join('|') };
      return void (await ctx.reply(wordsFor({ i18n }, ctx)('language-unknown', vars)));
    }
    await ctx.reply(await apply(ctx, choice));
  });

  composer.callbackQuery(buttonPattern('lang'), async (ctx) => {
    const data = readButton('lang', ctx.callbackQuery.data) ?? '';
    const choice = data === AUTO ? undefined : i18n.supported(data);
    // The press was already answered (callback-path.ts): an unknown choice is said in the message.
    if (choice === undefined && data !== AUTO) return void (await ctx.editMessageText(wordsFor({ i18n }, ctx)('button-invalid')));
    await ctx.editMessageText(await apply(ctx, choice));
  });

  return composer;
}

import { Composer, InlineKeyboard, type Context } from 'grammy';
import { audited, describeFailure } from '../actions/account-call';
import type { BotDeps } from '../deps';
import { clip, escapeHtml } from '../text/html';
import { showCheckupResult } from './security';
import { wordsFor, type Words } from '../text/i18n';
import { TTL_CHOICES, ttlLabel } from '../views/ttl-label';
import { buttonData, buttonPattern, buttonPrefix, readButton } from '../buttons/buttons';

const ACCEPTED = TTL_CHOICES.map(([d]) => d).join(', ');


export type TtlArgument =
  | { readonly kind: 'show' }
  | { readonly kind: 'set'; readonly days: number }
  /** Not a number of days (`input`, clipped), or a number Telegram does not accept (`days`). */
  | { readonly kind: 'invalid'; readonly input: string; readonly days?: number };

export function parseTtlArgument(input: string): TtlArgument {
  const text = input.trim();
  if (text === '') return { kind: 'show' };
  const m = /^(\d{1,6})\s*(?:d|days?)?$/i.exec(text);
  if (!m) return { kind: 'invalid', input: clip(text, 40) };
  const days = Number(m[1]);
  if (!TTL_CHOICES.some(([d]) => d === days)) return { kind: 'invalid', input: text, days };
  return { kind: 'set', days };
}

/** Why a /ttl argument was refused, and the usage, in `t`'s language. Plain text. */
function refusal(arg: { readonly input: string; readonly days?: number }, t: Words): string {
  if (arg.days !== undefined) {
    return t('ttl-not-accepted', { accepted: ACCEPTED, names: TTL_CHOICES.map(([, l]) => t(l)).join(', '), days: arg.days });
  }
  return t('ttl-not-a-number', { input: arg.input, usage: t('ttl-usage', { accepted: ACCEPTED }) });
}

function ttlView(days: number, t: Words, note?: string): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  for (const [d, label] of TTL_CHOICES) keyboard.text(`${d === days ? '✓ ' : ''}${t(label)}`, buttonData('tt', d));
  const text = [...(note ? [note, ''] : []), t('ttl-view', { period: ttlLabel(days, t) })].join('\n');
  return { text, keyboard };
}

/** Whether the pressed message is the /ttl view, whose buttons are all periods. */
const fromTtlView = (ctx: Context): boolean =>
  (ctx.callbackQuery?.message?.reply_markup?.inline_keyboard ?? []).flat().every((b) => 'callback_data' in b && buttonPrefix(b.callback_data) === 'tt');

/** /ttl [days]: account.getAuthorizations' authorization_ttl_days, changed with account.setAuthorizationTTL. */
export function ttlFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  const setTtl = async (actorId: number, days: number): Promise<{ ok: boolean; text: string }> => {
    try {
      await audited(deps, { actorId, action: 'ttl_set', detail: `${days} days` }, () => deps.account.setSessionTtlDays(days));
      const t = wordsFor(deps);
      return { ok: true, text: t('ttl-done', { period: ttlLabel(days, t) }) };
    } catch (err) {
      return { ok: false, text: await describeFailure(deps, err, 'doing-change-ttl') };
    }
  };

  composer.command('ttl', async (ctx) => {
    const t = wordsFor(deps, ctx);
    const arg = parseTtlArgument(ctx.match);
    if (arg.kind === 'invalid') return void (await ctx.reply(refusal(arg, t)));
    const actorId = ctx.from?.id ?? deps.ownerId;
    if (arg.kind === 'set') {
      const result = await setTtl(actorId, arg.days);
      await ctx.reply(result.text);
      return;
    }
    try {
      const days = await audited(deps, { actorId, action: 'list', detail: 'for /ttl' }, () => deps.account.getSessionTtlDays());
      const view = ttlView(days, t);
      await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-read-ttl'));
    }
  });

  composer.callbackQuery(buttonPattern('tt'), async (ctx) => {
    const t = wordsFor(deps, ctx);
    const arg = parseTtlArgument(String(readButton('tt', ctx.callbackQuery.data) ?? ''));
    if (arg.kind !== 'set') return void (await ctx.reply(t('ttl-button-invalid')));
    const result = await setTtl(ctx.from.id, arg.days);
    // Pressed under another view (/security's "Shorten to 1 week"): the checkup is read again, with the result under it.
    if (!fromTtlView(ctx)) return showCheckupResult(deps, ctx, { ok: result.ok, text: escapeHtml(result.text) });
    if (!result.ok) return void (await ctx.reply(result.text));
    const view = ttlView(arg.days, t, result.text);
    await ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  });

  return composer;
}

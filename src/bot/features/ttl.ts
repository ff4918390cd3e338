import { Composer, InlineKeyboard, type Context } from 'grammy';
import { audited, describeFailure } from '../account-call';
import type { BotDeps } from '../deps';
import { clip, escapeHtml } from '../format/html';
import { addResultLine } from '../take-one-shot';

/** The periods Telegram's own apps offer; the server rejects others (TTL_DAYS_INVALID), so ask nothing else. */
export const TTL_CHOICES: ReadonlyArray<readonly [days: number, label: string]> = [
  [7, '1 week'],
  [30, '1 month'],
  [90, '3 months'],
  [180, '6 months'],
  [365, '1 year'],
];

const ACCEPTED = TTL_CHOICES.map(([d]) => d).join(', ');
const USAGE = `Usage: /ttl to see the current period, or /ttl <days> to change it, where days is one of ${ACCEPTED}. Nothing was changed.`;

export type TtlArgument = { readonly kind: 'show' } | { readonly kind: 'set'; readonly days: number } | { readonly kind: 'invalid'; readonly why: string };

export function parseTtlArgument(input: string): TtlArgument {
  const text = input.trim();
  if (text === '') return { kind: 'show' };
  const m = /^(\d{1,6})\s*(?:d|days?)?$/i.exec(text);
  if (!m) return { kind: 'invalid', why: `"${clip(text, 40)}" is not a number of days. ${USAGE}` };
  const days = Number(m[1]);
  if (!TTL_CHOICES.some(([d]) => d === days)) {
    return {
      kind: 'invalid',
      why: `Telegram accepts only ${ACCEPTED} days (${TTL_CHOICES.map(([, l]) => l).join(', ')}), as its own apps offer; ${days} is not one of them. Nothing was changed.`,
    };
  }
  return { kind: 'set', days };
}

export const ttlLabel = (days: number): string => {
  const choice = TTL_CHOICES.find(([d]) => d === days);
  return choice ? `${days} days (${choice[1]})` : `${days} days`;
};

function ttlView(days: number, note?: string): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  for (const [d, label] of TTL_CHOICES) keyboard.text(`${d === days ? '✓ ' : ''}${label}`, `tt:${d}`);
  const text = [
    ...(note ? [note, ''] : []),
    `<b>Inactive sessions end after ${ttlLabel(days)}.</b>`,
    'Telegram ends a session by itself once it has not been used for this long. A shorter period leaves a forgotten device logged in for less time.',
    'Tap a period to change it.',
  ].join('\n');
  return { text, keyboard };
}

/** Whether the pressed message is the /ttl view, whose buttons are all periods. */
const fromTtlView = (ctx: Context): boolean =>
  (ctx.callbackQuery?.message?.reply_markup?.inline_keyboard ?? []).flat().every((b) => 'callback_data' in b && b.callback_data.startsWith('tt:'));

/** /ttl [days]: account.getAuthorizations' authorization_ttl_days, changed with account.setAuthorizationTTL. */
export function ttlFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  const setTtl = async (actorId: number, days: number): Promise<{ ok: boolean; text: string }> => {
    try {
      await audited(deps, { actorId, action: 'ttl_set', detail: `${days} days` }, () => deps.account.setSessionTtlDays(days));
      return { ok: true, text: `Done: sessions inactive for ${ttlLabel(days)} now end automatically.` };
    } catch (err) {
      return { ok: false, text: await describeFailure(deps, err, 'doing-change-ttl') };
    }
  };

  composer.command('ttl', async (ctx) => {
    const arg = parseTtlArgument(ctx.match);
    if (arg.kind === 'invalid') return void (await ctx.reply(arg.why));
    const actorId = ctx.from?.id ?? deps.ownerId;
    if (arg.kind === 'set') {
      const result = await setTtl(actorId, arg.days);
      await ctx.reply(result.text);
      return;
    }
    try {
      const days = await audited(deps, { actorId, action: 'list', detail: 'for /ttl' }, () => deps.account.getSessionTtlDays());
      const view = ttlView(days);
      await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'doing-read-ttl'));
    }
  });

  composer.callbackQuery(/^tt:(\d{1,3})$/, async (ctx) => {
    const arg = parseTtlArgument(ctx.match[1] ?? '');
    if (arg.kind !== 'set') return void (await ctx.reply('That button is not valid. Send /ttl again.'));
    const result = await setTtl(ctx.from.id, arg.days);
    // Pressed under another view (/security's "Shorten to 1 week"): the result goes under it, whose other buttons still apply.
    if (!fromTtlView(ctx)) return addResultLine(ctx, { ok: result.ok, text: escapeHtml(result.text) });
    if (!result.ok) return void (await ctx.reply(result.text));
    const view = ttlView(arg.days, result.text);
    await ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  });

  return composer;
}

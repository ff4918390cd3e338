import { Composer, InlineKeyboard, type Context } from 'grammy';
import { AccountError } from '../../domain/account-error';
import { parseSessionHash } from '../../domain/session-hash';
import { audited, describeFailure } from '../account-call';
import type { BotDeps } from '../deps';
import { addDisconnectButtons, DISCONNECT_BOT } from '../door-notices';
import { botDetails } from '../format/door-alerts';
import { pressedMessageText, remainingButtons, takeOneShot } from '../take-one-shot';

/**
 * account.updateConnectedBot(deleted) behind the audit log; the owner-facing result line.
 * A bot that is already gone is reported as such, not as a failure.
 */
export async function disconnectBot(deps: BotDeps, actorId: number, botId: bigint, detail: string): Promise<{ ok: boolean; text: string }> {
  try {
    await audited(deps, { actorId, action: 'bot_disconnect', targetHash: botId, detail }, () => deps.account.disconnectBot(botId));
    return { ok: true, text: '✅ Disconnected: the bot can no longer read or answer your chats.' };
  } catch (err) {
    if (err instanceof AccountError && err.code === 'BOT_NOT_CONNECTED') {
      return { ok: true, text: 'That bot is no longer connected: nothing needed doing.' };
    }
    return { ok: false, text: `❌ ${await describeFailure(deps, err, 'Disconnecting the bot')}` };
  }
}

/** /bots: the business bots connected to the account (account.getConnectedBots), each with a Disconnect button. */
export function botsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();

  composer.command('bots', async (ctx) => {
    let bots;
    try {
      bots = await deps.account.listConnectedBots();
    } catch (err) {
      return void (await ctx.reply(await describeFailure(deps, err, 'Reading the connected bots')));
    }
    if (bots.length === 0) {
      return void (await ctx.reply('No business bots are connected to your account: none can read or answer your chats.'));
    }
    const keyboard = addDisconnectButtons(new InlineKeyboard(), deps.doors.oneShots, bots);
    const text = [
      `<b>${bots.length} connected business ${bots.length === 1 ? 'bot' : 'bots'}</b>`,
      ...bots.map((b) => ['', ...botDetails(b)].join('\n')),
      '',
      'A business bot can read the chats it reaches. If you did not connect one, disconnect it.',
    ].join('\n');
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  composer.callbackQuery(/^bd:([\w-]{1,16})$/, async (ctx) => {
    const taken = await takeOneShot(ctx, deps.doors.oneShots, ctx.match[1], DISCONNECT_BOT);
    if (!taken) return;
    const parsed = parseSessionHash(taken.target ?? '');
    if (!parsed.ok) return void (await ctx.answerCallbackQuery({ text: 'This button is not valid. Nothing was changed.' }));
    await ctx.answerCallbackQuery({ text: 'Disconnecting…' });
    const result = await disconnectBot(deps, ctx.from.id, parsed.hash, 'button');
    if (!result.ok) deps.doors.oneShots.release(ctx.match[1] ?? '');
    // The other bots' buttons stay (a /bots list or /security page may hold several); this one goes.
    const rest = result.ok ? remainingButtons(ctx, ctx.callbackQuery.data) : ctx.callbackQuery.message?.reply_markup;
    await ctx.editMessageText(`${pressedMessageText(ctx)}\n\n${result.text}`, {
      parse_mode: 'HTML',
      ...(rest ? { reply_markup: rest } : {}),
    });
  });

  return composer;
}


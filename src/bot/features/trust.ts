import { Composer, InlineKeyboard, type Context } from 'grammy';
import { formatSessionHash, parseSessionHash } from '../../domain/session-hash';
import { describeFingerprint } from '../../guard/fingerprint';
import type { BotDeps } from '../deps';
import { findSession } from '../end-session';
import { clip, escapeHtml } from '../format/html';
import { describeFailure } from '../account-call';

/** /trust: the device fingerprints guard mode leaves alone; add from current sessions, remove. */
export function trustFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const { trusted } = deps.guard;

  const listing = (): { text: string; keyboard: InlineKeyboard } => {
    const devices = trusted.list();
    const keyboard = new InlineKeyboard();
    devices.forEach((d, i) => keyboard.text(`Remove ${i + 1}`, `tx:${d.id}`).row());
    keyboard.text('Add a current session', 'tl');
    const text = devices.length
      ? ['<b>Trusted devices</b> (guard mode never ends their logins):', ...devices.map((d, i) => `${i + 1}. ${escapeHtml(describeFingerprint(d))}`)].join('\n')
      : '<b>No trusted devices yet.</b> With guard mode on, every new login would be ended at once.';
    return { text, keyboard };
  };

  composer.command('trust', async (ctx) => {
    const { text, keyboard } = listing();
    await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  composer.callbackQuery(/^tx:(\d{1,9})$/, async (ctx) => {
    const removed = trusted.remove(Number(ctx.match[1]));
    if (removed) deps.audit.record({ actorId: ctx.from.id, action: 'untrust', detail: `trusted device #${ctx.match[1]}` }, 'ok');
    await ctx.answerCallbackQuery({ text: removed ? 'Removed' : 'Already removed' });
    const { text, keyboard } = listing();
    await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard }).catch(() => undefined);
  });

  composer.callbackQuery('tl', async (ctx) => {
    await ctx.answerCallbackQuery();
    try {
      const sessions = (await deps.account.listSessions()).filter((s) => !s.current && !trusted.isTrusted(s));
      if (sessions.length === 0) return void (await ctx.reply('Every current session is already trusted.'));
      const keyboard = new InlineKeyboard();
      for (const s of sessions.slice(0, 30)) keyboard.text(clip(`${s.deviceModel}, ${s.appName}`, 40), `tr:${formatSessionHash(s.hash)}`).row();
      await ctx.reply('Which session\'s device should guard mode trust?', { reply_markup: keyboard });
    } catch (err) {
      await ctx.reply(await describeFailure(deps, err, 'Listing the sessions'));
    }
  });

  composer.callbackQuery(/^tr:(-?\d{1,19})$/, async (ctx) => {
    const parsed = parseSessionHash(ctx.match[1]);
    const session = parsed.ok ? await findSession(deps, parsed.hash) : undefined;
    if (!session) return void (await ctx.answerCallbackQuery({ text: 'That session is no longer active.' }));
    const added = trusted.add(session);
    deps.doors.seenCountries.note(session, session.country);
    deps.audit.record({ actorId: ctx.from.id, action: 'trust', targetHash: session.hash, detail: describeFingerprint(session) }, added ? 'ok' : 'already_trusted');
    await ctx.answerCallbackQuery({ text: added ? 'Trusted' : 'Already trusted' });
    await ctx.reply(`Trusted: ${escapeHtml(describeFingerprint(session))}. Guard mode will leave its logins alone.`, { parse_mode: 'HTML' });
  });

  return composer;
}

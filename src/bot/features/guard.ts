import { Composer, InlineKeyboard, type Context } from 'grammy';
import { GUARD_SETTING } from '../../guard/login-watcher';
import type { Session } from '../../domain/session';
import { formatSessionHash } from '../../domain/session-hash';
import { trustCandidates } from '../../guard/trust-candidates';
import { describeFailure } from '../account-call';
import { escapeHtml } from '../format/html';
import { describeSession } from '../format/session-card';
import type { BotDeps } from '../deps';
import { plural } from '../format/plural';
import { takeConfirmation } from '../take-confirmation';

/** /guard on|off: when on, every new login from an untrusted device is ended at once. Persisted. */
export function guardFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const { settings, trusted } = deps.guard;

  const turn = (on: boolean, actorId: number, detail?: string): void => {
    settings.setFlag(GUARD_SETTING, on);
    deps.audit.record({ actorId, action: on ? 'guard_on' : 'guard_off', detail: detail ?? null }, 'ok');
  };
  /** The sessions "Trust current sessions" would trust and those it leaves out, as prompt lines. */
  const currentCandidates = async (): Promise<{ trust: readonly Session[]; lines: string[] }> => {
    try {
      const { trust, leftOut } = trustCandidates(await deps.account.listSessions(), deps.now());
      return {
        trust,
        lines: [
          trust.length > 0 ? '\nIt would trust exactly these:' : '\nNo current session can be trusted this way.',
          ...trust.map((s) => `• ${escapeHtml(describeSession(s))}`),
          ...(leftOut.length > 0 ? ['It leaves out, so an intruder cannot slip onto the list:'] : []),
          ...leftOut.map((l) => `• ${escapeHtml(describeSession(l.session))}: ${l.why}`),
        ],
      };
    } catch (err) {
      return { trust: [], lines: [`\n${escapeHtml(await describeFailure(deps, err, 'Reading the sessions'))}`] };
    }
  };
  const onText = (): string =>
    `🛡 Guard mode is <b>on</b>. New logins from devices not on your trusted list (${trusted.list().length}) are ended at once. /trust edits the list.`;

  composer.command('guard', async (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    if (arg === 'off') {
      turn(false, ctx.from!.id);
      return void (await ctx.reply('Guard mode is off. New logins are still reported, but not ended automatically.'));
    }
    if (arg !== 'on') {
      const state = settings.flag(GUARD_SETTING) ? onText() : 'Guard mode is <b>off</b>: new logins are reported, not ended.';
      return void (await ctx.reply(`${state}\nUsage: /guard on or /guard off.`, { parse_mode: 'HTML' }));
    }
    if (trusted.list().length > 0) {
      turn(true, ctx.from!.id);
      return void (await ctx.reply(onText(), { parse_mode: 'HTML' }));
    }
    const candidates = await currentCandidates();
    const id = deps.confirmations.create({ kind: 'guard_on', count: 0, trust: candidates.trust.map((s) => formatSessionHash(s.hash)) });
    const keyboard = new InlineKeyboard();
    keyboard.text('Trust current sessions, turn on', `gt:${id}`).row();
    keyboard.text('Turn on anyway', `go:${id}`).text('Cancel', `gx:${id}`);
    await ctx.reply(
      [
        'You have no trusted devices yet, so guard mode would end <b>every</b> new login, including your own next one. Trust the devices logged in now first?',
        ...candidates.lines,
      ].join('\n'),
      { parse_mode: 'HTML', reply_markup: keyboard },
    );
  });

  composer.callbackQuery(/^g([tox]):([\w-]+)$/, async (ctx) => {
    const [, choice, id] = ctx.match;
    if (choice === 'x') {
      deps.confirmations.cancel(id ?? '');
      return void (await ctx.editMessageText('Guard mode stays off.'));
    }
    const pending = await takeConfirmation(ctx, deps.confirmations, deps.i18n, id, 'guard_on');
    if (!pending) return;
    let added = 0;
    if (choice === 't') {
      try {
        // Only the sessions the prompt listed: one that appeared since cannot slip in.
        const listed = new Set(pending.trust ?? []);
        for (const s of (await deps.account.listSessions()).filter((s) => listed.has(formatSessionHash(s.hash)))) {
          if (trusted.add(s)) added += 1;
          deps.doors.seenCountries.note(s, s.country);
        }
      } catch (err) {
        return void (await ctx.editMessageText(`${await describeFailure(deps, err, 'Reading the sessions')} Guard mode stays off.`));
      }
    }
    turn(true, ctx.from.id, added ? `trusted ${added} current devices first` : 'with no trusted devices');
    await ctx.editMessageText(`${added ? `Trusted ${plural(added, 'current device')}. ` : ''}${onText()}`, { parse_mode: 'HTML' });
  });

  return composer;
}

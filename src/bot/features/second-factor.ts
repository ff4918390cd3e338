import type { Api, Context, MiddlewareFn } from 'grammy';
import type { Update } from 'grammy/types';
import { burnCode, codeIn, codesIn, judgeCode, lockedUntil, type Verdict } from '../../guard/second-factor';
import { parseSessionHash, sessionOf } from '../../domain/session-hash';
import { findSession } from '../actions/end-session';
import { ARGS, BUTTONS, buttonPrefix, isButtonData, readButton, type ButtonSpec } from '../buttons/buttons';
import { describeSession } from '../views/session-card';
import type { BotDeps } from '../deps';
import { clip, escapeHtml } from '../text/html';
import { speechFor, wordsFor, type Words } from '../text/i18n';
import { ownerClock, type Deadline, type DeadlineSide } from '../text/owner-clock';
import { COMMANDS, HIDDEN_COMMANDS, type CommandSpec } from './help';

/** A prompt is told outside Telegram at most this often (ms). */
const TELL_ELSEWHERE_EVERY_MS = 5 * 60_000;

/** How long a code prompt waits for the owner's code. */
export const PROMPT_WAITS_MS = 120_000;
/** The audit action of every step of the second factor; the outcome says which step. Never a code. */
export const SECOND_FACTOR_ACTION = 'second_factor';

/** A protected request: what it is (for the prompt and the audit log) and how to tell a repeat of it. */
interface Request {
  /** The message id naming the action (`code-action-…`). */
  readonly action: string;
  /** What exactly was asked, in the owner's words: the command as typed, or the button's label. HTML-safe. */
  readonly shown: string;
  /** The same, in English, for the audit log. */
  readonly detail: string;
  /** The 6-digit code given as the command's last word, if any; `strip` removes it from the message. */
  readonly code?: string;
  readonly strip?: () => void;
  /** The session it is about, when the request names one by hash: the prompt then names its device. */
  readonly session?: bigint;
  /** Equal for two presses of the same button on the same message. */
  readonly sameAs: string;
  /** The message to answer: the command, or the message the pressed button sits under. */
  readonly replyTo: number | undefined;
}

interface Waiting {
  readonly update: Update;
  readonly request: Request;
  readonly expiresAt: number;
  /** The prompt as sent: its message and first lines, to say under it how it ended. */
  prompt?: { readonly messageId: number; readonly headline: string };
}

const spec = (name: string): CommandSpec | undefined => [...COMMANDS, ...HIDDEN_COMMANDS].find((c) => c.command === name);

/** The command of a message ("/revoke@warden_bot 1 2" → revoke, "1 2"), or undefined. */
function commandOf(ctx: Context): { name: string; args: string; text: string } | undefined {
  const text = ctx.message?.text;
  // As grammY matches commands: a bot_command entity at offset 0 anywhere in the list (a command sent
  // in bold has a bold entity first), so nothing grammY runs as a command gets past here unseen.
  const entity = ctx.message?.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (text === undefined || entity === undefined) return undefined;
  const name = (text.slice(1, entity.length).split('@')[0] ?? '').toLowerCase();
  return { name, args: text.slice(entity.length).trim(), text };
}

/** Whether this update asks for something that needs a code, and what; undefined for reads and for anything unknown. */
function requestOf(ctx: Context): Request | undefined {
  const command = commandOf(ctx);
  if (command) {
    const rule = spec(command.name)?.code;
    if (!rule) return undefined;
    // A code last, as an app shows it ("123456", "123 456", "123-456"), is a code when something comes
    // before it, or when the command changes something without an argument (/expect). Then the
    // request needs it even if the rest is not valid: the code is used up rather than echoed back in
    // a usage message. "/revoke 123456" is a hash.
    const tail = /^(.*?)\s*(?<![\d-])(\d{3})[ -]?(\d{3})$/.exec(command.args);
    const last = tail ? `${tail[2]}${tail[3]}` : undefined;
    const rest = tail?.[1]?.trim() ?? '';
    const hasCode = tail !== null && (rest !== '' || rule.changes(''));
    const args = hasCode ? rest : command.args;
    if (!hasCode && !rule.changes(args)) return undefined;
    const revoked = command.name === 'revoke' ? parseSessionHash(args) : undefined;
    const typed = `/${command.name}${args ? ` ${args}` : ''}`;
    const message = ctx.message!;
    return {
      action: rule.action,
      shown: `<code>${escapeHtml(clip(typed, 80))}</code>`,
      detail: clip(typed, 80),
      sameAs: `command:${typed}`,
      ...(revoked?.ok ? { session: revoked.hash } : {}),
      replyTo: message.message_id,
      ...(hasCode
        ? {
            code: last,
            // The features read the command's argument from the text; the code is not part of it.
            strip: () => void ((message as { text: string }).text = `/${command.name}${rest ? ` ${rest}` : ''}`),
          }
        : {}),
    };
  }
  const query = ctx.callbackQuery;
  // Data no button draws is refused by the callback path; it asks for no code.
  const prefix = query?.data === undefined || !isButtonData(query.data) ? undefined : buttonPrefix(query.data);
  const action = prefix === undefined ? false : BUTTONS[prefix].code;
  if (!query || !action) return undefined;
  // A button whose argument is a hash ("ee:-123") names a session: the prompt shows its device.
  const named = (BUTTONS[prefix!] as ButtonSpec).arg === ARGS.HASH ? readButton(prefix!, query.data) : undefined;
  const hash = sessionOf(typeof named === 'bigint' ? named : undefined);
  const label = (query.message?.reply_markup?.inline_keyboard ?? []).flat().find((b) => 'callback_data' in b && b.callback_data === query.data)?.text ?? '';
  return {
    action,
    shown: label ? `“${escapeHtml(clip(label, 60))}”` : '',
    detail: `button ${prefix}${label ? ` "${clip(label, 60)}"` : ''}`,
    sameAs: `button:${query.message?.chat.id}:${query.message?.message_id}:${query.data}`,
    ...(hash.ok ? { session: hash.hash } : {}),
    replyTo: query.message?.message_id,
  };
}

/**
 * The one gate in front of every action that changes the account or the guard. What needs a code is
 * declared in two tables, each entry required to say: `COMMANDS[].code` (help.ts) and
 * `BUTTONS[].code` (buttons.ts). With a secret set:
 *
 * - a protected command or press opens a prompt naming it; the owner's next message of 6 digits
 *   (spaces allowed) performs it once, by handing the held update to the bot again (`replay`). A
 *   command may carry the code as its last word instead;
 * - a second protected request while one waits cancels both and warns the owner;
 * - wrong codes and replays count toward a lockout (guard/second-factor.ts), during which protected
 *   requests are refused at once and no prompt opens. Reads, guard mode and alerts never pass here;
 * - every message holding a code is deleted (deleteMessage) where Telegram lets the bot;
 * - every step is audited as `second_factor` with its outcome; never the code or the secret.
 *
 * Strangers never get here: the owner gate before it drops their updates, codes included.
 * Without a secret it lets everything through, as before.
 */
export function secondFactorGate(deps: BotDeps, api: Api, replay: (update: Update) => Promise<void>): MiddlewareFn<Context> {
  const factor = deps.secondFactor;
  if (!factor) return (_ctx, next) => next();
  const replaying = new WeakSet<Update>();
  let waiting: Waiting | undefined;
  let lastToldElsewhere = -Infinity;

  const audit = (outcome: string, detail: string | null): void => {
    deps.audit.record({ actorId: deps.ownerId, action: SECOND_FACTOR_ACTION, detail }, outcome);
  };
  const deadline = (ctx: Context, ms: number, side: DeadlineSide = 'by'): Deadline => ownerClock(deps.i18n.localeFor(ctx), deps.i18n.timeZone).until(ms / 1000, factor.now(), side);
  const toast = async (ctx: Context, t: Words, key: string): Promise<void> => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t(key) }).catch((err: unknown) => deps.log.warn({ err }, 'could not answer a button press'));
  };
  const reply = (ctx: Context, text: string): Promise<unknown> => ctx.reply(text, { parse_mode: 'HTML' });

  /**
   * Stops waiting, and says under the prompt how it ended (`key`), so an old prompt never looks as
   * if it still waits. The edit is its own call and may fail (the prompt deleted): that changes nothing.
   */
  const close = async (t: Words, key: string): Promise<void> => {
    const prompt = waiting?.prompt;
    waiting = undefined;
    if (!prompt) return;
    await api
      .editMessageText(deps.ownerId, prompt.messageId, `${prompt.headline}\n\n${t(key)}`, { parse_mode: 'HTML' })
      .catch((err: unknown) => deps.log.info({ err }, 'could not mark a code prompt as closed'));
  };

  /** The lockout told in the chat, and as an alert on every channel. */
  const lockout = async (ctx: Context, t: Words, until: number): Promise<void> => {
    await close(t, 'code-prompt-closed');
    audit('locked', `until ${new Date(until).toISOString()}`);
    const when = deadline(ctx, until, 'from');
    factor.notify({ kind: 'second_factor_locked', text: t('code-locked-alert', when), key: `second_factor_locked:${until}` });
    await reply(ctx, t('code-locked', when));
  };

  /** A refused code: counted, said plainly, and a lockout when it was the 5th. */
  const refused = async (ctx: Context, t: Words, verdict: Exclude<Verdict, { kind: 'accepted' }>, stillWaiting: Waiting | undefined): Promise<void> => {
    if (verdict.kind === 'locked') return lockout(ctx, t, verdict.lockedUntil);
    audit(verdict.kind, stillWaiting?.request.detail ?? null);
    if (verdict.lockedUntil !== undefined) return lockout(ctx, t, verdict.lockedUntil);
    const why = t(verdict.kind === 'replayed' ? 'code-replayed' : 'code-wrong');
    const then = stillWaiting ? t('code-still-waiting', deadline(ctx, stillWaiting.expiresAt)) : t('code-send-again');
    await reply(ctx, `${why} ${then}`);
  };

  /** Updates whose message holding a code was deleted already: deleted once, never twice. */
  const deleted = new WeakSet<Update>();
  const deleteCode = async (ctx: Context): Promise<void> => {
    if (deleted.has(ctx.update)) return;
    deleted.add(ctx.update);
    await ctx.deleteMessage().catch((err: unknown) => deps.log.info({ err }, 'could not delete the message holding a code'));
  };

  /** Updates whose codes were judged; every other code seen in an owner message is used up (burn). */
  const judged = new WeakSet<Update>();
  let judging: Update | undefined;

  const judge = (code: string): Verdict => {
    if (judging) judged.add(judging);
    const verdict = judgeCode(factor.states.load(), code, factor.now(), factor.totp);
    // Saved before anything acts, so a crash can never let the same step act twice.
    factor.states.save(verdict.state);
    return verdict;
  };

  /** A message of 6 digits: the answer to the waiting prompt, if one waits. */
  const answer = async (ctx: Context, code: string): Promise<void> => {
    const t = wordsFor(deps, ctx);
    await deleteCode(ctx);
    const now = factor.now();
    if (waiting && waiting.expiresAt <= now) {
      audit('expired', waiting.request.detail);
      await close(t, 'code-prompt-closed');
      return void (await reply(ctx, t('code-expired')));
    }
    if (!waiting) return void (await reply(ctx, t('code-nothing-waiting')));
    // A code sent as a reply to another prompt answers that one, which no longer waits.
    const repliedTo = ctx.message?.reply_to_message?.message_id;
    if (repliedTo !== undefined && waiting.prompt && repliedTo !== waiting.prompt.messageId && repliedTo !== waiting.request.replyTo) {
      return void (await reply(ctx, t('code-not-this-prompt')));
    }
    const held = waiting;
    const verdict = judge(code);
    if (verdict.kind !== 'accepted') return refused(ctx, t, verdict, held);
    audit('accepted', held.request.detail);
    await close(t, 'code-prompt-accepted');
    replaying.add(held.update);
    await replay(held.update);
  };

  /**
   * Uses up every code in an owner message that was not judged, whatever path the message took (an
   * expired prompt, two requests at once, a lockout, /panic or a typo'd command with a code last, an
   * edit, a caption), and deletes a message that held a live one: whoever reads the chat must never
   * find a code still good to spend.
   */
  const burnStray = async (ctx: Context): Promise<void> => {
    const msg = ctx.msg;
    const text = msg?.text ?? msg?.caption;
    if (!msg || text === undefined || judged.has(ctx.update)) return;
    const codes = codesIn(text);
    if (codes.length === 0) return;
    const before = factor.states.load();
    const after = codes.reduce((state, code) => burnCode(state, code, factor.now(), factor.totp), before);
    if (after === before) return;
    factor.states.save(after);
    audit('burned', null);
    await deleteCode(ctx);
  };

  return async (ctx, next) => {
    judging = ctx.update;
    try {
      return await gate(ctx, next);
    } finally {
      judging = undefined;
      await burnStray(ctx);
    }
  };

  async function gate(ctx: Context, next: () => Promise<void>): Promise<void> {
    if (!factor) return next(); // narrowed again: a function declaration does not keep the narrowing above
    if (replaying.has(ctx.update)) {
      replaying.delete(ctx.update);
      // The press was answered when the prompt opened; a query can be answered only once.
      if (ctx.callbackQuery) ctx.answerCallbackQuery = async () => true;
      return next();
    }
    const text = ctx.message?.text;
    const code = text === undefined ? undefined : codeIn(text);
    if (code !== undefined) return answer(ctx, code);
    const request = requestOf(ctx);
    if (!request) return next();

    const t = wordsFor(deps, ctx);
    const now = factor.now();
    const locked = lockedUntil(factor.states.load(), now);
    if (locked !== undefined) {
      audit('refused_locked', request.detail);
      if (request.code !== undefined) await deleteCode(ctx);
      await toast(ctx, t, 'code-toast-locked');
      return void (await reply(ctx, t('code-locked', deadline(ctx, locked, 'from'))));
    }
    // A prompt that expired unanswered is marked so before another opens: an old prompt must never look open.
    if (waiting && waiting.expiresAt <= now) {
      audit('expired', waiting.request.detail);
      await close(t, 'code-prompt-closed');
    }
    if (waiting && waiting.expiresAt > now) {
      // The same button tapped twice is one request, not two.
      if (waiting.request.sameAs === request.sameAs && ctx.callbackQuery) return toast(ctx, t, 'code-toast-asked');
      audit('cancelled', `two requests at once: ${waiting.request.detail}; ${request.detail}`);
      await close(t, 'code-prompt-closed');
      if (request.code !== undefined) await deleteCode(ctx);
      await toast(ctx, t, 'code-toast-cancelled');
      return void (await reply(ctx, t('code-two-requests')));
    }
    if (request.code !== undefined) {
      await deleteCode(ctx);
      const verdict = judge(request.code);
      if (verdict.kind !== 'accepted') return refused(ctx, t, verdict, undefined);
      audit('accepted', request.detail);
      request.strip?.();
      return next();
    }
    const held: Waiting = { update: ctx.update, request, expiresAt: now + PROMPT_WAITS_MS };
    waiting = held;
    audit('asked', request.detail);
    await toast(ctx, t, 'code-toast-asked');
    const session = request.session === undefined ? undefined : await findSession(deps, request.session);
    const headline = [
      t('code-prompt', { action: t(request.action) }),
      ...(session ? [escapeHtml(describeSession(session, speechFor(deps, ctx)))] : []),
      ...(request.shown ? [request.shown] : []),
    ].join('\n');
    const sent = await ctx.reply([headline, '', t('code-prompt-how'), t('code-prompt-not-you')].join('\n'), {
      parse_mode: 'HTML',
      ...(request.replyTo !== undefined ? { reply_parameters: { message_id: request.replyTo, allow_sending_without_reply: true } } : {}),
    });
    held.prompt = { messageId: sent.message_id, headline };
    // At most one such message every few minutes: prompts opened in a loop must not use up the owner's mail or push quota.
    if (now - lastToldElsewhere >= TELL_ELSEWHERE_EVERY_MS) {
      lastToldElsewhere = now;
      factor.elsewhere?.({ kind: 'second_factor_asked', text: [headline, '', t('code-prompt-elsewhere')].join('\n'), key: `second_factor_asked:${now}` });
    }
  }
}

import { GrammyError } from 'grammy';
import { blockedReason } from '../../src/bot/delivery/outbox';
import { botBlockedMessage } from '../../src/bot/views/out-of-band';
import { memoryLocalizer } from '../helpers/localizer';

const refusal = (code: number, description: string): GrammyError =>
  new GrammyError(`Call to 'sendMessage' failed! (${code}: ${description})`, { ok: false, error_code: code, description }, 'sendMessage', {});

/** Telegram's own descriptions of a chat that refuses the bot, and what the owner is told each one means. */
describe('why the owner\'s chat refuses the bot', () => {
  it.each([
    [403, 'Forbidden: bot was blocked by the user', 'blocked'],
    [403, 'Forbidden: user is deactivated', 'deactivated'],
    [403, "Forbidden: bot can't initiate conversation with a user", 'not_started'],
    [400, 'Bad Request: chat not found', 'chat_not_found'],
  ] as const)('%i %s → %s', (code, description, reason) => {
    expect(blockedReason(refusal(code, description))).toBe(reason);
  });

  it.each(['not_started', 'chat_not_found'] as const)('%s: tells an owner who never pressed Start to press it, not that someone blocked the bot', (reason) => {
    const speech = { i18n: memoryLocalizer(), locale: 'en' };
    const m = botBlockedMessage(reason, Date.UTC(2026, 0, 1), { speech, account: '1', nowMs: Date.UTC(2026, 0, 1) });
    expect(m.text).toMatch(/press Start/);
    expect(m.text).not.toMatch(/silenced the bot/);
  });
});

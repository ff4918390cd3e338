import { silentLogger } from '../../src/core/log';
import { fitOutgoing, telegramLimits, visibleText } from '../../src/bot/api/telegram-limits';

type Prev = Parameters<ReturnType<typeof telegramLimits>>[0];

describe('the last step before Telegram', () => {
  it('turns 400 "message is not modified" into success, and leaves other errors alone', async () => {
    const guard = telegramLimits(silentLogger);
    const notModified = (async () => ({ ok: false, error_code: 400, description: 'Bad Request: message is not modified: specified new message content' })) as unknown as Prev;
    const tooOld = (async () => ({ ok: false, error_code: 400, description: 'Bad Request: query is too old' })) as unknown as Prev;
    const payload = { chat_id: 1, message_id: 2, text: 'x' } as never;
    await expect(guard(notModified, 'editMessageText', payload)).resolves.toEqual({ ok: true, result: true });
    await expect(guard(tooOld, 'answerCallbackQuery', payload)).resolves.toMatchObject({ ok: false });
  });

  it('sends a text too long after entity parsing as plain text within 4096 characters, keeping its buttons', () => {
    const text = `<b>${'&lt;'.repeat(5000)}</b>`;
    const markup = { inline_keyboard: [[{ text: 'Remove 1', callback_data: 'tx:1' }]] };
    const { payload, problems } = fitOutgoing('sendMessage', { chat_id: 1, text, parse_mode: 'HTML', reply_markup: markup });
    expect(problems).toEqual(['text of 5000 characters']);
    expect(payload.parse_mode).toBeUndefined();
    expect(String(payload.text).length).toBeLessThanOrEqual(4096);
    expect(payload.reply_markup).toEqual(markup);
  });

  it('counts what Telegram shows: a 4,000-character text with markup and entities passes untouched', () => {
    const text = `<b>${'&amp;'.repeat(4000)}</b>`;
    expect(visibleText(text, 'HTML')).toHaveLength(4000);
    expect(fitOutgoing('sendMessage', { text, parse_mode: 'HTML' }).problems).toEqual([]);
  });

  it('drops a button whose callback_data is over 64 bytes and cleans labels', () => {
    const markup = { inline_keyboard: [[{ text: 'a\nb', callback_data: 'ok' }, { text: 'x', callback_data: 'y'.repeat(65) }]] };
    const { payload, problems } = fitOutgoing('editMessageText', { text: 't', reply_markup: markup });
    expect(payload.reply_markup).toEqual({ inline_keyboard: [[{ text: 'a⏎b', callback_data: 'ok' }]] });
    expect(problems).toEqual(['callback_data over 64 bytes']);
  });
});

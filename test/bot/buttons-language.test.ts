import { BotError, Context } from 'grammy';
import type { Update } from 'grammy/types';
import { errorBoundary } from '../../src/bot/middleware/error-boundary';
import { silentLogger } from '../../src/core/log';
import { memoryLocalizer } from '../helpers/localizer';
import { botHarness, OWNER_ID } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession } from '../helpers/fake-account';

type Harness = ReturnType<typeof botHarness>;

const answers = (h: Harness): string[] => h.sent('answerCallbackQuery').map((c) => String(c.payload.text ?? ''));

const world = () => botHarness(new FakeAccount([companionSession(), makeSession({ hash: 10n, deviceModel: 'Pixel 8', unconfirmed: true })]));

describe('buttons and their results speak the owner\'s language', () => {
  it('/trust, its buttons and its results in Russian', async () => {
    const h = world();
    h.speaks('ru');
    await h.send('/trust');
    expect(h.lastText()).toContain('Доверенных устройств пока нет.');
    expect(h.lastButtons().map((b) => b.text)).toEqual(['Добавить из текущих сеансов']);
    await h.press('tl');
    expect(h.lastText()).toBe('Устройство какого сеанса добавить в доверенные?');
    await h.press('tr:10');
    // An unconfirmed login is not trusted without the flag shown first (asked again, in Russian).
    expect(h.lastText()).toMatch(/^⚠️ Pixel 8 .*: ещё не подтверждён Telegram\./);
    expect(h.lastButtons().map((b) => b.text)).toEqual(['Это моё, доверять']);
    await h.press('tf:10');
    expect(h.lastText()).toMatch(/^Добавлено в доверенные: Pixel 8 .*Режим охраны не будет завершать его сеансы\.$/);
    expect(answers(h)).toContain('Добавляю в доверенные…');
    await h.send('/trust');
    expect(h.lastText()).toContain('<b>Доверенные устройства: 1</b>');
    expect(h.lastButtons().map((b) => b.text)).toContain('Удалить 1');
    // The audit log stays English whatever the owner reads.
    expect(h.auditRows('trust').at(-1)?.detail).toMatch(/^Pixel 8 \(/);
  });

  it('"It\'s me" confirms in Russian and offers trust with Russian buttons; "End it" answers in Russian', async () => {
    const h = world();
    h.speaks('ru');
    await h.press('ok:10');
    expect(h.lastText()).toContain('✅ Подтверждено: Telegram теперь считает этот вход вашим.');
    expect(h.lastText()).not.toMatch(/Confirmed|Trust /);
    const buttons = h.lastButtons().map((b) => b.data);
    expect(buttons).toEqual(['tr:10', 'tn:10']);
    await h.press('tn:10');
    expect(h.lastText()).toContain('Это ваш вход. Устройство не в списке доверенных');
    const g = world();
    g.speaks('ru');
    await g.press('ee:10');
    expect(answers(g)).toEqual(['Завершаю…']);
  });

  it('an owner whose app speaks German gets the English answers', async () => {
    const h = world();
    h.speaks('de');
    await h.press('ee:10');
    expect(answers(h)).toEqual(['Ending it…']);
    await h.send('/trust');
    expect(h.lastText()).toContain('<b>No trusted devices yet.</b>');
  });

  it('the error boundary tells a Russian owner in Russian, quoting the cause as it is', async () => {
    const h = world();
    const boundary = errorBoundary(silentLogger, OWNER_ID, memoryLocalizer());
    const update = { update_id: 1, message: { message_id: 1, date: 0, from: { id: OWNER_ID, is_bot: false, first_name: 'x', language_code: 'ru' }, chat: { id: OWNER_ID, type: 'private' }, text: '/sessions' } };
    await boundary(new BotError(new Error('boom'), new Context(update as unknown as Update, h.bot.api, h.bot.botInfo)));
    expect(h.lastText()).toBe('Что-то пошло не так (Error: boom). Подробности — в журнале.');
  });

  it('a failed confirmation names what failed in a Russian sentence', async () => {
    const h = world();
    h.speaks('ru');
    h.account.failNext('confirm', { kind: 'other' }, 'AUTH_RESTART');
    await h.press('ok:10');
    expect(h.lastText()).toContain('❌ Не удалось подтвердить вход: Telegram ответил AUTH_RESTART.');
  });
});

import { doorAlertText } from '../../src/bot/views/door-alerts';
import { storageNotice } from '../../src/bot/delivery/storage-notices';
import { companionDownNotice } from '../../src/bot/views/companion-notice';
import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, TEST_NOW_MS } from '../helpers/fake-account';
import { memoryLocalizer } from '../helpers/localizer';

const RU = { i18n: memoryLocalizer(), locale: 'ru' };
const bot = { botId: 7n, username: 'reader_bot', name: 'Reader', canReply: true, recipients: { existingChats: true, newChats: true, contacts: false, nonContacts: false, excludeSelected: false, users: 2 } };

describe('the other doors speak the owner\'s language', () => {
  it('/security, /ttl, /codeguard, /expect and /bots in Russian', async () => {
    const account = new FakeAccount([companionSession(), makeSession({ hash: 10n })]);
    account.connectedBots = [bot];
    const h = botHarness(account);
    h.speaks('ru');
    await h.send('/security');
    expect(h.lastText()).toMatch(/^<b>Проверка безопасности<\/b>/);
    expect(h.lastText()).toContain('Неактивные сеансы завершаются через 180 дней');
    expect(h.lastButtons().map((b) => b.text)).toEqual(['Отключить @reader_bot', 'Сократить срок: 1 неделя', 'Включить защиту кодов']);
    await h.send('/ttl');
    expect(h.lastText()).toContain('<b>Неактивные сеансы завершаются через 180 дней (6 месяцев).</b>');
    await h.send('/ttl 8');
    expect(h.lastText()).toMatch(/^Telegram принимает только 7, 30, 90, 180, 365 дней \(1 неделя, 1 месяц, 3 месяца, 6 месяцев, 1 год\)/);
    await h.send('/codeguard on');
    expect(h.lastText()).toContain('Защита кодов <b>включена</b>');
    await h.send('/expect 5');
    expect(h.lastText()).toMatch(/^🔓 Окно входа открыто до .+ UTC \(осталось: 5 минут\)\./);
    await h.send('/expect abc');
    expect(h.lastText()).toBe('«abc» — это не число минут. Как пользоваться: /expect [минуты] (по умолчанию 10, не больше 60) или /expect off. Ничего не изменено.');
    await h.send('/bots');
    expect(h.lastText()).toContain('Доступ: все существующие чаты, новые чаты и 2 выбранных чата.');
  });

  it('/panic in Russian: the prompt, its button, and the report', async () => {
    const h = botHarness(new FakeAccount([companionSession(), makeSession({ hash: 10n })]));
    h.speaks('ru');
    await h.send('/panic');
    expect(h.lastText()).toMatch(/^🚨 <b>Закрыть доступ к аккаунту\?<\/b>/);
    expect(h.lastButtons().map((b) => b.text)).toEqual(['Закрыть доступ', 'Отмена']);
    await h.press(h.lastButtons()[0]!.data);
    const report = h.lastText();
    expect(report).toContain('<b>Экстренная защита: что сделано</b>');
    expect(report).toContain('✅ Все остальные сеансы завершены');
    // No trusted device: guard mode would end the owner's next login, so the first step says to turn it off first.
    expect(report).toContain('Сначала отправьте здесь /guard off, затем снова войдите на своём телефоне');
    expect(report).not.toMatch(/Guard mode|Ended every/);
  });

  it('door alerts and notices are written in the owner\'s language', () => {
    expect(doorAlertText({ kind: 'password_off' }, TEST_NOW_MS, RU)).toMatch(/^🚨🚨 <b>Облачный пароль отключён<\/b>/);
    expect(doorAlertText({ kind: 'bot_connected', bot }, TEST_NOW_MS, RU)).toContain('Бот: @reader_bot (Reader)\nМожет <b>читать и отвечать</b> от вашего имени.');
    expect(doorAlertText({ kind: 'code_requested', messageId: 1, date: TEST_NOW_MS / 1000 - 120, outcome: { kind: 'invalidated' } }, TEST_NOW_MS, RU)).toMatch(/Telegram отправил его в ваши приложения 2 минуты назад\./);
    const down = storageNotice({ kind: 'down', pending: 0, problem: { code: 'SQLITE_FULL', kind: 'full', reason: 'x', fix: 'y' } }, TEST_NOW_MS, RU).text;
    expect(down).toContain('<b>Не удаётся записывать в журнал действий</b>: диск с базой данных заполнен (SQLITE_FULL).');
    expect(down).toContain('Что сделать:\nОсвободите место на этом диске.');
    expect(companionDownNotice(TEST_NOW_MS - 90_000, TEST_NOW_MS, RU).text).toMatch(/^⚠️ Компаньон не может связаться с Telegram с .+ \(1 минута 30 секунд\)\./);
  });
});

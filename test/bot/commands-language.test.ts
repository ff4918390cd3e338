import { botHarness } from '../helpers/bot-harness';
import { companionSession, FakeAccount, makeSession, makeWebSession } from '../helpers/fake-account';

const DAY = 86_400;
const world = () => {
  const old = Math.floor(Date.now() / 1000) - 30 * DAY;
  const account = new FakeAccount([companionSession({ dateCreated: old }), makeSession({ hash: 10n, deviceModel: 'Pixel 8' }), makeSession({ hash: 11n, deviceModel: 'iPad' })]);
  account.webSessions = [makeWebSession({ hash: 5n, domain: 'example.org' })];
  return botHarness(account);
};

describe('commands speak the owner\'s language', () => {
  it('/status in Russian, with its dates and durations', async () => {
    const h = world();
    h.speaks('ru');
    await h.send('/status');
    const text = h.lastText();
    expect(text).toContain('<b>Состояние session-warden</b>');
    expect(text).toContain('Компаньон: ✅ подключён');
    expect(text).toContain('Режим охраны: выключен; 0 доверенных устройств');
    expect(text).toMatch(/Время работы: 1 час/);
    expect(text).not.toMatch(/Guard mode|Uptime|Companion:/);
  });

  it('/revokeall in Russian, with the plural of сеанс on the prompt and the button', async () => {
    const h = world();
    h.speaks('ru');
    await h.send('/revokeall');
    expect(h.lastText()).toContain('<b>Завершить 2 сеанса?</b>');
    expect(h.lastButtons().map((b) => b.text)).toEqual(['Завершить 2 сеанса', 'Отмена']);
    await h.press(h.lastButtons()[1]!.data);
    expect(h.lastText()).toBe('Отменено. Ни один сеанс не завершён.');
  });

  it('/guard in Russian: the state, the prompt without trusted devices, and why sessions are left out', async () => {
    const h = world();
    h.speaks('ru');
    await h.send('/guard');
    expect(h.lastText()).toContain('Режим охраны <b>выключен</b>');
    await h.send('/guard on');
    expect(h.lastText()).toContain('Доверенных устройств пока нет');
    expect(h.lastButtons().map((b) => b.text)).toEqual(['Доверять текущим и включить', 'Всё равно включить', 'Отмена']);
    await h.press(h.lastButtons()[0]!.data);
    expect(h.lastText()).toMatch(/Добавлено в доверенные 2 текущих устройства\. 🛡 Режим охраны <b>включён<\/b>/);
  });

  it('/websessions in Russian, and "End all" with its plural', async () => {
    const h = world();
    h.speaks('ru');
    await h.send('/websessions');
    expect(h.lastText()).toContain('<b>Веб-сеансы: 1</b>');
    expect(h.lastText()).toContain('Хеш: <code>5</code>');
    expect(h.lastButtons().map((b) => b.text)).toContain('Завершить все веб-сеансы');
    await h.press('wa');
    expect(h.lastText()).toContain('<b>Завершить 1 веб-сеанс?</b>');
  });

  it('/log in Russian: the frame is translated, the stored rows stay as written', async () => {
    const h = world();
    h.speaks('ru');
    await h.send('/log');
    expect(h.lastText()).toContain('В журнале пока нет ни действий, ни оповещений.');
    await h.send('/log x');
    expect(h.lastText()).toMatch(/^Как пользоваться: \/log \[n\]/);
    await h.send('/revoke 10');
    await h.send('/log');
    expect(h.lastText()).toMatch(/^<b>Последние записи журнала: 1<\/b>, сначала новые:\n✅ .* · <b>revoke<\/b> <code>10<\/code> · ok/);
  });

  it('an owner whose app speaks German gets English', async () => {
    const h = world();
    h.speaks('de');
    await h.send('/status');
    expect(h.lastText()).toContain('Guard mode: off, 0 trusted devices');
    await h.send('/revokeall');
    expect(h.lastText()).toContain('<b>End 2 sessions?</b>');
  });
});

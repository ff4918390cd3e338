import { STRANGER, startWorld, type World } from '../helpers/world';

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const now = (): number => Math.floor(Date.now() / 1000);
const LAPTOP = { deviceModel: 'My Laptop', officialApp: true, country: 'Netherlands', dateCreated: now() - 10 * 86_400 };

describe('e2e: trust that cannot be slipped past', () => {
  it('"Trust current sessions, turn on" lists exactly whom it trusts, leaves out pending, unconfirmed and fresh logins, and says so', async () => {
    w = await startWorld({
      sessions: [
        { hash: 11n, ...LAPTOP },
        { hash: 12n, deviceModel: 'Half Login', passwordPending: true, dateCreated: now() - 5 * 86_400 },
        { hash: 13n, deviceModel: 'Unconfirmed Phone', unconfirmed: true, dateCreated: now() - 5 * 86_400 },
        { hash: 14n, deviceModel: 'Fresh Tablet', dateCreated: now() - 3600 },
      ],
    });
    const prompt = await w.ask('/guard on');
    const [trustPart, leftPart] = prompt.split('It leaves out');
    expect(trustPart).toMatch(/It would trust exactly these:\n• My Laptop/);
    expect(trustPart).not.toMatch(/Half Login|Unconfirmed Phone|Fresh Tablet/);
    expect(leftPart).toMatch(/Half Login.*password_pending/);
    expect(leftPart).toMatch(/Unconfirmed Phone.*not confirmed by Telegram yet/);
    expect(leftPart).toMatch(/Fresh Tablet.*less than 24 hours ago/);
    const message = w.last();
    const gt = w.buttons(message).find((b) => b.text === 'Trust current sessions, turn on')!;
    // A login that appears after the prompt is not on its list, however old it claims to be.
    w.mt.addSession({ hash: 15n, deviceModel: 'Slipped In', dateCreated: now() - 30 * 86_400 });

    w.press(gt.data, message.message_id, STRANGER);
    await w.ask('/help');
    expect(await w.ask('/guard')).toMatch(/Guard mode is <b>off<\/b>/);

    const first = w.press(gt.data, message.message_id);
    const second = w.press(gt.data, message.message_id);
    const edit = await w.next(first.mark, 'editMessageText');
    expect(String(edit.params.text)).toMatch(/Trusted 1 current device\./);
    const answer = await w.next(first.mark, 'answerCallbackQuery', (c) => c.params.callback_query_id === second.id);
    expect(String(answer.params.text)).toMatch(/Already done/);
    const list = await w.ask('/trust');
    expect(list).toMatch(/My Laptop/);
    expect(list).not.toMatch(/Slipped In|Half Login|Unconfirmed Phone|Fresh Tablet/);
  });
});

describe('e2e: risk flags', () => {
  it('alerts mark a trusted device logging in from a new country and an unofficial app; /sessions marks idle and unofficial sessions', async () => {
    w = await startWorld({
      sessions: [
        { hash: 11n, ...LAPTOP },
        { hash: 16n, deviceModel: 'Dusty PC', officialApp: true, dateActive: now() - 45 * 86_400 },
      ],
    });
    await w.ask('/guard on');
    const message = w.last();
    let p = w.press(w.buttons(message).find((b) => b.text === 'Trust current sessions, turn on')!.data, message.message_id);
    await w.next(p.mark, 'editMessageText');
    expect(await w.ask('/guard off')).toMatch(/Guard mode is off/);

    const mark = w.botApi.calls.length;
    // The same device name, but from a client that is not one of Telegram's own apps.
    w.mt.addSession({ hash: 17n, deviceModel: 'My Laptop', country: 'Nigeria', region: '', unconfirmed: true, officialApp: false });
    w.mt.pushNewAuthorization({ hash: 17n, device: 'My Laptop', location: 'Nigeria', unconfirmed: true }, { addSession: false });
    const detailed = await w.next(mark, 'editMessageText', (c) => /App: /.test(String(c.params.text)), 5000);
    const text = String(detailed.params.text);
    expect(text).toMatch(/🚩 .*trusted device, new country: Nigeria/);
    expect(text).toMatch(/🚩 .*unofficial app \(api_id 6\)/);

    // The same device from the country it was trusted in carries no country flag.
    const mark2 = w.botApi.calls.length;
    w.mt.pushNewAuthorization({ hash: 18n, device: 'My Laptop', location: 'Netherlands', unconfirmed: true });
    const home = String((await w.next(mark2, 'editMessageText', (c) => String(c.params.text).includes('<code>18</code>') && /App: /.test(String(c.params.text)), 5000)).params.text);
    expect(home).not.toMatch(/new country/);

    p = { mark: w.say('/sessions'), id: '' };
    const sessions = String((await w.next(p.mark)).params.text);
    expect(sessions).toMatch(/Dusty PC[\s\S]*🚩 idle for 45 days/);
  });
});

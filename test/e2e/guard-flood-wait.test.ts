import { startWorld, type World } from '../helpers/world';

const PHONE = { deviceModel: 'My Phone', apiId: 6, appName: 'Telegram Android', platform: 'Android' };
const AGAIN = 2n ** 61n + 99n;

let w: World;
afterEach(async () => {
  expect(w.rejectedCalls()).toEqual([]);
  await w.stop();
});

const isAlert = (c: { params: Record<string, unknown> }) => String(c.params.text).startsWith('🚨');

/**
 * Guard mode fails closed when the trusted list cannot be read: the login is ended, but the owner is
 * told exactly why (the list could not be checked, how long Telegram asked to wait), never that the
 * device "is not on your trusted list", which would be a guess.
 */
test('account.getAuthorizations answering FLOOD_WAIT_300: ended to be safe, and the alert says why', async () => {
  w = await startWorld({ sessions: [{ hash: 1n, ...PHONE }] });
  await w.ask('/guard on');
  const offer = w.last();
  const p = w.press(w.buttons(offer).find((b) => b.text.startsWith('Trust current'))!.data, offer.message_id);
  await w.next(p.mark, 'editMessageText');

  w.mt.injectError('account.getAuthorizations', { code: 420, message: 'FLOOD_WAIT_300', persistent: true });
  const mark = w.botApi.calls.length;
  w.mt.addSession({ hash: AGAIN, ...PHONE });
  w.mt.pushNewAuthorization({ hash: AGAIN, unconfirmed: true, device: 'My Phone', location: 'Home' }, { addSession: false });
  const alert = String((await w.next(mark, 'sendMessage', isAlert, 5000)).params.text);

  expect(alert).not.toMatch(/not on your trusted list/);
  expect(alert).toMatch(/could not check the trusted list: Telegram asked to wait 5 min; ended it to be safe/);
  // The push's own device name is shown, so the owner can tell it was probably their phone.
  expect(alert).toContain('My Phone');
  expect(w.mt.callsOf('account.resetAuthorization').map((c) => c.args.hash)).toEqual([AGAIN]);
  expect(w.auditRows('auto_end')).toEqual([expect.objectContaining({ target_hash: AGAIN.toString(), outcome: 'ok' })]);
}, 30_000);

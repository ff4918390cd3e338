import { Bot, GrammyError, HttpError, InlineKeyboard } from 'grammy';
import { BotApiEmulator } from '../../sandbox/emulator/botapi';

interface ApiBody {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

const USER = { id: 4242, first_name: 'Alice', username: 'alice' };

async function call(emu: BotApiEmulator, method: string, params: Record<string, unknown> = {}): Promise<{ status: number; body: ApiBody }> {
  const res = await fetch(`${emu.apiRoot}/bot${emu.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as ApiBody };
}

async function expectError(p: Promise<{ status: number; body: ApiBody }>, status: number, description: string | RegExp): Promise<void> {
  const { status: got, body } = await p;
  expect(got).toBe(status);
  expect(body.ok).toBe(false);
  expect(body.error_code).toBe(status);
  if (typeof description === 'string') expect(body.description).toBe(description);
  else expect(body.description).toMatch(description);
}

/**
 * Starts real long polling; resolves once setup is done. The polling promise is
 * boxed because an async function would otherwise wait for it to settle.
 */
async function startPolling(bot: Bot): Promise<{ done: Promise<void> }> {
  let done!: Promise<void>;
  await new Promise<void>((resolve, reject) => {
    done = bot.start({ onStart: () => resolve() });
    done.catch(reject);
  });
  return { done };
}

describe('BotApiEmulator with the real grammY client', () => {
  let emu: BotApiEmulator;
  let bot: Bot;
  let running: { done: Promise<void> } | undefined;

  beforeEach(async () => {
    emu = await BotApiEmulator.start({ callbackAnswerDeadlineMs: 300 });
    bot = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
    running = undefined;
  });

  afterEach(async () => {
    if (running !== undefined) {
      await bot.stop();
      await running.done;
    }
    await emu.stop();
  });

  it('answers getMe with the configured bot', async () => {
    await bot.init();
    expect(bot.botInfo).toMatchObject({ id: 123456, is_bot: true, username: 'warden_test_bot' });
    expect(emu.calls[0]).toMatchObject({ method: 'getMe', ok: true, status: 200 });
  });

  it('delivers an injected command to bot.command, records the reply, and handles callbacks', async () => {
    bot.command('start', (ctx) =>
      ctx.reply('<b>Sessions</b> &amp; logins', {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('End all', 'end:all'),
      }),
    );
    bot.callbackQuery('end:all', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Done' });
      await ctx.editMessageText('Ended <i>all</i>', { parse_mode: 'HTML' });
    });
    running = await startPolling(bot);

    const update = emu.injectMessage({ from: USER, text: '/start' });
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);

    const sent = await emu.waitForCall('sendMessage', (c) => c.ok);
    expect(sent.params).toMatchObject({ chat_id: USER.id, parse_mode: 'HTML' });
    expect(sent.result).toMatchObject({
      message_id: 2, // the user's /start took id 1 in the same private chat
      from: { id: 123456, is_bot: true },
      chat: { id: USER.id, type: 'private', first_name: 'Alice' },
      text: 'Sessions & logins',
      entities: [{ type: 'bold', offset: 0, length: 8 }],
      reply_markup: { inline_keyboard: [[{ text: 'End all', callback_data: 'end:all' }]] },
    });

    const mark = emu.calls.length;
    const { callbackQueryId } = emu.injectCallback({ from: USER, messageId: 2, data: 'end:all' });
    await emu.waitForCall('editMessageText', (c) => c.ok, { after: mark });
    expect(emu.callbackAnswers).toEqual([expect.objectContaining({ id: callbackQueryId, text: 'Done', show_alert: false })]);
    const last = emu.lastMessage(USER.id);
    expect(last).toMatchObject({ message_id: 2, text: 'Ended all', entities: [{ type: 'italic', offset: 6, length: 3 }] });
    expect(last?.reply_markup).toBeUndefined(); // editing without reply_markup drops the keyboard
    expect(last?.history).toHaveLength(1);
  });

  it('stops cleanly: the final confirming getUpdates is not a conflict', async () => {
    let handled!: () => void;
    const seen = new Promise<void>((resolve) => (handled = resolve));
    bot.on('message', () => handled());
    running = await startPolling(bot);
    emu.injectMessage({ from: USER, text: 'hello' });
    await seen;
    // stop while the next long poll is held, so grammY has to abort it
    while (!emu.longPollPending) await new Promise((r) => setTimeout(r, 5));
    await bot.stop();
    await running.done;
    running = undefined;
    const polls = emu.calls.filter((c) => c.method === 'getUpdates');
    expect(polls.some((c) => c.status === 409)).toBe(false);
    // the poll grammY aborted is logged as abandoned by the client
    await emu.waitForCall('getUpdates', (c) => c.status === 499, 1000);
    expect(emu.stats.conflicts).toBe(0);
    // the stop call confirmed the delivered update
    expect(emu.pendingUpdates).toHaveLength(0);
  });

  it('terminates the older of two polling bots with a 409 GrammyError', async () => {
    running = await startPolling(bot);
    while (!emu.longPollPending) await new Promise((r) => setTimeout(r, 5));
    const older = running.done.catch((e: unknown) => e);
    running = undefined;
    const second = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
    const secondRun = await startPolling(second);
    const err = await older;
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(409);
    await second.stop();
    await secondRun.done;
  });

  it('surfaces 429 with retry_after as GrammyError parameters', async () => {
    emu.injectMessage({ from: USER, text: 'hi' });
    emu.failNext('sendMessage', { kind: 'flood', retryAfter: 7 });
    const err = await bot.api.sendMessage(USER.id, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(429);
    expect((err as GrammyError).description).toBe('Too Many Requests: retry after 7');
    expect((err as GrammyError).parameters.retry_after).toBe(7);
    expect(emu.stats.floods).toBe(1);
    await expect(bot.api.sendMessage(USER.id, 'x')).resolves.toMatchObject({ text: 'x' });
  });

  it('serves 500 as JSON and 502 as an HTML gateway page', async () => {
    emu.injectMessage({ from: USER, text: 'hi' });
    emu.failNext('sendMessage', { kind: 'server' });
    emu.failNext('sendMessage', { kind: 'server', status: 502 });
    const e500 = await bot.api.sendMessage(USER.id, 'x').catch((e: unknown) => e);
    expect(e500).toBeInstanceOf(GrammyError);
    expect((e500 as GrammyError).error_code).toBe(500);
    expect((e500 as GrammyError).description).toBe('Internal Server Error');
    const e502 = await bot.api.sendMessage(USER.id, 'x').catch((e: unknown) => e);
    expect(e502).toBeInstanceOf(HttpError);
    expect(emu.calls.map((c) => c.status)).toEqual([500, 502]);
    expect(emu.stats.serverErrors).toBe(2);
    expect(emu.messages(USER.id)).toHaveLength(0);
  });

  it('applies setDelay per method', async () => {
    emu.injectMessage({ from: USER, text: 'hi' });
    emu.setDelay(150, 'sendMessage');
    const t0 = Date.now();
    await bot.api.sendMessage(USER.id, 'slow');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    emu.setDelay(0, 'sendMessage');
    await bot.api.getMe();
  });
});

describe('BotApiEmulator validation over raw HTTP', () => {
  let emu: BotApiEmulator;

  beforeEach(async () => {
    emu = await BotApiEmulator.start({ callbackAnswerDeadlineMs: 150 });
    emu.injectMessage({ from: USER, text: 'hi' });
  });
  afterEach(() => emu.stop());

  it('rejects a wrong token with 401 and an unknown method with 404', async () => {
    const res = await fetch(`${emu.apiRoot}/bot1:wrong/getMe`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
    await expectError(call(emu, 'getMee'), 404, 'Not Found');
  });

  it('accepts query strings and urlencoded forms, and method names in any case', async () => {
    const q = await fetch(`${emu.apiRoot}/bot${emu.token}/sendmessage?chat_id=${USER.id}&text=via%20query`);
    expect(((await q.json()) as ApiBody).result).toMatchObject({ text: 'via query' });
    const form = await fetch(`${emu.apiRoot}/bot${emu.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        chat_id: String(USER.id),
        text: '<b>form</b>',
        parse_mode: 'HTML',
        reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }),
      }).toString(),
    });
    expect(((await form.json()) as ApiBody).result).toMatchObject({
      text: 'form',
      entities: [{ type: 'bold', offset: 0, length: 4 }],
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
  });

  it('reports HTML parse errors with the server wording and byte offsets', async () => {
    const send = (text: string) => call(emu, 'sendMessage', { chat_id: USER.id, text, parse_mode: 'HTML' });
    await expectError(send('<foo>x</foo>'), 400, 'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 0');
    await expectError(send('ключ <b>x'), 400, 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"');
    await expectError(send('ok</b>'), 400, "Bad Request: can't parse entities: Unexpected end tag at byte offset 2");
    await expectError(send('é <b'), 400, "Bad Request: can't parse entities: Unclosed start tag at byte offset 3");
    await expectError(
      send('<b>x</i>'),
      400,
      'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"',
    );
    await expectError(send('1 < 2'), 400, /^Bad Request: can't parse entities: Unsupported start tag "" at byte offset 2$/);
    await expectError(send('AT&T'), 400, /^Bad Request: can't parse entities: .* at byte offset 2$/);
    await expectError(send('<span>x</span>'), 400, /^Bad Request: can't parse entities: Tag "span" must have class "tg-spoiler"/);
    await expectError(call(emu, 'sendMessage', { chat_id: USER.id, text: '*x*', parse_mode: 'MarkdownV2' }), 400, /^Bad Request: unsupported parse_mode/);
  });

  it('parses every supported tag into Bot API entities', async () => {
    const html =
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
      '<span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler><a href="https://example.com">l</a><code>c</code>' +
      '<pre><code class="language-ts">t</code></pre><pre>r</pre><blockquote>b</blockquote><blockquote expandable>x</blockquote>' +
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &lt;&gt;&quot;&#65;&#x42;';
    const { body } = await call(emu, 'sendMessage', { chat_id: USER.id, text: html, parse_mode: 'HTML' });
    const result = body.result as { text: string; entities: Array<Record<string, unknown>> };
    expect(result.text).toBe('bsieunskdpqlctrbx👍 <>"AB');
    expect(result.entities.map((e) => e['type'])).toEqual([
      'bold', 'bold', 'italic', 'italic', 'underline', 'underline', 'strikethrough', 'strikethrough', 'strikethrough',
      'spoiler', 'spoiler', 'text_link', 'code', 'pre', 'pre', 'blockquote', 'expandable_blockquote', 'custom_emoji',
    ]);
    expect(result.entities[11]).toEqual({ type: 'text_link', offset: 11, length: 1, url: 'https://example.com/' });
    expect(result.entities[13]).toEqual({ type: 'pre', offset: 13, length: 1, language: 'ts' });
    expect(result.entities[17]).toEqual({ type: 'custom_emoji', offset: 17, length: 2, custom_emoji_id: '5368324170671202286' });
  });

  it('measures length in UTF-16 units after parsing, and rejects empty text', async () => {
    const markup = `<b>${'x'.repeat(4090)}</b>`;
    expect(markup.length).toBeGreaterThan(4096);
    const ok = await call(emu, 'sendMessage', { chat_id: USER.id, text: markup, parse_mode: 'HTML' });
    expect(ok.body.ok).toBe(true);
    await expectError(call(emu, 'sendMessage', { chat_id: USER.id, text: 'x'.repeat(4097) }), 400, 'Bad Request: message is too long');
    // 2049 astral characters are 4098 UTF-16 units
    await expectError(call(emu, 'sendMessage', { chat_id: USER.id, text: '😀'.repeat(2049) }), 400, 'Bad Request: message is too long');
    await expectError(call(emu, 'sendMessage', { chat_id: USER.id, text: '<b> </b>\n', parse_mode: 'HTML' }), 400, 'Bad Request: message text is empty');
    await expectError(call(emu, 'sendMessage', { chat_id: USER.id, text: '' }), 400, 'Bad Request: message text is empty');
  });

  it('validates inline keyboards, counting callback_data in UTF-8 bytes', async () => {
    const send = (button: Record<string, unknown>) =>
      call(emu, 'sendMessage', { chat_id: USER.id, text: 'k', reply_markup: { inline_keyboard: [[button]] } });
    expect('é'.repeat(33).length).toBe(33);
    await expectError(send({ text: 'A', callback_data: 'é'.repeat(33) }), 400, 'Bad Request: BUTTON_DATA_INVALID');
    await expectError(send({ text: 'A', callback_data: 'a'.repeat(65) }), 400, 'Bad Request: BUTTON_DATA_INVALID');
    await expectError(send({ text: 'A', callback_data: '' }), 400, 'Bad Request: BUTTON_DATA_INVALID');
    expect((await send({ text: 'A', callback_data: 'é'.repeat(32) })).body.ok).toBe(true);
    await expectError(
      send({ text: 'A' }),
      400,
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    await expectError(send({ callback_data: 'a' }), 400, /^Bad Request: can't parse inline keyboard button: /);
  });

  it('rejects identical edits and unknown targets', async () => {
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };
    const sent = await call(emu, 'sendMessage', { chat_id: USER.id, text: '<b>v1</b>', parse_mode: 'HTML', reply_markup: markup });
    const id = (sent.body.result as { message_id: number }).message_id;
    const notModified =
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
    await expectError(
      call(emu, 'editMessageText', { chat_id: USER.id, message_id: id, text: '<b>v1</b>', parse_mode: 'HTML', reply_markup: markup }),
      400,
      notModified,
    );
    await expectError(call(emu, 'editMessageReplyMarkup', { chat_id: USER.id, message_id: id, reply_markup: markup }), 400, notModified);
    // same text but different entities is a modification
    const plain = await call(emu, 'editMessageText', { chat_id: USER.id, message_id: id, text: 'v1', reply_markup: markup });
    expect(plain.body.result).toMatchObject({ text: 'v1', edit_date: expect.any(Number) });
    expect((plain.body.result as Record<string, unknown>)['entities']).toBeUndefined();

    await expectError(call(emu, 'editMessageText', { chat_id: USER.id, message_id: 999, text: 'x' }), 400, 'Bad Request: message to edit not found');
    await expectError(call(emu, 'editMessageText', { chat_id: USER.id, message_id: 1, text: 'x' }), 400, "Bad Request: message can't be edited");
    await expectError(call(emu, 'deleteMessage', { chat_id: USER.id, message_id: 999 }), 400, 'Bad Request: message to delete not found');
    expect((await call(emu, 'deleteMessage', { chat_id: USER.id, message_id: id })).body.result).toBe(true);
    await expectError(call(emu, 'deleteMessage', { chat_id: USER.id, message_id: id }), 400, 'Bad Request: message to delete not found');
    expect(emu.messages(USER.id)[0]).toMatchObject({ message_id: id, deleted: true });
    await expectError(call(emu, 'sendMessage', { chat_id: 777, text: 'x' }), 400, 'Bad Request: chat not found');
    await expectError(call(emu, 'editMessageText', { chat_id: 777, message_id: 1, text: 'x' }), 400, 'Bad Request: chat not found');
    emu.setBlocked(USER.id);
    await expectError(call(emu, 'sendMessage', { chat_id: USER.id, text: 'x' }), 403, 'Forbidden: bot was blocked by the user');
  });

  it('blocks as the apps do: 403 until unblocked, my_chat_member updates, and writing to the bot unblocks it', async () => {
    emu.block(USER);
    await expectError(call(emu, 'sendMessage', { chat_id: USER.id, text: 'x' }), 403, 'Forbidden: bot was blocked by the user');
    emu.unblock(USER);
    expect((await call(emu, 'sendMessage', { chat_id: USER.id, text: 'x' })).body.ok).toBe(true);
    emu.block(USER);
    emu.injectMessage({ from: USER, text: '/start' });
    expect((await call(emu, 'sendMessage', { chat_id: USER.id, text: 'y' })).body.ok).toBe(true);
    const statuses = (emu.pendingUpdates as Array<{ my_chat_member?: { new_chat_member: { status: string } } }>)
      .filter((u) => u.my_chat_member)
      .map((u) => u.my_chat_member!.new_chat_member.status);
    expect(statuses).toEqual(['kicked', 'member', 'kicked', 'member']);
  });

  it('expires callback queries: unknown, answered twice, or past the deadline', async () => {
    const tooOld = 'Bad Request: query is too old and response timeout expired or query ID is invalid';
    const sent = await call(emu, 'sendMessage', {
      chat_id: USER.id,
      text: 'k',
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    const messageId = (sent.body.result as { message_id: number }).message_id;
    await expectError(call(emu, 'answerCallbackQuery', { callback_query_id: 'nope' }), 400, tooOld);

    const fresh = emu.injectCallback({ from: USER, messageId, data: 'a' });
    expect(fresh.update.callback_query?.message).toMatchObject({ message_id: messageId, text: 'k' });
    expect((await call(emu, 'answerCallbackQuery', { callback_query_id: fresh.callbackQueryId })).body.ok).toBe(true);
    await expectError(call(emu, 'answerCallbackQuery', { callback_query_id: fresh.callbackQueryId }), 400, tooOld);

    const late = emu.injectCallback({ from: USER, messageId, data: 'a' });
    await new Promise((r) => setTimeout(r, 200));
    await expectError(call(emu, 'answerCallbackQuery', { callback_query_id: late.callbackQueryId }), 400, tooOld);
    expect(() => emu.injectCallback({ from: USER, messageId, data: 'zzz' })).toThrow(/no button/);
  });

  it('implements getUpdates offset, limit and negative offset', async () => {
    const first = (await call(emu, 'getUpdates')).body.result as Array<{ update_id: number }>;
    expect(first).toHaveLength(1);
    emu.injectMessage({ from: USER, text: 'two' });
    emu.injectMessage({ from: USER, text: 'three' });
    const ids = ((await call(emu, 'getUpdates')).body.result as Array<{ update_id: number }>).map((u) => u.update_id);
    expect(ids).toHaveLength(3);
    const [a, b, c] = ids as [number, number, number];
    expect([b - a, c - b]).toEqual([1, 1]);
    // unconfirmed updates are redelivered; limit caps the batch
    expect(((await call(emu, 'getUpdates', { limit: 2 })).body.result as unknown[]).length).toBe(2);
    // offset confirms everything before it
    const rest = (await call(emu, 'getUpdates', { offset: b })).body.result as Array<{ update_id: number }>;
    expect(rest.map((u) => u.update_id)).toEqual([b, c]);
    expect(((await call(emu, 'getUpdates', { offset: a })).body.result as unknown[]).length).toBe(2);
    // negative offset keeps only the newest |offset| updates
    expect(((await call(emu, 'getUpdates', { offset: -1 })).body.result as Array<{ update_id: number }>).map((u) => u.update_id)).toEqual([c]);
    expect(((await call(emu, 'getUpdates', { offset: c + 1 })).body.result as unknown[]).length).toBe(0);
  });

  it('holds a long poll until an update arrives, and 409s the older of two polls', async () => {
    await call(emu, 'getUpdates', { offset: -1 });
    const held = call(emu, 'getUpdates', { offset: 100, timeout: 5 });
    while (!emu.longPollPending) await new Promise((r) => setTimeout(r, 5));
    const second = call(emu, 'getUpdates', { offset: 100, timeout: 5 });
    await expectError(
      held,
      409,
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    );
    const t0 = Date.now();
    setTimeout(() => emu.injectMessage({ from: USER, text: 'wake' }), 100);
    const woke = await second;
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((woke.body.result as Array<{ message: { text: string } }>)[0]?.message.text).toBe('wake');
    expect(emu.stats.conflicts).toBe(1);
  });

  it('times out an empty long poll with an empty batch', async () => {
    await call(emu, 'getUpdates', { offset: -1 });
    emu.injectMessage({ from: USER, text: 'x' });
    const t0 = Date.now();
    const { body } = await call(emu, 'getUpdates', { offset: 1000, timeout: 1 });
    expect(body.result).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('filters update types by allowed_updates and remembers the setting', async () => {
    await call(emu, 'getUpdates', { offset: -1 });
    const cm = emu.injectUpdate({ chat_member: { chat: { id: 1, type: 'group' } } });
    emu.injectUpdate({ edited_message: { message_id: 1, text: 'e' } });
    const byDefault = (await call(emu, 'getUpdates', { offset: cm.update_id })).body.result as object[];
    expect(byDefault.map((u) => Object.keys(u).filter((k) => k !== 'update_id')[0])).toEqual(['edited_message']);

    emu.injectUpdate({ chat_member: { chat: { id: 1, type: 'group' } } });
    emu.injectMessage({ from: USER, text: 'm' });
    const only = (await call(emu, 'getUpdates', { offset: cm.update_id + 2, allowed_updates: ['chat_member'] })).body.result as object[];
    expect(only.map((u) => Object.keys(u).filter((k) => k !== 'update_id')[0])).toEqual(['chat_member']);
    emu.injectMessage({ from: USER, text: 'dropped' });
    const remembered = (await call(emu, 'getUpdates', { offset: cm.update_id + 5 })).body.result as object[];
    expect(remembered).toEqual([]);
  });

  it('stores setMyCommands and answers the startup calls grammY makes', async () => {
    const commands = [{ command: 'sessions', description: 'List sessions' }];
    expect((await call(emu, 'setMyCommands', { commands })).body.result).toBe(true);
    expect(emu.commands).toEqual(commands);
    expect((await call(emu, 'getMyCommands')).body.result).toEqual(commands);
    await expectError(call(emu, 'setMyCommands', { commands: [{ command: 'Bad-Cmd', description: 'x' }] }), 400, 'Bad Request: BOT_COMMAND_INVALID');
    expect((await call(emu, 'deleteWebhook', { drop_pending_updates: true })).body.result).toBe(true);
    expect(emu.pendingUpdates).toHaveLength(0);
  });

  it('drops the connection for a network fault', async () => {
    emu.failNext('getMe', { kind: 'network' });
    await expect(call(emu, 'getMe')).rejects.toThrow();
    expect((await call(emu, 'getMe')).body.ok).toBe(true);
    expect(emu.stats.networkFaults).toBe(1);
  });

  it('throttles with floodLimits', async () => {
    emu.setFloodLimits({ perChat: 2, windowMs: 1000 });
    expect((await call(emu, 'sendMessage', { chat_id: USER.id, text: '1' })).body.ok).toBe(true);
    expect((await call(emu, 'sendMessage', { chat_id: USER.id, text: '2' })).body.ok).toBe(true);
    const third = await call(emu, 'sendMessage', { chat_id: USER.id, text: '3' });
    expect(third.status).toBe(429);
    expect(third.body.parameters?.retry_after).toBe(1);
  });
});

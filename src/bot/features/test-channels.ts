import { Composer, type Context } from 'grammy';
import { CHANNEL_NAMES, type ChannelName } from '../../channels/channel';
import type { BotDeps } from '../deps';
import { clip, escapeHtml } from '../text/html';
import { wordsFor } from '../text/i18n';

/** At most one test a minute. */
export const TEST_EVERY_MS = 60_000;

/**
 * /test [email|ntfy|webhook]: sends a test message through every channel outside Telegram, or the one
 * named, and says for each whether its server took it. The reply stays in the chat.
 */
export function testChannelsFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  /** When the last test went out (ms): one a minute, so /test from someone in the account cannot use up the owner's mail or push quota. */
  let lastTestAt = -Infinity;
  composer.command('test', async (ctx) => {
    const t = wordsFor(deps, ctx);
    const arg = ctx.match.trim().toLowerCase();
    const names = deps.channels?.names() ?? [];
    if (arg !== '' && !(CHANNEL_NAMES as readonly string[]).includes(arg)) {
      await ctx.reply(t('test-unknown', { name: escapeHtml(clip(arg, 20)) }), { parse_mode: 'HTML' });
      return;
    }
    if (names.length === 0) {
      await ctx.reply(t('test-none'), { parse_mode: 'HTML' });
      return;
    }
    const only = arg === '' ? undefined : (arg as ChannelName);
    if (only && !names.includes(only)) {
      await ctx.reply(t('test-not-set', { name: only }), { parse_mode: 'HTML' });
      return;
    }
    if (deps.now() - lastTestAt < TEST_EVERY_MS) {
      await ctx.reply(t('test-too-soon', { seconds: Math.ceil((lastTestAt + TEST_EVERY_MS - deps.now()) / 1000) }), { parse_mode: 'HTML' });
      return;
    }
    lastTestAt = deps.now();
    deps.audit.record({ actorId: ctx.from!.id, action: 'channels_test', detail: only ?? 'all' }, 'ok');
    const results = await deps.channels!.test(only);
    const lines = results.map((r) => (r.error ? t('test-failed', { name: r.name, code: escapeHtml(r.error) }) : t('test-sent', { name: r.name })));
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
  });
  return composer;
}

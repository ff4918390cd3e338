import { Composer, type Context } from 'grammy';
import { CODE_EXPECTED_UNTIL_SETTING, CODE_GUARD_SETTING } from '../../guard/code-watcher';
import type { BotDeps } from '../deps';
import { clip, escapeHtml } from '../format/html';
import { utcTime } from '../format/time';

const DEFAULT_MINUTES = 10;
const MAX_MINUTES = 60;
const USAGE = `Usage: /expect [minutes] (default ${DEFAULT_MINUTES}, at most ${MAX_MINUTES}), or /expect off. Nothing was changed.`;

export type ExpectArgument = { readonly kind: 'open'; readonly minutes: number } | { readonly kind: 'close' } | { readonly kind: 'invalid'; readonly why: string };

export function parseExpectArgument(input: string): ExpectArgument {
  const text = input.trim().toLowerCase();
  if (text === '') return { kind: 'open', minutes: DEFAULT_MINUTES };
  if (text === 'off') return { kind: 'close' };
  const m = /^(\d{1,4})\s*(?:m|min|mins|minutes?)?$/.exec(text);
  if (!m) return { kind: 'invalid', why: `"${escapeHtml(clip(input.trim(), 40))}" is not a number of minutes. ${USAGE}` };
  const minutes = Number(m[1]);
  if (minutes < 1 || minutes > MAX_MINUTES) return { kind: 'invalid', why: `The window is 1 to ${MAX_MINUTES} minutes, not ${minutes}. ${USAGE}` };
  return { kind: 'open', minutes };
}

/** /expect [minutes] | off: a window for the owner's own login, in which code guard leaves codes valid. */
export function expectFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('expect', async (ctx) => {
    const arg = parseExpectArgument(ctx.match);
    if (arg.kind === 'invalid') return void (await ctx.reply(arg.why, { parse_mode: 'HTML' }));
    const actorId = ctx.from!.id;
    if (arg.kind === 'close') {
      deps.guard.settings.set(CODE_EXPECTED_UNTIL_SETTING, '0');
      deps.audit.record({ actorId, action: 'expect_off' }, 'ok');
      return void (await ctx.reply('The login window is closed: login codes are treated as unexpected again.'));
    }
    const until = deps.now() + arg.minutes * 60_000;
    deps.guard.settings.set(CODE_EXPECTED_UNTIL_SETTING, String(until));
    deps.audit.record({ actorId, action: 'expect_on', detail: `${arg.minutes} min` }, 'ok');
    const guard = deps.guard.settings.flag(CODE_GUARD_SETTING)
      ? 'Code guard will leave the codes that arrive until then valid.'
      : 'Code guard is off, so codes stay valid anyway; alerts will say the code was expected.';
    await ctx.reply(
      `🔓 Login window open until ${utcTime(Math.floor(until / 1000))} (${arg.minutes} min). ${guard} Send /expect off when you are logged in.`,
    );
  });
  return composer;
}

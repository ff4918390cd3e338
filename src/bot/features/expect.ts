import { Composer, type Context } from 'grammy';
import { CODE_EXPECTED_UNTIL_SETTING, CODE_GUARD_SETTING } from '../../guard/doors/code-watcher';
import type { BotDeps } from '../deps';
import { clip, escapeHtml } from '../text/html';
import { ownerClock } from '../text/owner-clock';
import { speechFor, wordsOf } from '../text/i18n';

const DEFAULT_MINUTES = 10;
const MAX_MINUTES = 60;

export type ExpectArgument =
  | { readonly kind: 'open'; readonly minutes: number }
  | { readonly kind: 'close' }
  /** Not a number of minutes (`input`, clipped), or one outside 1..60 (`minutes`). */
  | { readonly kind: 'invalid'; readonly input: string; readonly minutes?: number };

export function parseExpectArgument(input: string): ExpectArgument {
  const text = input.trim().toLowerCase();
  if (text === '') return { kind: 'open', minutes: DEFAULT_MINUTES };
  if (text === 'off') return { kind: 'close' };
  const m = /^(\d{1,4})\s*(?:m|min|mins|minutes?)?$/.exec(text);
  if (!m) return { kind: 'invalid', input: clip(input.trim(), 40) };
  const minutes = Number(m[1]);
  if (minutes < 1 || minutes > MAX_MINUTES) return { kind: 'invalid', input: text, minutes };
  return { kind: 'open', minutes };
}

/** /expect [minutes] | off: a window for the owner's own login, in which code guard leaves codes valid. */
export function expectFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('expect', async (ctx) => {
    const speech = speechFor(deps, ctx);
    const t = wordsOf(speech);
    const arg = parseExpectArgument(ctx.match);
    if (arg.kind === 'invalid') {
      const usage = t('expect-usage', { default: DEFAULT_MINUTES, max: MAX_MINUTES });
      const why = arg.minutes === undefined ? t('expect-not-a-number', { input: escapeHtml(arg.input) }) : t('expect-out-of-range', { max: MAX_MINUTES, minutes: arg.minutes });
      return void (await ctx.reply(`${why} ${usage}`, { parse_mode: 'HTML' }));
    }
    const actorId = ctx.from!.id;
    if (arg.kind === 'close') {
      deps.guard.settings.set(CODE_EXPECTED_UNTIL_SETTING, '0');
      deps.audit.record({ actorId, action: 'expect_off' }, 'ok');
      return void (await ctx.reply(t('expect-closed')));
    }
    const until = deps.now() + arg.minutes * 60_000;
    deps.guard.settings.set(CODE_EXPECTED_UNTIL_SETTING, String(until));
    deps.audit.record({ actorId, action: 'expect_on', detail: `${arg.minutes} min` }, 'ok');
    const guard = t(deps.guard.settings.flag(CODE_GUARD_SETTING) ? 'expect-guard-on' : 'expect-guard-off');
    await ctx.reply(t('expect-open', { ...ownerClock(speech.locale, deps.i18n.timeZone).until(until / 1000, deps.now()), guard }));
  });
  return composer;
}

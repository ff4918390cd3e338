import type { AccountError } from '../../domain/account-error';
import { loggedOutWords } from './explain-failure';
import { wordsOf, type Speech } from '../text/i18n';
import type { OwnerNotice } from './owner-notice';
import { escapeHtml } from '../text/html';
import { ownerClock } from '../text/owner-clock';

/** Every notice here is written in `speech`'s language: the owner's, remembered, since none answers an update. */

/** kind `companion_down`: the guard cannot see or end logins until Telegram answers again. */
export function companionDownNotice(sinceMs: number, nowMs: number, speech: Speech): OwnerNotice {
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  return {
    kind: 'companion_down',
    key: `companion_down:${sinceMs}`,
    text: wordsOf(speech)('companion-down', { since: clock.at(sinceMs / 1000, true), wait: clock.wait((nowMs - sinceMs) / 1000) }),
  };
}

/** kind `companion_up`: the outage told by companionDownNotice is over; missed logins are caught now. */
export function companionUpNotice(sinceMs: number, nowMs: number, speech: Speech): OwnerNotice {
  const clock = ownerClock(speech.locale, speech.i18n.timeZone);
  return {
    kind: 'companion_up',
    key: `companion_up:${sinceMs}`,
    text: wordsOf(speech)('companion-up', { wait: clock.wait((nowMs - sinceMs) / 1000) }),
  };
}

/**
 * kind `another_copy`: two copies poll with one bot token. `stoppedHere`: this copy found the other
 * at start and stops; otherwise they keep taking turns and each sees only some updates.
 */
export function anotherCopyNotice(stoppedHere: boolean, speech: Speech): OwnerNotice {
  const text = wordsOf(speech)(stoppedHere ? 'another-copy-stopped' : 'another-copy-fighting');
  return { kind: 'another_copy', key: `another_copy:${stoppedHere ? 'stopped' : 'fighting'}`, text };
}

/** kind `started_late`: with OWNER_ID unset, start-up waited for Telegram before the bot could run. */
export function startedLateNotice(waitedMs: number, speech: Speech): OwnerNotice {
  return { kind: 'started_late', text: wordsOf(speech)('started-late', { wait: ownerClock(speech.locale, speech.i18n.timeZone).wait(waitedMs / 1000) }) };
}

/** The notice (HTML) that start-up found the companion logged out, or Telegram not reachable yet. */
export function companionProblemNotice(problem: AccountError, speech: Speech): string {
  const t = wordsOf(speech);
  const code = escapeHtml(problem.code);
  if (problem.failure.kind !== 'logged_out') return t('started-unreachable', { code });
  return t('started-logged-out', { code, ...loggedOutWords(problem.code, t) });
}

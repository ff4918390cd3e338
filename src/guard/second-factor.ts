import type { FactorState } from '../domain/second-factor';
import { TOTP_STEP_MS, type TotpMatcher } from './totp';

export { FRESH_FACTOR_STATE, type FactorState } from '../domain/second-factor';

/**
 * The rules of the owner's second factor, pure and clocked from outside (`nowMs`), so they can be
 * tested across step boundaries, drift and long lockouts without waiting.
 *
 * - A code is accepted for the current 30 s step or one step either side (clock drift).
 * - Each step is accepted at most once, and never a step older than the last one accepted: a code
 *   someone saw in the chat, or one already used, is refused as a replay.
 * - Wrong answers (replays included) within 15 minutes are counted; the 5th locks protected actions
 *   for 15 minutes, doubling with each new lockout. An accepted code clears the count and the level.
 */
export const WRONG_LIMIT = 5;
export const WRONG_WINDOW_MS = 15 * 60_000;
export const FIRST_LOCK_MS = 15 * 60_000;
/** The steps either side of now that are accepted too. */
export const DRIFT_STEPS = 1;

export type Verdict =
  | { readonly kind: 'accepted'; readonly step: number; readonly state: FactorState }
  /** The code belongs to a step already used or older than the last used one. */
  | { readonly kind: 'replayed'; readonly state: FactorState; readonly lockedUntil?: number }
  | { readonly kind: 'wrong'; readonly state: FactorState; readonly lockedUntil?: number }
  /** Locked: the code was not even looked at. */
  | { readonly kind: 'locked'; readonly state: FactorState; readonly lockedUntil: number };

/** The step a moment falls in. */
export const stepAt = (nowMs: number): number => Math.floor(nowMs / TOTP_STEP_MS);

/** Until when protected actions are locked at `nowMs`, or undefined when they are not. */
export function lockedUntil(state: FactorState, nowMs: number): number | undefined {
  return state.lockedUntil !== null && state.lockedUntil > nowMs ? state.lockedUntil : undefined;
}

/** One more wrong answer; the 5th within 15 minutes starts a lockout. */
function countWrong(state: FactorState, nowMs: number): { state: FactorState; lockedUntil?: number } {
  const wrongAt = [...state.wrongAt.filter((t) => t > nowMs - WRONG_WINDOW_MS), nowMs];
  if (wrongAt.length < WRONG_LIMIT) return { state: { ...state, wrongAt } };
  const until = nowMs + FIRST_LOCK_MS * 2 ** state.lockLevel;
  return { state: { ...state, wrongAt: [], lockedUntil: until, lockLevel: state.lockLevel + 1 }, lockedUntil: until };
}

/**
 * Judges one 6-digit answer at `nowMs`. Returns the verdict and the state to keep; the caller
 * persists it before acting, so a crash cannot let a step be used twice.
 */
export function judgeCode(state: FactorState, code: string, nowMs: number, totp: TotpMatcher): Verdict {
  const locked = lockedUntil(state, nowMs);
  if (locked !== undefined) return { kind: 'locked', state, lockedUntil: locked };
  const now = stepAt(nowMs);
  const matching: number[] = [];
  for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step += 1) if (totp.matches(code, step)) matching.push(step);
  const fresh = matching.filter((step) => state.lastStep === null || step > state.lastStep);
  if (fresh.length > 0) {
    const step = Math.max(...fresh);
    return { kind: 'accepted', step, state: { lastStep: step, wrongAt: [], lockedUntil: null, lockLevel: 0 } };
  }
  const counted = countWrong(state, nowMs);
  return { kind: matching.length > 0 ? 'replayed' : 'wrong', ...counted };
}

/**
 * Uses up every step `code` is valid for, without acting and without counting it as wrong: for a
 * code seen in the chat that answered nothing (a typo'd command, an expired prompt, two requests at
 * once). Whoever reads the chat can then never spend it. Unchanged state when it matches no step.
 */
export function burnCode(state: FactorState, code: string, nowMs: number, totp: TotpMatcher): FactorState {
  const now = stepAt(nowMs);
  let last = state.lastStep;
  for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step += 1) {
    if (totp.matches(code, step) && (last === null || step > last)) last = step;
  }
  return last === state.lastStep ? state : { ...state, lastStep: last };
}

/**
 * Every group of 6 digits in `text` that could be a code as an app shows it ("123456", "123 456",
 * "123-456"), digits only. A longer run of digits (a session hash) holds none.
 */
export function codesIn(text: string): string[] {
  return [...text.matchAll(/(?<![\d-])(\d{3})[ -]?(\d{3})(?![\d])/g)].map((m) => `${m[1]}${m[2]}`);
}

/** Whether `text` is a code answer: 6 digits, spaces allowed between and around them. Returns the digits. */
export function codeIn(text: string): string | undefined {
  const digits = text.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) && /^[\d\s]+$/.test(text) ? digits : undefined;
}

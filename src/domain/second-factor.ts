/** What the owner's second factor must remember across restarts; see src/guard/second-factor.ts for the rules. */
export interface FactorState {
  /** The last TOTP step (unix ms / 30 000) a code was accepted for; null before the first. */
  readonly lastStep: number | null;
  /** When each recent wrong answer came (unix ms), oldest first; only the last 15 minutes matter. */
  readonly wrongAt: readonly number[];
  /** Until when protected actions are locked (unix ms); null when not locked. */
  readonly lockedUntil: number | null;
  /** How many lockouts in a row, without an accepted code between them: the next lasts 15 min × 2^level. */
  readonly lockLevel: number;
}

export const FRESH_FACTOR_STATE: FactorState = { lastStep: null, wrongAt: [], lockedUntil: null, lockLevel: 0 };

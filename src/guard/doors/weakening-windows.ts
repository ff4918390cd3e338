import type { Settings } from '../../db/settings';
import { CODE_EXPECTED_UNTIL_SETTING, codeExpected } from './code-watcher';

/**
 * Every time-limited window in which the guard is knowingly weaker than its settings say. /panic
 * closes all of them, so a window opened earlier (by the owner, or by whoever else holds the
 * account) cannot keep a door open through it. A new window belongs in this list.
 */
export const WEAKENING_WINDOWS = [
  {
    /** `/expect`: login codes are left valid until this time. */
    name: 'expect',
    isOpen: (settings: Settings, nowMs: number): boolean => codeExpected(settings, nowMs),
    /** When it closes by itself (unix ms). */
    until: (settings: Settings): number => Number(settings.get(CODE_EXPECTED_UNTIL_SETTING) ?? 0) || 0,
    close: (settings: Settings): void => settings.set(CODE_EXPECTED_UNTIL_SETTING, '0'),
  },
] as const;

export type WeakeningWindow = (typeof WEAKENING_WINDOWS)[number]['name'];

/** Closes every open window and returns the names of those that were open (for the audit log). */
export function closeWeakeningWindows(settings: Settings, nowMs: number): WeakeningWindow[] {
  const open = WEAKENING_WINDOWS.filter((w) => w.isOpen(settings, nowMs));
  for (const w of open) w.close(settings);
  return open.map((w) => w.name);
}

/** Whether any window is open at `nowMs`. */
export const anyWeakeningWindowOpen = (settings: Settings, nowMs: number): boolean => WEAKENING_WINDOWS.some((w) => w.isOpen(settings, nowMs));

/**
 * When the last open window that leaves login codes valid closes by itself (unix ms), or undefined
 * when none is open: code guard then invalidates every code, as its reports say.
 */
export function codeGuardWeakenedUntil(settings: Settings, nowMs: number): number | undefined {
  const open = WEAKENING_WINDOWS.filter((w) => w.isOpen(settings, nowMs));
  return open.length === 0 ? undefined : Math.max(...open.map((w) => w.until(settings)));
}

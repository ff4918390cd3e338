import type { AlertLines } from '../db/alert-lines';
import type { AuditLog } from '../db/audit-log';
import type { OneShotActions } from '../db/one-shot-actions';
import type { SeenCountries } from '../db/seen-countries';
import type { SessionHistory } from '../db/session-history';
import type { Settings } from '../db/settings';
import type { TrustedDevices } from '../db/trusted-devices';
import type { AccountPort, CompanionStatus } from '../domain/account-port';
import type { AccountUser } from '../domain/session';
import type { DenialRecorder } from '../guard/denial-recorder';
import type { BlindWatch } from '../guard/doors/doors';
import type { Logger } from '../core/log';
import type { Confirmations } from './buttons/confirmations';
import type { Localizer } from './text/i18n';
import type { SecondFactorStates } from '../db/second-factor-state';
import type { TotpMatcher } from '../guard/totp';
import type { OwnerNotice } from './views/owner-notice';
import type { ChannelName, ChannelState } from '../channels/channel';
import type { HeartbeatState } from '../guard/heartbeat';

/** Everything the bot's features need, injected so tests can pass fakes or the emulator-backed client. */
export interface BotDeps {
  readonly ownerId: number;
  readonly account: AccountPort;
  readonly audit: AuditLog;
  readonly denials: DenialRecorder;
  readonly confirmations: Confirmations;
  readonly log: Logger;
  readonly now: () => number;
  readonly guard: GuardDeps;
  /** The owner's language and every text in it (locales/*.ftl). */
  readonly i18n: Localizer;
  readonly doors: DoorDeps;
  /** What each delivered new-login alert shows and what was done to each login on it: the buttons redraw from this. */
  readonly alerts: AlertLines;
  /**
   * The owner's authenticator code, asked before every action that changes the account or the
   * guard (features/second-factor.ts). Undefined when OWNER_TOTP_SECRET is not set: the bot then
   * acts without codes, as before, and says that anyone in the account can command it.
   */
  readonly secondFactor?: SecondFactor;
  /** The channels outside Telegram, for /test; absent in tests that need none. */
  readonly channels?: ChannelDeps;
}

/** The second factor's parts: the owner's TOTP secret (as a matcher only), its persisted state, a clock and the outbox. */
export interface SecondFactor {
  readonly totp: TotpMatcher;
  readonly states: SecondFactorStates;
  /** Unix ms: TOTP steps, the 2-minute prompt and lockouts all read this clock (tests move it). */
  readonly now: () => number;
  /** Tells the owner on every channel (the outbox): used for lockouts. */
  readonly notify: (notice: OwnerNotice) => void;
  /**
   * Tells the owner on the channels outside Telegram only (the chat already shows the prompt): a
   * prompt opened by someone else in the account must reach the owner where that person cannot
   * delete it. Absent when no channel is set.
   */
  readonly elsewhere?: (notice: OwnerNotice) => void;
}

/** The out-of-band channels as /test uses them. */
export interface ChannelDeps {
  /** The configured channels, in order. */
  names(): ChannelName[];
  /** Sends a test message through each channel (or one); resolves with each outcome (`error`: a short code). */
  test(only?: ChannelName): Promise<Array<{ name: ChannelName; error: string | undefined }>>;
}

/** State for the buttons under 2FA, login-code and bot alerts. */
export interface DoorDeps {
  /** Buttons that act once, even across restarts and concurrent presses. */
  readonly oneShots: OneShotActions;
  /** Countries vouched for per trusted device, for the "trusted device, new country" flag. */
  readonly seenCountries: SeenCountries;
  /** Each session's places and the changes found in it (moved, changed hands, woke up); absent in some tests. */
  readonly history?: SessionHistory;
}

/** Guard mode's persisted state, and a snapshot of how the whole warden is doing (for /status). */
export interface GuardDeps {
  readonly trusted: TrustedDevices;
  readonly settings: Settings;
  readonly status: () => WardenStatus;
  /** The owner pressed a button under this login's alert; later detail updates must leave it alone. */
  readonly alertHandled?: (hash: bigint) => void;
}

export interface WardenStatus {
  readonly companion: CompanionStatus;
  readonly account: AccountUser | undefined;
  /** The companion's own date_created (unix seconds), when known. */
  readonly companionCreatedAt: number | undefined;
  readonly lastReconcileAt: number | undefined;
  readonly startedAt: number;
  readonly pendingAlerts: number;
  /** Every watch that sees nothing for now because Telegram asked it to wait, and until when. */
  readonly blindWatches: readonly BlindWatch[];
  /** Each channel outside Telegram (none when none is set). */
  readonly channels?: readonly ChannelState[];
  readonly heartbeat?: HeartbeatState;
  /** Since when Telegram refuses the owner's chat (the bot blocked), if it does (ms since epoch). */
  readonly botBlockedSince?: number;
}

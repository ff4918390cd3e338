import type { DemoChat } from './chat';

export interface TourStep {
  /** What the owner types; a function picks a button's letter from what is on screen at that moment. */
  readonly input: string | ((chat: DemoChat) => string | undefined);
  /** The reply that must arrive; without one the step only gives the bot a moment to answer. */
  readonly expect?: RegExp;
  readonly note?: string;
  /** `expect` looks at the emails that arrived rather than the chat. */
  readonly mail?: boolean;
}

/** Types the letter of the first current button whose label matches. */
const press =
  (label: RegExp) =>
  (chat: DemoChat): string | undefined =>
    chat.currentButtons.find((b) => label.test(b.text))?.key;

/** The owner types the code their authenticator app shows now. */
const code = (chat: DemoChat): string => chat.otp();
const ASKS = /Send the 6-digit code from your authenticator app within 2 minutes/;

export const TOUR: readonly TourStep[] = [
  { note: 'What the bot can do', input: '/help', expect: /guards your Telegram account/ },
  { note: 'The account\'s sessions: one is an unofficial app', input: '/sessions', expect: /Active sessions: 6/ },
  { note: 'Press its End button: the bot asks first', input: press(/Redmi/), expect: /End this session\?/ },
  { input: press(/^End #\d+$/), expect: ASKS },
  {
    note: 'Every change asks for the code from your authenticator app, so whoever else is logged in to the account cannot command the guard. :otp shows the demo\'s code',
    input: ':otp',
  },
  { input: (chat) => chat.lastOtp, expect: /^Ended: Redmi Note 12/ },
  {
    note: 'A hash no session has: Telegram says HASH_INVALID and the bot explains. The code may also end the command',
    input: (chat) => `/revoke 1234567890 ${code(chat)}`,
    expect: /No active session has that hash/,
  },
  { note: 'End everything else? Not now', input: '/revokeall', expect: /End 4 sessions\?/ },
  { input: press(/^Cancel$/), expect: /Cancelled\. Nothing was ended/ },
  { note: 'Is the warden watching, and can it act?', input: '/status', expect: /session-warden status/ },
  { note: 'Trust your own phone, so guard mode leaves its logins alone', input: '/trust', expect: /No trusted devices yet/ },
  { input: press(/^Add a current session$/), expect: /Which session's device/ },
  { input: press(/^Pixel 8/), expect: /^Trust Pixel 8/ },
  { input: press(/^Trust it$/), expect: ASKS },
  { input: code, expect: /^Trusted: Pixel 8/ },
  { note: 'Someone logs in somewhere', input: ':login Galaxy S24 from Lagos, Nigeria', expect: /New login to your account/ },
  { note: 'Not you? End it from the alert', input: press(/^End it$/), expect: ASKS },
  { input: code, expect: /Ended: Galaxy S24/ },
  { note: 'Guard mode: from now on, untrusted new logins are ended at once', input: '/guard on', expect: ASKS },
  { input: code, expect: /Guard mode is on/ },
  { note: 'Someone else logs in: guard mode ends it before you have read the alert', input: ':login ThinkPad X1 from Minsk, Belarus', expect: /Guard mode ended it at once/ },
  { note: 'A stolen session file: the same session is suddenly used from another country, with no login', input: ':move MacBook to Lagos, Nigeria', expect: /A session of your account moved/ },
  { input: press(/^End it$/), expect: ASKS },
  { input: code, expect: /Ended: MacBook Pro/ },
  { note: 'If the account were being taken over: /panic ends everything at once (not now)', input: '/panic', expect: /Lock the account down\?/ },
  { input: press(/^Cancel$/), expect: /Cancelled\. Nothing was changed/ },
  { note: 'Websites logged in with Telegram', input: '/websessions', expect: /Web sessions: 2/ },
  { input: press(/shop\.example\.com/), expect: /End this web session\?/ },
  { input: press(/^End it$/), expect: ASKS },
  { input: code, expect: /^Ended the web session: shop\.example\.com/ },
  { note: 'How long an unused session lives', input: '/ttl', expect: /Inactive sessions end after 180 days/ },
  { input: '/ttl 45', expect: /accepts only 7, 30, 90, 180, 365 days/ },
  { input: (chat) => `/ttl 90 ${code(chat)}`, expect: /now end automatically/ },
  { note: 'Someone asks Telegram for a login code: the alert never repeats it', input: ':code', expect: /Someone asked Telegram for a login code/ },
  { note: 'Someone requests a 2FA password reset', input: ':reset', expect: /2FA password reset is pending/ },
  { input: press(/^Cancel the reset$/), expect: ASKS },
  { input: code, expect: /reset was cancelled/ },
  { note: 'A business bot is connected behind your back', input: ':bot', expect: /business bot was connected/ },
  { input: press(/^Disconnect$/), expect: ASKS },
  { input: code, expect: /Disconnected/ },
  { note: 'Someone turns 2FA off', input: ':2fa off', expect: /2FA turned off/ },
  { note: 'The one-page checkup', input: '/security', expect: /Security checkup/ },
  { note: 'Everything above, from the audit log', input: '/log 8', expect: /Last \d+ audit entries/ },
  { note: 'Someone in the account blocks the bot, so you would see nothing', input: ':block' },
  { note: 'A login now: Telegram refuses the alert, and the warden emails you that the bot was silenced', input: ':login Unknown PC from Minsk, Belarus', expect: /cannot reach you in Telegram/, mail: true },
  { note: 'The email, as the mail server received it', input: ':mail', expect: /Subject: /, mail: true },
  { note: 'You unblock the bot: the alert that waited arrives once', input: ':unblock', expect: /New login to your account/ },
];

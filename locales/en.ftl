# English: the default language, and the fallback for every message another locale lacks.
#
# Rules for every locale file (a test checks the first two):
# - the same message ids as this file, each with the same variables;
# - variables are inserted as they are: callers escape HTML in anything Telegram or an attacker chose;
# - hashes, ids and codes arrive as strings (never grouped like numbers), counts as numbers (for plurals);
# - times arrive already formatted for the locale and the owner's time zone, by src/bot/format/locale-time.ts:
#   $at, $time: localDateTime ("Dec 3, 2026, 07:05 UTC"); $ago, $in, $created, $active: localRelativeTime
#   ("5 minutes ago", "in 2 hours", "tomorrow"); $wait: localDuration ("1 minute 15 seconds").

## The language itself

# The name of this language, written in it: the label of its /language button.
language-name = English
language-prompt = Choose the language of the bot's messages. Now: { $current }.
language-source-chosen = { $name } (your choice)
language-source-telegram = { $name } (from your Telegram app)
language-auto-button = Automatic: Telegram's language
language-set = Done: the bot now writes in English.
language-set-auto = Done: the bot now follows your Telegram app's language. Now: { $current }.
language-unknown = "{ $input }" is not a language this bot speaks. Send /language { $choices } or /language auto. Nothing was changed.

## The command menu (setMyCommands): at most 256 characters each, no markup

command-sessions = List the active sessions
command-revoke = End one session: /revoke <hash>
command-revokeall = End every other session (asks first)
command-status = Is the warden watching, and can it act
command-guard = End untrusted new logins at once: /guard on|off
command-trust = Devices guard mode leaves alone
command-panic = Account being taken over: end everything, guard on
command-security = One-page checkup: 2FA, resets, bots, risky sessions
command-codeguard = Invalidate login codes at once: /codeguard on|off
command-expect = Expect your own login: /expect [minutes] | off
command-bots = Business bots connected to your account
command-websessions = Websites logged in with Telegram
command-ttl = End inactive sessions after: /ttl [days]
command-log = Recent actions and alerts: /log [denied|all] [n]
command-language = Language of the bot: /language en|ru
command-help = What this bot does

## /help (HTML)

help =
    <b>session-warden</b> guards your Telegram account's sessions.
    It works through a companion login on your own account, so it can do what bots cannot: see and end your sessions.

    /sessions: list the active sessions, most recently active first, with an End button for each; /sessions &lt;number&gt; shows one of them in full
    /revoke &lt;hash&gt;: end one session by its hash (the number under it in /sessions)
    /revokeall: end every session except session-warden's companion, after you confirm
    /status: whether the warden is watching, and whether Telegram lets it end sessions yet
    /guard on|off: end new logins from untrusted devices at once
    /trust: the devices guard mode leaves alone
    /panic: if your account is being taken over: end every other session and website login, turn guard mode on
    /security: a one-page checkup of 2FA, recovery email, pending resets, risky sessions, bots and settings
    /test [email|ntfy|webhook]: send a test alert through the channels outside Telegram (all, or the one named)
    /codeguard on|off: invalidate every login code Telegram sends, the moment it arrives
    /expect [minutes]: a window (default 10, at most 60) for your own login, in which codes stay valid; /expect off closes it
    /bots: business bots connected to your account, with Disconnect buttons
    /websessions: websites you logged in to with "Log in with Telegram", with End buttons
    /ttl [days]: how long an unused session lives before Telegram ends it (7, 30, 90, 180 or 365 days)
    /log [n]: the last n actions and alerts and what Telegram answered (default 10, at most 50); /log denied [n] for strangers' attempts, /log all [n] for everything
    /language: the language of these messages (English or Russian)
    /help: this message

    Every new login is reported here the moment it appears, with "It's me" and "End it" buttons.
    Only you can use this bot. Everyone else is ignored, and their attempts are logged.
    Times are shown in { $timeZone }.

## Buttons and words used in several places

button-end-it = End it
button-cancel = Cancel
button-invalid = This button is not valid.
button-expired = This button is no longer valid. Send the command again.
button-already-done = Already done, or being done: see the message.
# A confirming button pressed after its prompt expired or was forgotten (a restart); $command starts over.
confirmation-expired = This confirmation expired. Nothing was changed.
confirmation-expired-again = This confirmation expired. Nothing was changed; send { $command } again.
confirmation-invalid = This confirmation is no longer valid (session-warden may have restarted). Nothing was changed.
confirmation-invalid-again = This confirmation is no longer valid (session-warden may have restarted). Nothing was changed; send { $command } again.
cancelled = Cancelled
unknown-command = I do not know that command. Send /help to see what I can do.
# A line under a session or login; $hash is the decimal int64 as a string.
hash-line = Hash: <code>{ $hash }</code>
app-line = App: { $app } ({ $official })
app-official = official app
app-unofficial = unofficial app, api_id { $apiId }

## One session (/sessions, confirmations)

session-unknown-app = unknown app
session-unknown-place = unknown place
session-no-ip = no IP
session-card-title = <b>#{ $index } { $device }</b>
session-card-system = System: { $platform } { $system }
session-card-ip = IP: { $ip }
session-card-place = Place: { $place }
session-card-times = Created { $created } · active { $active }
session-flag-companion = 🛡 this guard: this is session-warden's companion
session-flag-password-pending = ⚠️ password pending: someone has the login code but not the 2FA password
session-flag-unconfirmed = ⚠️ unconfirmed new login
# Risk flags (🚩 line under a session or an alert, and in /security); $country is already escaped.
risk-unofficial-app = unofficial app (api_id { $apiId })
risk-password-pending = password_pending: has the code, not yet the 2FA password
risk-idle = idle for { $days ->
    [one] { $days } day
   *[other] { $days } days
}
risk-new-country = trusted device, new country: { $country }

## /sessions pages

sessions-none = <b>No active sessions.</b>
sessions-header = <b>Active sessions: { $count }</b>
sessions-page = (page { $page }/{ $pages })
sessions-order = Most recently active first.
sessions-end-button = End #{ $index } { $device }
page-first = ⏮ First
page-previous = ◀ Previous
page-next = Next ▶
page-last = Last ⏭

## /revoke and the End buttons under /sessions

revoke-usage = Usage: /revoke <hash>. The hash is the number under each session in /sessions, for example { $example }. Nothing was changed.
revoke-not-a-number = "{ $input }" is not a session hash. A hash is a whole number such as { $example }; copy it from /sessions. Nothing was changed.
revoke-out-of-range = That number is outside the range of session hashes ({ $min } to { $max }). Copy the hash from /sessions. Nothing was changed.
# Refusing to end the companion's own session (/revoke 0, End buttons, /revokeall). Keep in step with end-session.ts.
own-session-refusal = That is this guard: session-warden's own companion session, through which the bot sees and ends logins. Ending it would stop the guard until it is logged in again on the server; to retire the guard, stop session-warden, then end its session in Telegram (Settings → Devices). Nothing was changed.
revoke-current-session = Hash 0 stands for the current session. { own-session-refusal }
revoke-button-invalid = That button is not valid. Send /sessions for a fresh list.
revoke-end-button = End #{ $index }
revoke-session-gone = That session is no longer in the list: it may have ended already. Send /sessions to refresh.
revoke-confirm = <b>End this session?</b>
revoke-ending = Ending the session…
revoke-cancelled = Cancelled. Nothing was ended.
revoke-companion = That is session-warden's own companion session. Ending it would log the companion out; nothing was changed.
revoke-unknown-session = the session with hash { $hash }
revoke-ended = Ended: { $session }

## Why an account call failed: what happened and what to do next

# What was being done, as the subject of "… failed".
doing-end-session = Ending that session
doing-end-it = Ending it
doing-list-sessions = Listing the sessions
doing-read-sessions = Reading the sessions
doing-end-web-session = Ending that web session
doing-end-web-sessions = Ending the web sessions
doing-cancel-reset = Cancelling the reset
doing-disconnect-bot = Disconnecting the bot
doing-read-2fa = Reading the 2FA state
doing-read-them = Reading them
doing-change-it = Changing it
doing-count-sessions = Counting the sessions
doing-end-others = Ending the other sessions
doing-read-bots = Reading the connected bots
doing-change-ttl = Changing the inactivity period
doing-read-ttl = Reading the inactivity period
doing-end-them = Ending them
doing-list-web-sessions = Listing the web sessions
doing-read-web-sessions = Reading the web sessions
doing-count-web-sessions = Counting the web sessions
failure-hash-invalid = No active session has that hash. It may have ended already: send /sessions to see the current list.
failure-too-fresh = Telegram refused (FRESH_RESET_AUTHORISATION_FORBIDDEN): a session may end other sessions only once it is at least 24 hours old, and the session doing it here is session-warden's companion.
failure-too-fresh-unknown = Try again 24 hours after the companion logged in.
failure-too-fresh-at = It will be old enough at { $at } (in { $left }).
failure-too-fresh-now = It will be old enough at { $at }.
failure-flood-wait = Telegram asks to wait { $wait } before trying again ({ $code }). Try again after { $at }.
failure-logged-out = { $doing } failed: the companion account is logged out ({ $code }): { $why } { $fix }
# Why the companion is logged out, and what to do: AUTH_KEY_DUPLICATED, then every other code.
logged-out-duplicated-why = the same session was used by two programs at once (two copies of session-warden, or its session file copied to another machine), so Telegram ended it for good.
logged-out-duplicated-fix = Log in again with npm run login on the server and run one copy only, then restart session-warden.
logged-out-why = its session was ended from another device, it expired, or it was never logged in.
logged-out-fix = Run npm run login on the server, then restart session-warden.
failure-unreachable = { $doing } failed: Telegram could not be reached ({ $code }). The companion reconnects by itself; try again in a minute, and check /sessions to see whether anything changed.
failure-other = { $doing } failed: Telegram answered { $code }. Nothing else was changed; the details are in the log.

## The new-login alert (HTML)

alert-headline = 🚨 <b>New login to your account</b>
alert-headline-reconcile = 🚨 <b>New login to your account</b> (found by the session check)
alert-headline-offline = 🚨 <b>New login while session-warden was not running</b>
alert-headline-ended = 🚨 <b>A login to your account; it has since ended</b> (before this alert could be sent)
alert-device = Device: { $device }
alert-device-full = Device: { $device } · { $platform } { $system }
alert-place = Place: { $place }
alert-place-ip = Place: { $ip } · { $place }
alert-time = Time: { $time } ({ $ago })
alert-password-pending = ⚠️ <b>Someone has your login code but not your 2FA password.</b> If this is not you: end it now, never share login codes, and change your 2FA password if you think it may be known.
alert-unconfirmed = Telegram has not confirmed this login yet. Unless you end it, Telegram confirms it by itself.
alert-unconfirmed-at = Telegram has not confirmed this login yet. Unless you end it, Telegram confirms it by itself at { $at } (in { $left }).
alert-guard-ended = 🛡 <b>Guard mode ended it at once</b>: this device is not on your trusted list (/trust).
alert-guard-unchecked = 🛡 <b>Guard mode</b> could not check the trusted list: { $why }; ended it to be safe. If it was you, log in again.
# Why the trusted list could not be read ($why above).
guard-unchecked-flood-wait = Telegram asked to wait { $wait }
guard-unchecked-unreachable = Telegram could not be reached ({ $code })
guard-unchecked-other = Telegram answered { $code }
alert-guard-failed = 🛡 Guard mode tried to end it, but: { $reason }
alert-too-fresh-note = Note: Telegram will refuse to end sessions until { $at } (in { $left }), when session-warden's companion is 24 hours old.
alert-its-me = It's me
# After "It's me": $device is the device as the trusted list names it (HTML-escaped).
alert-trust-offer = Trust { $device }, so guard mode never ends its logins?
alert-trust-button = Trust this device
alert-no-thanks = No thanks
alert-batch-head = 🚨 <b>{ $count } new logins to your account</b>{ $ended ->
        [0] {""}
       *[other] ; guard mode ended { $ended } of them
    }. Send /sessions to review them.
alert-batch-continued = 🚨 <b>New logins, continued</b> (part { $part } of { $parts })
alert-batch-ended = ended
alert-batch-not-ended = not ended ({ $code })
alert-batch-end-button = End { $index }
baseline-head = <b>session-warden is now watching your account.</b>
baseline-found = { $count ->
        [0] It found no other session logged in.
       *[other] It found { $count } other { $count ->
            [one] session
           *[other] sessions
        } already logged in; these are your starting point and will not be alerted as new.
    }
baseline-more = …and { $count } more.
baseline-foot = { $count ->
        [0] From now on every new login is reported here at once.
       *[other] Send /sessions to review them. From now on every new login is reported here at once.
    }
companion-lost =
    ⚠️ <b>session-warden's companion was logged out</b> ({ $code }): { $why }
    Until it logs in again, new logins cannot be seen and sessions cannot be ended. The bot keeps answering.
    To fix it: { $fix }

## Commands: /status, /revokeall, /panic, /guard, /websessions, /ttl, /log
# (this section ends at the next "##" heading)
# /status
status-title = <b>session-warden status</b>
status-companion = Companion: { $state }
status-companion-explain = 🛡 The companion is this guard's own session, shown in Telegram's Devices as "session-warden".
status-account-line = Account: { $who }
status-account = { $name }{ $username }, id { $id }
status-unknown = unknown
status-connected = ✅ connected
status-not-connected = ⚠️ not connected (reconnecting by itself)
status-reconnecting = ⚠️ reconnecting since { $since } ({ $wait }): alerts resume when Telegram answers
status-logged-out-no-code = ❌ logged out: run npm run login on the server, then restart
status-logged-out-code = ❌ logged out ({ $code }): { $why } { $fix }
status-companion-age = Companion session age: { $age }
status-ending-refused = ⚠️ Telegram will refuse to end other sessions until { $at } (in { $left }): the companion must be 24 hours old.
status-ending-allowed = Ending other sessions: allowed.
status-guard-on = Guard mode: on, { $trusted ->
        [one] { $trusted } trusted device
       *[other] { $trusted } trusted devices
    }
status-guard-off = Guard mode: off, { $trusted ->
        [one] { $trusted } trusted device
       *[other] { $trusted } trusted devices
    }
status-last-check = Last session check: { $ago }
status-blind = ⏸ Not watched until { $at } (in { $left }): { $door } (Telegram asked to wait)
door-name-sessions = the session list
door-name-password = the 2FA password
door-name-bots = connected business bots
status-not-yet = not yet
status-uptime = Uptime: { $uptime }
status-pending = Alerts waiting to be sent: { $count }
# /revokeall
revokeall-none = There are no other sessions: only session-warden's companion is logged in. Nothing to end.
revokeall-end-button = End { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }
revokeall-except-trusted-button = End all except trusted devices
revokeall-confirm = <b>End { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }?</b>
revokeall-explain = This uses Telegram's auth.resetAuthorizations. It ends <b>every</b> session except session-warden's companion, including your own phone and desktop apps: you will have to log in on each of them again.
revokeall-keeps-trusted = "End all except trusted devices" keeps the { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    } of devices on your /trust list logged in instead.
revokeall-no-trusted = None of these sessions is on your /trust list; add your own devices there to be offered "End all except trusted devices".
revokeall-buttons-expire = The buttons work once and expire in 2 minutes.
revokeall-done = Done: Telegram ended every session except session-warden's companion ({ $count ->
        [one] { $count } session
       *[other] { $count } sessions
    } when you asked). Send /sessions to check.
untrusted-result = Ended { $ended ->
        [one] { $ended } session
       *[other] { $ended } sessions
    } and kept your { $kept ->
        [one] { $kept } trusted device
       *[other] { $kept } trusted devices
    } logged in.
untrusted-failed = { $count } could not be ended: { $reason }
# /guard
guard-on = 🛡 Guard mode is <b>on</b>. New logins from devices not on your trusted list ({ $trusted }) are ended at once. /trust edits the list.
guard-on-fresh = 🛡 Guard mode is <b>on</b>, but Telegram lets session-warden end sessions only from { $at }, when its companion is 24 hours old. Until then new logins from devices not on your trusted list ({ $trusted }) are reported, not ended. /trust edits the list.
guard-is-off = Guard mode is <b>off</b>: new logins are reported, not ended.
guard-turned-off = Guard mode is off. New logins are still reported, but not ended automatically.
guard-usage = Usage: /guard on or /guard off.
guard-no-trusted-prompt = You have no trusted devices yet, so guard mode would end <b>every</b> new login, including your own next one. Trust the devices logged in now first?
guard-would-trust = It would trust exactly these:
guard-none-trustable = No current session can be trusted this way.
guard-leaves-out = It leaves out, so an intruder cannot slip onto the list:
guard-left-out-password_pending = waiting for the 2FA password (password_pending)
guard-left-out-unconfirmed = not confirmed by Telegram yet
guard-left-out-too_new = logged in less than 24 hours ago
guard-left-out-unofficial = an unofficial app (not one of Telegram's own)
guard-trust-and-on-button = Trust current sessions, turn on
guard-on-anyway-button = Turn on anyway
guard-stays-off = Guard mode stays off.
guard-trusted-current = Trusted { $count ->
        [one] { $count } current device
       *[other] { $count } current devices
    }.


# /websessions ($domain, $bot, $browser, $platform, $ip, $region are escaped where HTML)
web-session-name = { $domain } via { $bot } ({ $browser }, { $platform })
web-none = <b>No web sessions.</b>
    No website is logged in with your Telegram account.
web-header = <b>Web sessions: { $count }</b>
    Websites you logged in to with "Log in with Telegram", most recently active first.
web-card-title = <b>{ $index }. { $domain }</b> · bot { $bot }
web-card-device = { $browser } on { $platform } · IP { $ip } · { $region }
web-card-times = Logged in { $created } · active { $active }
web-more = …and { $count } more that do not fit in one message.
web-end-button = End #{ $index } { $domain }
web-end-all-button = End all web sessions
web-button-invalid = That button is not valid. Send the command again for a fresh list.
web-session-gone = That web session is no longer in the list: it may have ended already. Send /websessions to refresh.
web-hash-invalid = No web session has that hash: the website may have been logged out already. Send /websessions to see the current list.
web-confirm = <b>End this web session?</b>
web-confirm-explain = The website will have to ask you to log in again.
web-ended = Ended the web session: { $session }
web-none-to-end = There are no web sessions: no website is logged in with your account. Nothing to end.
web-confirm-all = <b>End { $count ->
        [one] { $count } web session
       *[other] { $count } web sessions
    }?</b>

    Every website logged in with "Log in with Telegram" will have to ask you to log in again. Your apps stay logged in.

    The button works once and expires in 2 minutes.
web-end-all-count-button = End { $count ->
        [one] { $count } web session
       *[other] { $count } web sessions
    }
web-done-all = Done: Telegram logged out every website ({ $count ->
        [one] { $count } web session
       *[other] { $count } web sessions
    } when you asked). Send /websessions to check.

# /log: the frame around the audit rows (the rows themselves are stored data and stay as written)
log-usage = Usage: /log [n], /log denied [n] or /log all [n], where n is how many recent entries to show (1 to { $max }, default { $default }).
log-empty-actions = The audit log has no actions or alerts yet. /log denied shows denied updates, /log all everything.
log-empty-denied = No denied updates are in the audit log.
log-empty-all = The audit log is empty.
log-header = <b>Last { $count } audit { $count ->
        [one] entry
       *[other] entries
    }</b>, newest first
log-header-denied = <b>Last { $count } denied { $count ->
        [one] entry
       *[other] entries
    }</b>, newest first
log-capped = ({ $max } at most)
log-unwritten = ⚠️ { $count } newer { $count ->
        [one] entry waits
       *[other] entries wait
    } in memory: the database cannot be written right now.
log-older = …{ $count } older { $count ->
        [one] entry does
       *[other] entries do
    } not fit in one message.

## Buttons and reports: /trust, "It's me", confirmations, short button answers, guard mode's reasons and reports
# (this section ends at the next "##" heading)
doing-confirm-login = Confirming the login
# Short answers shown at once when a button is pressed (answerCallbackQuery: plain text, at most 200 characters).
answer-ending-it = Ending it…
answer-ending-session = Ending the session…
answer-cancelled = Cancelled
answer-trusting = Trusting…
answer-removing = Removing…
answer-ending-others = Ending the other sessions…
answer-ending-untrusted = Ending the untrusted sessions…
answer-ending-web-session = Ending the web session…
answer-ending-web-sessions = Ending the web sessions…
answer-locking-down = Locking down…
answer-changing = Changing…
answer-cancelling-reset = Cancelling the reset…
answer-disconnecting = Disconnecting…
answer-code-guard-on = Turning code guard on…
button-not-valid-nothing-changed = This button is not valid. Nothing was changed.
# The error boundary; $cause quotes Telegram or the database word for word, in English.
something-went-wrong = Something went wrong while handling that ({ $cause }). The details are in the log.
# The cause inside something-went-wrong. Telegram's method and description are quoted as Telegram wrote them.
cause-bot-api-refused = Telegram's Bot API refused { $method }: { $description }
cause-bot-api-unreachable = the Bot API could not be reached
cause-storage = the database could not be used: { $reason }. { $fix }
# The buttons under a new-login alert.
alert-button-invalid = That button is not valid. Send /sessions to review the sessions.
alert-session-gone = That session is no longer active: it may have ended already.
alert-session-gone-short = That session is no longer active.
alert-marked-yours = Marked as yours.
alert-confirmed = Confirmed: Telegram now treats this login as yours.
alert-declined-trust = This login is yours. Its device is not trusted: with guard mode on, its next login would be ended.
alert-device-trusted = This login is yours, and its device is on your trusted list (/trust).
# A burst alert redrawn after one of its End buttons.
burst-redraw-head = 🚨 <b>New logins to your account</b>: { $active } of { $count } still active. Send /sessions to review them.
burst-unknown-device = unknown device
burst-no-longer-active = no longer active
# /trust
trust-none = <b>No trusted devices yet.</b> With guard mode on, every new login would be ended at once.
trust-header = <b>Trusted devices: { $count }</b>
trust-explain = Guard mode never ends their logins.
trust-add-button = Add a current session
trust-remove-button = Remove { $index }
trust-unknown-device = unknown device
trust-unknown-platform = unknown platform
trust-all-trusted = Every current session is already trusted.
trust-no-other-sessions = No session besides session-warden's companion is logged in, so there is nothing to add. Log in on your device first, then add it here.
trust-which = Which session's device should guard mode trust?
trust-session-gone = That session is no longer active, so its device was not trusted. Send /trust to try again.
trust-added = Trusted: { $device }. Guard mode will leave its logins alone.
trust-ask-again = ⚠️ { $device }: { $why }. Someone who got into your account could be using it. Trust it anyway only if you are sure it is yours.
trust-anyway-button = It is mine, trust it
trust-confirm = Trust { $device }? Guard mode will then leave its logins alone.
trust-confirm-button = Trust it
trust-already = Already trusted: { $device }.
# Why guard mode let a login through, or which part of a trusted fingerprint differed ($now, $trusted, $device escaped).
guard-let-through = 🛡 Guard mode let it through: this device is on your trusted list (/trust).
guard-model-matched = The model matched a trusted device ({ $device }), but the { $parts } differed.
guard-differs-app = app { $now } instead of { $trusted }
guard-differs-api-id = api_id { $now } instead of { $trusted }
guard-differs-platform = platform { $now } instead of { $trusted }


## Doors and notices: /security, /bots, /codeguard, /expect, their alerts, the storage and companion-health notices
# (to the end of the file)
# Alerts of the other doors (2FA, emails, login codes, business bots). HTML; fields arrive escaped.
door-2fa-path = Settings → Privacy and Security → Two-Step Verification
door-not-you-holds = If this was not you, someone else now holds your 2FA password.
door-password-off =
    🚨🚨 <b>2FA turned off</b>
    The two-step verification password of your account was removed. Anyone who gets a login code can now log in.
    If this was not you: send /panic, then set a new 2FA password with a recovery email only you control ({ door-2fa-path }).
door-password-on =
    🚨 <b>2FA turned on</b>
    A two-step verification password was set on your account. { door-not-you-holds }
    Send /panic at once, then check /security.
door-password-changed =
    🚨 <b>2FA password changed</b>
    The two-step verification password was set again. { door-not-you-holds }
    Send /panic at once, then check /security.
door-hint-changed =
    ⚠️ <b>2FA hint changed</b>
    { $what }
    If this was not you, change your 2FA password ({ door-2fa-path }) and send /panic.
door-hint-removed = The password hint was removed.
door-hint-now = The password hint is now: “{ $hint }”.
door-recovery-pending =
    🚨 <b>A recovery email is being set</b>
    Telegram is waiting for the confirmation code sent to { $pattern } (masked as Telegram shows it).
    If that is not your address, someone is taking over your 2FA recovery: send /panic and set your own recovery email.
door-recovery-set =
    ⚠️ <b>A recovery email was confirmed</b> for your 2FA password.
    If this was not you, send /panic and change it.
door-recovery-removed =
    ⚠️ <b>The recovery email was removed</b> from your 2FA password.
    If this was not you, set one you control ({ door-2fa-path }) and send /panic.
door-login-email-changed =
    ⚠️ <b>Login email changed</b>
    { $what }
    If this was not you, send /panic.
door-login-email-removed = The login email was removed.
door-login-email-now = The login email is now { $pattern } (masked by Telegram).
door-reset-pending =
    🚨 <b>A 2FA password reset is pending</b>
    Someone asked Telegram to reset your 2FA password. Unless it is cancelled, the password is removed at { $at } (in { $left }).
    If this was not you, press “{ door-cancel-reset-button }”.
door-reset-due =
    🚨 <b>A 2FA password reset was due at { $at } ({ $ago })</b>
    Someone asked Telegram to reset your 2FA password, and its date has passed: the password may already be removed.
    Open Settings → Privacy and Security → Two-Step Verification on your own phone. If the password is gone, set a new one at once and end the sessions you do not know (/sessions). If it is still there, press “{ door-cancel-reset-button }”.
door-code-requested =
    🔑 <b>Someone asked Telegram for a login code for your account…</b>
    Telegram sent it to your apps { $ago }. The code is not repeated here.
    { $outcome }
    If you are not logging in yourself: never share the code, make sure 2FA is on (/security), and watch /sessions.
door-code-late = 🔑 Follow-up on the login code reported above: { $outcome }
door-bot-connected =
    🚨 <b>A business bot was connected to your account</b>
    { $details }
    If this was not you, press “{ door-disconnect-button }”.
code-invalidated = ✅ Code guard invalidated the code at once: it can no longer be used to log in.
code-invalidate-failed = ❌ Code guard could not invalidate the code (Telegram answered { $code }). Do not share it with anyone.
code-invalidating = ⏳ Code guard asked Telegram to invalidate the code; Telegram has not confirmed yet. Do not share it with anyone.
code-expected = You opened a login window with /expect, so this code was expected and left valid.
code-unguarded = The code is still valid. Turn on /codeguard to have such codes invalidated at once.
door-cancel-reset-button = Cancel the reset
door-disconnect-button = Disconnect
door-disconnect-bot-button = Disconnect { $bot }
door-reset-declined = ✅ The 2FA password reset was cancelled: your password stays.
door-reset-not-pending = No 2FA reset is pending any more: nothing needed doing.
door-bot-disconnected = ✅ Disconnected: the bot can no longer read or answer your chats.
door-bot-gone = That bot is no longer connected: nothing needed doing.
# A business bot: who, what it can do, which chats.
bot-line = Bot: { $bot }
bot-can-reply = It can <b>read and reply</b> in your name.
bot-read-only = It can read messages but not reply.
bot-reaches = It reaches: { $chats }.
recipients-existing = existing chats
recipients-new = new chats
recipients-contacts = contacts
recipients-non-contacts = non-contacts
recipients-chosen = { $count ->
        [one] { $count } chosen chat
       *[other] { $count } chosen chats
    }
recipients-all-kinds = all { $kinds }
recipients-all-chats = all chats
recipients-except = { $all } except { $listed }
recipients-and = { $first } and { $second }
recipients-none = no chats yet
# /bots
bots-none = No business bots are connected to your account: none can read or answer your chats.
bots-header = <b>{ $count } connected business { $count ->
        [one] bot
       *[other] bots
    }</b>
bots-explain = A business bot can read the chats it reaches. If you did not connect one, disconnect it.
# /codeguard
codeguard-on = 🔑 Code guard is <b>on</b>: every login code Telegram sends is invalidated at once (account.invalidateSignInCodes), so a phished code is useless. Before you log in yourself, send /expect.
codeguard-on-window = ⚠️ Code guard is <b>on</b>, but an /expect window leaves login codes valid until { $at }. Send /expect off to close it now.
codeguard-off = Code guard is <b>off</b>: login codes are reported here, but stay valid.
codeguard-not-on-off = That is not on or off; nothing was changed.
codeguard-usage = Usage: /codeguard on or /codeguard off.
# /expect
expect-usage = Usage: /expect [minutes] (default { $default }, at most { $max }), or /expect off. Nothing was changed.
expect-not-a-number = "{ $input }" is not a number of minutes.
expect-out-of-range = The window is 1 to { $max } minutes, not { $minutes }.
expect-closed = The login window is closed: login codes are treated as unexpected again.
expect-guard-on = Code guard will leave the codes that arrive until then valid.
expect-guard-off = Code guard is off, so codes stay valid anyway; alerts will say the code was expected.
expect-open = 🔓 Login window open until { $at } (in { $left }). { $guard } Send /expect off when you are logged in.
# /ttl
ttl-1-week = 1 week
ttl-1-month = 1 month
ttl-3-months = 3 months
ttl-6-months = 6 months
ttl-1-year = 1 year
ttl-label = { $days } days
ttl-label-named = { $days } days ({ $name })
ttl-usage = Usage: /ttl to see the current period, or /ttl <days> to change it, where days is one of { $accepted }. Nothing was changed.
ttl-not-a-number = "{ $input }" is not a number of days. { $usage }
ttl-not-accepted = Telegram accepts only { $accepted } days ({ $names }), as its own apps offer; { $days } is not one of them. Nothing was changed.
ttl-view =
    <b>Inactive sessions end after { $period }.</b>
    Telegram ends a session by itself once it has not been used for this long. A shorter period leaves a forgotten device logged in for less time.
    Tap a period to change it.
ttl-done = Done: sessions inactive for { $period } now end automatically.
ttl-button-invalid = That button is not valid. Send /ttl again.
# /panic
panic-confirm = 🚨 <b>Lock the account down?</b>
panic-will = This will, at once:
panic-step-sessions = end every session except session-warden's companion, including your own phone and desktop apps;
panic-step-web = end every website login made with "Log in with Telegram";
panic-step-guard = turn guard mode on, so new logins from untrusted devices are ended immediately;
panic-step-reset = cancel a pending 2FA password reset;
panic-step-bots = disconnect every business bot connected to the account;
panic-step-ttl = end inactive sessions after { $period }, the shortest Telegram accepts;
panic-step-codeguard = turn code guard on, so every login code is invalidated the moment it arrives.
panic-button-expires = The button works once and expires in 2 minutes.
panic-lock-button = Lock it down
panic-cancelled = Cancelled. Nothing was changed.
panic-done-title = <b>Panic: what was done</b>
panic-ended-sessions = ✅ Ended every other session, including your own apps.
panic-sessions-failed = ❌ Could not end the other sessions. { $reason }
panic-ended-web = ✅ Ended every website login.
panic-web-failed = ❌ Could not end the website logins. { $reason }
panic-guard-on = ✅ Guard mode is on. Your { $count ->
        [one] { $count } trusted device
       *[other] { $count } trusted devices
    } can log in again; guard mode ends logins from any other device.
panic-guard-on-untrusted = ✅ Guard mode is on, with no trusted devices: your own next login will be ended too. Use /trust or /guard off before you log in again.
panic-guard-on-fresh = ⚠️ Guard mode is on, but Telegram lets session-warden end sessions only from { $at }, when its companion is 24 hours old: until then new logins are reported, not ended.
panic-no-reset = ✅ No 2FA password reset was pending.
panic-reset-unchecked = ❌ Could not check for a pending 2FA reset. { $reason }
panic-no-bots = ✅ No business bots were connected.
panic-bots-unread = ❌ Could not read the connected bots. { $reason }
panic-bots-disconnected = ✅ Disconnected { $count } business { $count ->
        [one] bot
       *[other] bots
    }.
panic-bots-partly = ❌ Disconnected { $done } of { $count } business bots. { $reason } Send /bots to try the rest.
panic-ttl-done = ✅ Inactive sessions now end after { $period }.
panic-ttl-failed = ❌ Could not shorten the inactivity period. { $reason }
panic-codeguard-on = ✅ Code guard is on: login codes are invalidated as they arrive. Send /expect before you log in yourself.
panic-codeguard-failed = ❌ Code guard could not be turned on: login codes may still stay valid. Send /codeguard on.
panic-next-relogin = <b>Now log in again on your own phone (your apps were logged out too), then:</b>
panic-next-relogin-untrusted = <b>Guard mode is on with no trusted device, so it would end your own next login too. On your own phone: send /guard off here, log in again (your apps were logged out), trust it with /trust, then send /guard on. Then:</b>
panic-next = <b>Now, on your own phone or computer:</b>
panic-next-steps =
    1. Change your 2FA password ({ door-2fa-path }), or set one if you have none.
    2. Check the recovery email of your 2FA password: it must be an address only you control.
    3. Review /log and /sessions for anything you did not do.
    4. Never share login codes: Telegram never asks for them.
# /security
checkup-title = <b>Security checkup</b>
checkup-2fa-on = ✅ 2FA is on.
checkup-2fa-off = ❌ 2FA is off: set a password with a recovery email only you control ({ door-2fa-path }).
checkup-recovery-set = ✅ A recovery email is set.
checkup-no-recovery = ⚠️ No recovery email: add one you control ({ door-2fa-path }).
checkup-recovery-pending = 🚨 A recovery email is being set: { $pattern }. If it is not yours, send /panic.
checkup-no-reset = ✅ No 2FA reset is pending.
checkup-reset-pending = 🚨 A 2FA reset is pending: it removes the password at { $at } (in { $left }). Cancel it if it was not you.
checkup-reset-due = 🚨 A 2FA reset was due at { $at } ({ $ago }): the password may already be removed. Check Two-Step Verification on your own phone and set a new password if it is gone.
checkup-sessions-clean = ✅ None of the { $count } other sessions has a risk flag.
checkup-sessions-flagged = ⚠️ { $count } { $count ->
        [one] session has
       *[other] sessions have
    } risk flags (end any you do not know with /sessions):
checkup-no-web = ✅ No website logins.
checkup-web = ℹ️ { $count } website { $count ->
        [one] login
       *[other] logins
    }: review them with /websessions.
checkup-no-bots = ✅ No business bots are connected.
checkup-bots = ⚠️ { $count } business { $count ->
        [one] bot is
       *[other] bots are
    } connected and can read your chats: { $bots }. Disconnect any you did not connect.
checkup-ttl-long = ⚠️ Inactive sessions end after { $days } days; { $shortest } days leaves a forgotten device logged in for less time.
checkup-ttl = ✅ Inactive sessions end after { $days } days.
checkup-guard-on = ✅ Guard mode is on.
checkup-guard-off = ℹ️ Guard mode is off: new logins are reported, not ended (/guard on).
checkup-codeguard-on = ✅ Code guard is on.
checkup-codeguard-off = ℹ️ Code guard is off: login codes stay valid after they are reported.
checkup-shorten-ttl-button = Shorten to { $period }
checkup-codeguard-button = Turn code guard on
# The audit log's storage, and the database file
storage-down =
    ⚠️ <b>The audit log cannot be written</b>: { $reason } ({ $code }).
    Alerts and your commands keep working. What they would write is kept in memory (up to { $max } entries; past that the oldest are dropped) and written as soon as the database works again; you will be told then.
    What to do: { $fix }
storage-reason-full = the disk holding the database is full
storage-reason-readonly = the database file or its folder is read-only (or was moved)
storage-reason-locked = another program holds a lock on the database
storage-reason-io = the disk reported an error reading or writing the database
storage-reason-other = SQLite answered { $code }
storage-fix-full = Free some space on that disk.
storage-fix-readonly = Make the file and its folder writable by the user session-warden runs as, then it catches up by itself.
storage-fix-locked = Close whatever else has the database open (a second copy, a database browser).
storage-fix-io = Check the disk and the database file, then restart session-warden if it does not recover.
storage-fix-other = Check the disk and the database file.
backlog-header = 📬 While the bot could not reach you: { $count } { $count ->
        [one] message
       *[other] messages
    }, newest first.
storage-up = ✅ <b>The audit log can be written again</b> after { $after }: { $count } { $count ->
        [one] entry kept in memory was
       *[other] entries kept in memory were
    } written.
storage-up-lost = { $count } older { $count ->
        [one] entry was
       *[other] entries were
    } dropped because memory was full.
database-removed = ⚠️ <b>The database file { $file } was removed</b> while session-warden runs. The audit log now goes to a deleted file and is lost when it stops. Restore the file, or restart session-warden to start a new one (it then treats today's sessions as its new starting point).
database-replaced = ⚠️ <b>The database file { $file } was replaced</b> by another file while session-warden runs. It keeps writing to the file it opened, which is no longer at that path. Restart session-warden to use the file now there.
database-back = ✅ The database file { $file } is back: it is the one session-warden has open.
# The companion's health, a second copy, start-up
companion-down = ⚠️ The companion cannot reach Telegram since { $since } ({ $wait }). Until it can, new logins are not seen and cannot be ended. It keeps reconnecting by itself; if this lasts, check the server's network.
companion-up = ✅ The companion reaches Telegram again, after { $wait }. The session list is being checked now for logins made meanwhile.
another-copy-stopped = ⚠️ A second copy of session-warden started with this bot token (with its own database, or on another server) and stopped itself: the copy already running keeps guarding. If you did not mean to start it, find where it runs (<code>pm2 ls</code> on each server) and remove it.
another-copy-fighting = ⚠️ Another copy of session-warden is running with this bot token (with its own database, or on another server). Telegram gives each update to only one of them, so commands may go unanswered and alerts may come twice. Run one copy only: find the other with <code>pm2 ls</code> on each server.
started-late = session-warden is running. The companion could not reach Telegram at first, so start-up waited { $wait }; logins made meanwhile are found by the first session check now.
started-logged-out = session-warden started, but the companion account is logged out ({ $code }): { $why } { $fix }
started-unreachable = session-warden started, but the companion could not reach Telegram yet ({ $code }). It keeps trying.
interrupted-head = <b>session-warden restarted while these actions were running.</b> Whether Telegram carried them out is unknown:
interrupted-more = …and { $count } more.
interrupted-foot = Send /sessions to check, and repeat what is still needed.

## issue-23
# A session that moved, changed hands or woke up, with no new login (a copied session file)
answer-accepting-change = Noted…
change-head-moved = 🚨 <b>A session of your account moved</b> to another country ({ $from } → { $to }), without a new login
change-head-changed-hands = 🚨 <b>A session of your account changed hands</b>: another device or app now uses it, without a new login
change-head-woke-up = 🚨 <b>A session of your account woke up</b> after a long sleep: it had not been used since { $since }
change-also = It also { $what }.
change-kind-moved = moved to another country
change-kind-changed-hands = changed hands (another device or app)
change-kind-woke-up = woke up after over 30 days asleep
change-row-place = Place: { $from } → { $to }
change-row-device = Device: { $from } → { $to }
change-row-app = App: { $from } → { $to }
change-row-active = Last active: { $from } → { $to }
change-copied = This is what a copied session file looks like (malware takes it from a computer, and the thief uses your session from their own machine with no login code); ending the session is the fix, because the copy may still be in use right now.
change-guard-left = 🛡 Guard mode is on and left this session alone, because { $why }: a session that moves is most often your own phone abroad, so guard mode ends a changed session by itself only when its device is untrusted and its app unofficial. End it yourself if this is not you.
change-why-trusted = its device is on your trusted list
change-why-official = it uses an official Telegram app
change-guard-ended = 🛡 <b>Guard mode ended it at once</b>: its device is not on your trusted list (/trust) and its app is unofficial (api_id { $apiId }).
change-guard-failed = 🛡 Guard mode tried to end it (untrusted device, unofficial app), but Telegram answered { $code }. End it yourself.
change-batch-head = 🚨 <b>{ $count ->
        [one] { $count } session of your account changed
       *[other] { $count } sessions of your account changed
    }</b> without a new login: moved, changed hands or woke up. Send /sessions to review them.
change-batch-continued = 🚨 <b>Changed sessions, continued</b> (part { $part } of { $parts })
change-batch-woke = woke up
change-batch-guard = 🛡 Guard mode is on: it ended { $ended ->
        [0] none of them
        [one] { $ended } of them
       *[other] { $ended } of them
    } (untrusted device, unofficial app) and left the others alone, because a session that moves is most often your own phone abroad.
change-accepted = Marked as yours: this session's new place and device are accepted.
# /sessions, /sessions <number> and /security
sessions-flag-moved = 🚩 moved: { $from } → { $to }, { $ago }
sessions-flag-changed-hands = 🚩 changed hands: { $from } → { $to }, { $ago }
sessions-flag-woke-up = 🚩 woke up after over 30 days asleep, { $ago }
sessions-usage = Send /sessions for the list, or /sessions and a number from it (such as <code>/sessions 2</code>) for one session with its places.
sessions-no-such-number = There is no session #{ $number }: the list has { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }. Send /sessions to see them.
session-places-head = <b>Places</b> (newest first):
session-place-line = • { $place } ({ $ip }): first seen { $first }, last seen { $last }
session-places-none = No places recorded yet: they are kept from the next session check on.
checkup-moved = 🚩 { $count ->
        [one] { $count } session moved
       *[other] { $count } sessions moved
    } to another country in the last 30 days:
checkup-moved-line = • { $device }: { $from } → { $to }, { $ago }
checkup-moved-none = ✅ No session moved to another country in the last 30 days.
checkup-moved-accepted = ℹ️ { $count ->
        [one] { $count } move you confirmed as yours
       *[other] { $count } moves you confirmed as yours
    } in the last 30 days:

## issue-22
# The owner's second factor: an authenticator code before every action that changes the account or the guard.
code-action-revoke = End this session
code-action-guard = Change guard mode
code-action-codeguard = Change code guard
code-action-expect = Change the window for your own login
code-action-ttl = Change how long unused sessions live
code-action-its-me = Confirm this login as yours (It's me)
code-action-end-login = End this login's session
code-action-end-session = End this session
code-action-trust = Trust this device
code-action-untrust = Remove this trusted device
code-action-end-others = End every other session
code-action-end-untrusted = End every session except trusted devices
code-action-end-web = End this website login
code-action-end-web-all = End every website login
code-action-panic = Lock down the account (/panic)
code-action-decline-reset = Cancel the 2FA password reset
code-action-disconnect = Disconnect this bot
code-action-codeguard-on = Turn code guard on
code-action-accept-change = Accept this session's new place or device (It's me)
code-prompt = 🔐 <b>{ $action }?</b>
code-prompt-how = Send the 6-digit code from your authenticator app within 2 minutes. It does this once.
code-prompt-not-you = If you did not ask for this, do not send a code: someone else in your account asked.
code-prompt-elsewhere = The bot is waiting for the code from your authenticator app. If you did not ask for this, do not send a code: someone else in your account asked. Open Settings → Devices on your own phone and end the sessions you do not know.
code-toast-asked = Send the 6-digit code from your authenticator app.
code-toast-locked = Locked after too many wrong codes.
code-toast-cancelled = Two requests at once: both cancelled.
code-wrong = ❌ Wrong code: nothing was done.
code-replayed = ❌ This code was already used, or is older than the last one used: nothing was done. Wait for the next code in your app.
code-still-waiting = The request waits for the right code until { $at } (in { $left }).
code-send-again = Send the command again with the current code.
code-expired = The request waited 2 minutes for a code and was dropped: nothing was done. Ask again.
code-nothing-waiting = No request is waiting for a code: nothing was done. Send the command first, then the code, or put the code after the command.
code-not-this-prompt = That code answers an earlier request, which no longer waits; nothing was done. The code is used up: send the next one your app shows.
code-two-requests = ⚠️ <b>Two requests to change something came at once</b>, so both were cancelled and nothing was done. If you sent only one, someone else in your account sent the other: check /sessions. Then send your request again.
code-locked = 🔒 Too many wrong codes: actions that change your account or this guard are locked until { $at } (in { $left }). Nothing was done. Guard mode, alerts and reading keep working.
code-locked-alert = ⚠️ <b>5 wrong authenticator codes</b>: someone may be guessing your code. Actions that change your account or this guard are locked until { $at } (in { $left }). Guard mode and alerts keep working. If these were not your codes, someone else is logged in to your account.
second-factor-on = 🔐 Actions that change your account or this guard ask for a code from your authenticator app first.
second-factor-missing = ⚠️ No second factor is set, so anyone logged in to your Telegram account can command this guard: run <code>npm run setup</code> on the server to add an authenticator code.
code-prompt-accepted = ✅ Code accepted.
code-prompt-closed = Nothing was done.
status-second-factor-on = Second factor: 🔐 on, changes ask for your authenticator code.
status-second-factor-locked = Second factor: 🔒 locked after wrong codes until { $at } (in { $left }); guard mode and alerts keep working.

## issue-26
# Alerts outside Telegram (email, ntfy, webhook): plain text, no HTML.
oob-footer = What to do: open the chat with your session-warden bot in Telegram. If you cannot reach it, or you did not do this, open Telegram → Settings → Devices on your own phone and end every session you do not know.
oob-group-title = { $count } alerts from session-warden: { $first }
oob-bot-blocked-title = 🚨 session-warden cannot reach you in Telegram
oob-bot-blocked = At { $time } Telegram refused session-warden's message to you: { $reason }.
    If you did not do this yourself, someone else is in your Telegram account and silenced the bot so you would not see its alerts.
    What to do: on your own phone, open Telegram → Settings → Devices, end every session you do not know, and change your 2FA password. If you blocked the bot yourself, open its chat and unblock it (Restart).
    Alerts wait and are delivered in the chat once the bot reaches you again.
oob-bot-blocked-blocked = the bot was blocked
oob-bot-blocked-deactivated = the account is deactivated
oob-bot-blocked-chat-not-found = the chat with the bot was not found
oob-bot-chat-not-found = At { $time } Telegram refused session-warden's message to you: it knows no chat between you and the bot. Most often you have not started the bot yet; or OWNER_ID names another account.
    What to do: open your session-warden bot in Telegram and press Start (or send it /start), and check OWNER_ID in .env. Alerts wait and are delivered in the chat once the bot reaches you.
oob-bot-not-started = At { $time } Telegram refused session-warden's message to you: you have not started the bot yet, and a bot may not write first.
    What to do: open your session-warden bot in Telegram and press Start (or send it /start). Alerts wait and are delivered in the chat once you have.
oob-bot-unblocked-title = ✅ session-warden reaches you in Telegram again
oob-bot-unblocked = The bot can write to you again. { $count ->
        [0] No alerts were waiting.
        [one] { $count } alert that waited is being delivered in the chat now.
       *[other] { $count } alerts that waited are being delivered in the chat now.
    }
oob-test-title = session-warden: test message
oob-test = This is a test from session-warden. Alerts about your Telegram account's safety also come here, where someone in your account cannot silence them.
# /status and /security: the channels and the heartbeat
status-channels-none = Alerts outside Telegram: none set, only this chat.
status-channels = Alerts outside Telegram:
status-channel = • { $name }: { $state }
status-channel-delivered = last delivered { $ago }
status-channel-never = nothing delivered yet
status-channel-waiting = { $count } waiting
status-channel-dropped = { $count } dropped after 24 hours
status-channel-failing = failing ({ $code }), retrying
status-heartbeat-off = Heartbeat: not set.
status-heartbeat-on = Heartbeat: every { $interval }; last ping { $ago }.
status-heartbeat-none-yet = Heartbeat: every { $interval }; no ping yet.
status-heartbeat-paused = ⚠️ Heartbeat: paused since { $since }, because the guard cannot watch; the monitor was told (/fail).
checkup-channels-none = ⚠️ Alerts reach you only through this chat: someone in your account can block the bot or delete its alerts. Set an email, ntfy or webhook channel (README, "Alerts outside Telegram").
checkup-channels = ✅ Alerts also go to: { $names }.
# /test
command-test = Send a test alert through email, push and webhook
test-none = No channel outside Telegram is set, so alerts reach you only through this chat. Set SMTP_URL, NTFY_URL or WEBHOOK_URL in .env (README, "Alerts outside Telegram") and restart.
test-unknown = There is no channel called “{ $name }”. Send /test for all of them, or /test email, /test ntfy, /test webhook.
test-too-soon = A test went out less than a minute ago; send /test again in { $seconds } s.
test-not-set = { $name } is not set up: add it to .env and restart.
test-sent = ✅ { $name }: sent. Check that it arrived.
test-failed = ❌ { $name }: not sent ({ $code }). Check the setting and the server.
oob-bot-unreachable-title = ⚠️ session-warden cannot reach Telegram's Bot API
oob-bot-unreachable = Since { $since } ({ $wait } so far) session-warden's messages to you in Telegram are not getting through: the Bot API cannot be reached. It keeps trying, and alerts come here meanwhile. If this lasts, check the server's network.
oob-bot-reachable-title = ✅ session-warden reaches Telegram's Bot API again
oob-bot-reachable = Messages to you in Telegram get through again, after { $wait }. What waited is being delivered in the chat now.

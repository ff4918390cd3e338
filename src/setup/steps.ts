import { parseLoginSettings, type LoginSettings } from '../account/login-cli';
import { OWN_API_ID } from '../account/login-guidance';
import type { AccountUser } from '../domain/session';
import { checkBotToken, TOKEN_PATTERN } from './checks';
import { SetupStopped, type Conversation } from './conversation';

export const DEFAULT_BOT_API_ROOT = 'https://api.telegram.org';

export interface BotIdentity {
  readonly token: string;
  readonly username: string;
}

/** Step 1: a token that getMe accepts, the current one if it still works and the owner keeps it. */
export async function botTokenStep(c: Conversation, current: string | undefined, apiRoot: string): Promise<BotIdentity> {
  c.say('Step 1 of 5: the bot token.');
  if (current) {
    c.secret(current);
    const username = TOKEN_PATTERN.test(current) ? await usernameFor(c, current, apiRoot) : undefined;
    if (username) {
      if (await c.yesNo(`The current token works for @${username}. Keep the current token? [Y/n] `)) return { token: current, username };
    } else {
      c.say('The current BOT_TOKEN does not work: Telegram does not know that token. Enter the token again.');
    }
  } else {
    c.say('In Telegram, ask @BotFather for a new bot (/newbot) and paste the token it gives you.');
  }
  for (;;) {
    const token = (await c.ask('Bot token: ', { hidden: true })).trim();
    c.secret(token);
    if (!token) {
      c.say('No token was entered: paste the token from @BotFather.');
    } else if (!TOKEN_PATTERN.test(token)) {
      c.say('That does not look like a bot token (digits, a colon, then letters): copy it again from @BotFather.');
    } else {
      const username = await usernameFor(c, token, apiRoot);
      if (username) {
        c.say(`The token belongs to @${username}.`);
        return { token, username };
      }
      c.say('Telegram does not know that token: copy it again from @BotFather (/mybots > your bot > API Token).');
    }
  }
}

/** The bot's @username, or undefined if the token is unknown; network trouble is retried or stops the setup. */
async function usernameFor(c: Conversation, token: string, apiRoot: string): Promise<string | undefined> {
  for (;;) {
    const check = await checkBotToken(token, apiRoot);
    if (check.ok) return check.username;
    if (check.reason === 'unknown') return undefined;
    const where = apiRoot === DEFAULT_BOT_API_ROOT ? 'the network' : 'the network and BOT_API_ROOT';
    c.say(
      check.reason === 'unreachable'
        ? `Could not reach the Bot API at ${apiRoot} (${check.detail}): check ${where}.`
        : `The Bot API at ${apiRoot} refused the check (${check.detail}): check ${where}.`,
    );
    if (!(await c.yesNo('Try again? [Y/n] '))) throw new SetupStopped('Run `npm run setup` again once the Bot API can be reached.');
  }
}

const API_ID_PATTERN = /^[1-9]\d{0,9}$/;

/** Step 2: API_ID and API_HASH, checked as parseConfig does. */
export async function apiCredentialsStep(c: Conversation, id: string | undefined, hash: string | undefined): Promise<LoginSettings> {
  c.say('');
  c.say("Step 2 of 5: the companion app's API_ID and API_HASH.");
  c.secret(hash);
  if (id || hash) {
    const parsed = parseLoginSettings({ API_ID: id, API_HASH: hash });
    if (parsed.ok && (await c.yesNo(`Keep the current API_ID (${parsed.settings.apiId}) and API_HASH? [Y/n] `))) return parsed.settings;
    if (!parsed.ok) c.say(`The current settings need fixing: ${parsed.problems.join('; ')}.`);
  }
  c.say('On my.telegram.org, open "API development tools", create an app if you have none, and copy its api_id and api_hash.');
  c.say(OWN_API_ID);
  let apiId: number | undefined;
  while (apiId === undefined) {
    const answer = (await c.ask('API_ID (App api_id): ')).trim();
    if (API_ID_PATTERN.test(answer)) apiId = Number(answer);
    else c.say('API_ID must be the number shown as "App api_id" on my.telegram.org: type digits only.');
  }
  for (;;) {
    const apiHash = (await c.ask('API_HASH (App api_hash): ', { hidden: true })).trim();
    c.secret(apiHash);
    if (!apiHash) {
      c.say('No API_HASH was entered: copy "App api_hash" from my.telegram.org.');
    } else if (/\s/.test(apiHash)) {
      c.say('API_HASH must not contain spaces: copy "App api_hash" from my.telegram.org again.');
    } else {
      if (!/^[0-9a-f]{32}$/i.test(apiHash)) {
        c.say('Note: an api_hash is normally 32 hexadecimal characters; if the login below fails, copy it again.');
      }
      return { apiId, apiHash };
    }
  }
}

const OWNER_PATTERN = /^[1-9]\d{0,15}$/;

/** Step 4: whom the bot obeys; Enter keeps the current OWNER_ID, or else the companion account. */
export async function ownerStep(c: Conversation, companion: AccountUser, current: string | undefined): Promise<string> {
  c.say('');
  c.say('Step 4 of 5: who may use the bot. It answers one Telegram account only.');
  const self = String(companion.id);
  const fallback = current && OWNER_PATTERN.test(current) ? current : self;
  const label = fallback === self ? `${self}, the companion account` : `${fallback}, as set now; the companion account is ${self}`;
  for (;;) {
    const answer = (await c.ask(`Owner id [${label}]: `)).trim();
    if (answer === '') return fallback;
    if (OWNER_PATTERN.test(answer)) return answer;
    c.say('An owner id is a numeric Telegram user id, such as 123456789: type digits only, or press Enter for the default.');
  }
}

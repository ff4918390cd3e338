import { COMMANDS } from '../../src/bot/features/help';
import { randomBytes } from 'node:crypto';
import { simulateDoor } from './doors';
import { letterButtons, renderMessage, type DemoButton, type WireMessage } from './render';
import { DEMO_EMAIL, DEMO_OWNER, type DemoWorld } from './scenario';
import { DEMO_WORDS, type DemoLanguage, type DemoWords } from './words';

/** One thing the bot did in the owner's chat, as shown. */
export interface ShownEvent {
  readonly kind: 'message' | 'edit' | 'notice' | 'mail';
  /** Plain text, for matching. */
  readonly text: string;
}

export const LOGIN_SYNTAX = ':login <device> from <place>';
const LOGIN = /^:login(?:\s+(.+?))?(?:\s+from\s+(.+))?\s*$/i;
export const MOVE_SYNTAX = ':move <device> to <place>';
const MOVE = /^:move\s+(.+?)\s+to\s+(.+?)\s*$/i;

/**
 * The owner's side of the chat: typed lines become updates in the Bot API emulator, and whatever the
 * bot sends or edits there is drawn as it arrives. The emulator's call record is the single source,
 * so the demo shows exactly what the bot did, nothing staged.
 */
export class DemoChat {
  readonly shown: ShownEvent[] = [];
  private buttons: DemoButton[] = [];
  /** The code `:otp` printed last. */
  lastOtp: string | undefined;
  private seen = 0;
  private mailsSeen = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly world: DemoWorld,
    /** Swappable: the interactive mode draws around its prompt. */
    public print: (text: string) => void,
    private readonly ansi: boolean,
  ) {
    this.timer = setInterval(() => this.drain(), 25);
  }

  close(): void {
    clearInterval(this.timer);
    this.drain();
  }

  /** The code the owner's authenticator app shows now (a new one each call, see DemoWorld.otp). */
  otp(): string {
    return this.world.otp();
  }

  /** The demo's own lines, in the language the bot speaks to the owner now. */
  private get words(): DemoWords {
    return DEMO_WORDS[this.world.language()];
  }

  /** The current buttons and their letters (from the newest message that had any). */
  get currentButtons(): readonly DemoButton[] {
    return this.buttons;
  }

  /** Handles one typed line: sent to the bot (a reply may follow), handled here, or the end. */
  handle(line: string): 'sent' | 'local' | 'quit' {
    const text = line.trim();
    if (text === '') return 'local';
    if (text === ':quit' || text === ':q') return 'quit';
    if (text === ':help') {
      this.print(demoHelp(this.world.language()));
      return 'local';
    }
    if (text === ':otp') {
      this.lastOtp = this.world.otp();
      this.print(this.words.otp(this.lastOtp));
      return 'local';
    }
    if (text === ':block') {
      this.world.botApi.block(DEMO_OWNER);
      this.print(this.words.block);
      return 'sent';
    }
    if (text === ':unblock') {
      this.world.botApi.unblock(DEMO_OWNER);
      this.print(this.words.unblock);
      return 'sent';
    }
    if (text === ':mail') {
      const last = this.world.mails.at(-1);
      if (!last) this.print(this.words.noMail);
      else {
        const raw = last.raw.replace(/\r\n/g, '\n').trimEnd();
        this.show({ kind: 'mail', text: raw }, `${this.words.mailStart}\n${raw}\n${this.words.mailEnd}`);
      }
      return 'local';
    }
    const door = simulateDoor(this.world, text, this.words);
    if (door) {
      this.print(door);
      return 'sent';
    }
    const move = MOVE.exec(text);
    if (move) {
      this.print(this.simulateMove(move[1]!, move[2]!));
      return 'sent';
    }
    const login = LOGIN.exec(text);
    if (login) {
      this.simulateLogin(login[1]?.trim() || 'Unknown device', login[2]?.trim());
      return 'sent';
    }
    if (text.startsWith(':')) {
      this.print(this.words.unknownCommand(text.split(/\s/)[0]!));
      return 'local';
    }
    // A button's letters press it, and a lone letter that is none says so. Everything else, numbers and
    // 6-digit codes from the authenticator app included, goes to the bot as the owner typed it.
    const key = text.toLowerCase();
    if (this.buttons.some((b) => b.key === key) || /^[a-z]$/.test(key)) return this.press(key) ? 'sent' : 'local';
    this.world.botApi.injectMessage({ from: DEMO_OWNER, text });
    return 'sent';
  }

  /**
   * Resolves once an event after `from` matches (or any event, without a pattern); false on timeout.
   * A pattern looks at the chat, or with `mail` at the emails: an alert's email may arrive first.
   */
  waitFor(from: number, pattern: RegExp | undefined, timeoutMs: number, mail = false): Promise<boolean> {
    const found = (): boolean => this.shown.slice(from).some((e) => pattern === undefined || ((e.kind === 'mail') === mail && pattern.test(e.text)));
    if (found()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(ok);
      };
      const check = (): void => {
        if (found()) done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.listeners.add(check);
    });
  }

  private press(key: string): boolean {
    const button = this.buttons.find((b) => b.key === key);
    if (!button) {
      this.print(this.words.noButton(key));
      return false;
    }
    try {
      this.world.botApi.injectCallback({ from: DEMO_OWNER, messageId: button.messageId, data: button.data });
    } catch {
      this.print(this.words.buttonGone(key));
      return false;
    }
    return true;
  }

  private simulateLogin(device: string, place: string | undefined): void {
    // A random int64 with the sign bit free to be set, as Telegram's hashes are.
    const hash = randomBytes(8).readBigInt64BE();
    // Listed first with plausible fields, so /sessions shows an official app rather than the emulator's placeholders.
    const now = Math.floor(Date.now() / 1000);
    this.world.mt.addSession({
      hash, deviceModel: device, ...guessApp(device), officialApp: true, unconfirmed: true,
      ip: demoIp(), ...splitPlace(place), dateCreated: now, dateActive: now,
    });
    this.world.mt.pushNewAuthorization({ hash, unconfirmed: true, device, ...(place ? { location: place } : {}) }, { addSession: false });
    this.print(this.words.login(device, place, hash));
  }

  /**
   * A copied session file used from elsewhere: the same hash, now active from `place` ("Lagos,
   * Nigeria" or just "Nigeria") with a new IP. No login is pushed; the warden's check finds it.
   */
  private simulateMove(device: string, place: string): string {
    const wanted = device.trim().toLowerCase();
    const session = this.world.mt.sessions().find((s) => s.deviceModel.toLowerCase().startsWith(wanted));
    if (!session) return this.words.noSuchDevice(device);
    const parts = place.split(',').map((p) => p.trim()).filter(Boolean);
    const country = parts.at(-1) ?? place;
    const region = parts.length > 1 ? parts.slice(0, -1).join(', ') : '';
    this.world.mt.updateSession(session.hash, { country, region, ip: '198.51.100.23', dateActive: Math.floor(Date.now() / 1000) });
    void this.world.app.watcher.reconcileNow();
    return this.words.moved(session.deviceModel, place);
  }

  private drain(): void {
    const calls = this.world.botApi.calls;
    let changed = false;
    for (; this.seen < calls.length; this.seen++) {
      const call = calls[this.seen]!;
      if (!call.ok) continue;
      if (call.method === 'answerCallbackQuery' && typeof call.params['text'] === 'string') {
        this.show({ kind: 'notice', text: call.params['text'] }, this.ansi ? `\x1b[2m  (${call.params['text']})\x1b[0m` : `  (${call.params['text']})`);
        changed = true;
        continue;
      }
      if (call.method !== 'sendMessage' && call.method !== 'editMessageText') continue;
      if (Number(call.params['chat_id']) !== DEMO_OWNER.id || typeof call.result !== 'object' || call.result === null) continue;
      const message = call.result as WireMessage;
      const buttons = letterButtons(message);
      if (buttons.length > 0) this.buttons = buttons;
      const edited = call.method === 'editMessageText';
      this.show({ kind: edited ? 'edit' : 'message', text: message.text ?? '' }, renderMessage(message, { ansi: this.ansi, edited, buttons, ...(process.stdout.isTTY && process.stdout.columns ? { width: process.stdout.columns } : {}) }));
      changed = true;
    }
    for (; this.mailsSeen < this.world.mails.length; this.mailsSeen++) {
      const mail = this.world.mails[this.mailsSeen]!;
      this.show({ kind: 'mail', text: mail.subject }, this.words.mailArrived(mail.to.join(', '), mail.subject));
      changed = true;
    }
    if (changed) for (const l of [...this.listeners]) l();
  }

  private show(event: ShownEvent, rendered: string): void {
    this.shown.push(event);
    this.print(rendered);
  }
}

/** A platform and app that fit the device's name, so a simulated login reads like a real one. */
/** A fresh address from the documentation ranges (RFC 5737) for each simulated login. */
function demoIp(): string {
  const [net, last] = [['198.51.100', '203.0.113', '192.0.2'][randomBytes(1)[0]! % 3], 1 + (randomBytes(1)[0]! % 254)];
  return `${net}.${last}`;
}

/** "Berlin, Germany" is a region and a country, as Telegram lists them: the country alone is what "new country" names. */
function splitPlace(place: string | undefined): { country: string; region: string } {
  if (!place) return { country: 'Unknown', region: '' };
  const parts = place.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? { country: parts.at(-1)!, region: parts.slice(0, -1).join(', ') } : { country: place.trim(), region: '' };
}

function guessApp(device: string): { platform: string; systemVersion: string; appName: string; appVersion: string; apiId: number } {
  if (/iphone|ipad/i.test(device)) return { platform: 'iOS', systemVersion: '17.5', appName: 'Telegram iOS', appVersion: '10.14', apiId: 8 };
  if (/mac/i.test(device)) return { platform: 'macOS', systemVersion: '14.4', appName: 'Telegram Desktop', appVersion: '5.1.7', apiId: 2040 };
  if (/windows|pc|laptop|desktop/i.test(device)) return { platform: 'Windows', systemVersion: '11', appName: 'Telegram Desktop', appVersion: '5.1.7', apiId: 2040 };
  if (/chrome|firefox|safari|edge|browser/i.test(device)) return { platform: 'Web', systemVersion: 'Linux', appName: 'Telegram Web A', appVersion: '10.9', apiId: 2496 };
  if (/linux|ubuntu|debian|fedora/i.test(device)) return { platform: 'Linux', systemVersion: '6.8', appName: 'Telegram Desktop', appVersion: '5.1.7', apiId: 2040 };
  if (/galaxy|samsung/i.test(device)) return { platform: 'Android', systemVersion: 'SDK 34 (Android 14)', appName: 'Telegram Android', appVersion: '11.2.3', apiId: 6 };
  return { platform: 'Android', systemVersion: 'SDK 35 (Android 15)', appName: 'Telegram Android', appVersion: '11.4.2', apiId: 6 };
}

/** The demo's help, in `language`: the bot's commands (from its own menu, so none is ever missing) and the demo's. */
export function demoHelp(language: DemoLanguage = 'en'): string {
  const commands = COMMANDS.map((c) => `/${c.command}`).join(', ');
  return DEMO_WORDS[language].help(commands, LOGIN_SYNTAX, MOVE_SYNTAX, DEMO_EMAIL).join('\n');
}

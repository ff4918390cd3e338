/**
 * The demo's own lines (what it simulates, its help, its notes), in the language the owner chose for
 * the bot. They describe the sandbox, not the product, so they live here and not in locales/.
 */
export type DemoLanguage = 'en' | 'ru';

export interface DemoWords {
  readonly otp: (code: string) => string;
  readonly block: string;
  readonly unblock: string;
  readonly noMail: string;
  readonly mailStart: string;
  readonly mailEnd: string;
  readonly mailArrived: (to: string, subject: string) => string;
  readonly unknownCommand: (command: string) => string;
  readonly noButton: (key: string) => string;
  readonly buttonGone: (key: string) => string;
  readonly login: (device: string, place: string | undefined, hash: bigint) => string;
  readonly noSuchDevice: (device: string) => string;
  readonly moved: (device: string, place: string) => string;
  readonly passwordOff: string;
  readonly reset: string;
  readonly code: string;
  readonly bot: string;
  readonly help: (commands: string, login: string, move: string, email: string) => readonly string[];
}

const EN: DemoWords = {
  otp: (code) => `(your authenticator app shows ${code}: type it to confirm the request waiting for a code)`,
  block: '(simulated: someone in your account blocks the bot, so its alerts no longer reach this chat)',
  unblock: '(simulated: you unblock the bot; what waited arrives now, newest first)',
  noMail: '(no email has arrived yet)',
  mailStart: '── the last email, as the mail server received it ──',
  mailEnd: '── end of the email ──',
  mailArrived: (to, subject) => `mail> to ${to}: “${subject}” (:mail shows it as the mail server got it)`,
  unknownCommand: (command) => `(unknown demo command ${command}: type :help)`,
  noButton: (key) => `(there is no button ${key}; the letters belong to the newest message with buttons)`,
  buttonGone: (key) => `(button ${key} is no longer on that message)`,
  login: (device, place, hash) => `(simulated: Telegram reports a new login on ${device}${place ? ` from ${place}` : ''}, hash ${hash})`,
  noSuchDevice: (device) => `(no session's device starts with "${device}": send /sessions to see them)`,
  moved: (device, place) => `(simulated: the session of ${device} is now used from ${place}, with no new login, as a copied session file would be)`,
  passwordOff: "(simulated: someone turns off the account's 2FA password)",
  reset: '(simulated: someone asks Telegram to reset the 2FA password; it takes effect in 7 days)',
  code: '(simulated: someone asks for a login code; Telegram sends it to your apps from 777000)',
  bot: '(simulated: a business bot is connected to the account and can read and reply)',
  help: (commands, login, move, email) => [
    `Type what the owner would send the bot: ${commands}.`,
    '  a, b, c…              press that button of the newest message with buttons, shown as [a: label];',
    '                        anything else, a code or a number too, goes to the bot as a message',
    `  ${login}   someone logs in to the account, e.g. :login Galaxy S24 from Lagos, Nigeria`,
    `  ${move}     a session is used from elsewhere (a copied session file), e.g. :move MacBook to Lagos, Nigeria`,
    '  :2fa off              someone turns off the 2FA password',
    '  :reset                someone requests a 2FA password reset',
    '  :code                 someone asks Telegram for a login code',
    '  :bot                  someone connects a business bot',
    '  :otp                  the code your authenticator app shows now: type it when the bot asks for one',
    '  :block, :unblock      someone in the account blocks the bot; you unblock it',
    `  :mail                 the last alert email to ${email}, as the mail server received it`,
    '  :help                 this help',
    '  :quit                 stop the demo (Ctrl+D works too)',
  ],
};

const RU: DemoWords = {
  otp: (code) => `(ваше приложение-аутентификатор показывает ${code}: введите его, чтобы подтвердить запрос, который ждёт код)`,
  block: '(симуляция: кто-то в вашем аккаунте блокирует бота, и его оповещения больше не доходят в этот чат)',
  unblock: '(симуляция: вы разблокируете бота; то, что ждало, приходит сейчас, сначала новое)',
  noMail: '(писем пока не было)',
  mailStart: '── последнее письмо, как его получил почтовый сервер ──',
  mailEnd: '── конец письма ──',
  mailArrived: (to, subject) => `mail> для ${to}: «${subject}» (:mail покажет его так, как его получил почтовый сервер)`,
  unknownCommand: (command) => `(неизвестная команда демо ${command}: введите :help)`,
  noButton: (key) => `(кнопки ${key} нет; буквы относятся к последнему сообщению с кнопками)`,
  buttonGone: (key) => `(кнопки ${key} на том сообщении больше нет)`,
  login: (device, place, hash) => `(симуляция: Telegram сообщает о новом входе: ${device}${place ? `, ${place}` : ''}, хеш ${hash})`,
  noSuchDevice: (device) => `(нет сеанса, у которого устройство начинается с «${device}»: отправьте /sessions, чтобы увидеть список)`,
  moved: (device, place) => `(симуляция: сеанс ${device} теперь используется из места «${place}» без нового входа — так бывает со скопированным файлом сеанса)`,
  passwordOff: '(симуляция: кто-то отключает облачный пароль аккаунта)',
  reset: '(симуляция: кто-то просит Telegram сбросить облачный пароль; сброс произойдёт через неделю)',
  code: '(симуляция: кто-то запрашивает код входа; Telegram присылает его в ваши приложения от 777000)',
  bot: '(симуляция: к аккаунту подключён бизнес-бот, который может читать чаты и отвечать)',
  help: (commands, login, move, email) => [
    `Пишите то, что владелец отправил бы боту: ${commands}.`,
    '  a, b, c…              нажать эту кнопку последнего сообщения с кнопками, показанную как [a: надпись];',
    '                        всё остальное, в том числе код или число, уходит боту сообщением',
    `  ${login}   кто-то входит в аккаунт, например :login Galaxy S24 from Lagos, Nigeria`,
    `  ${move}     сеанс используется из другого места (скопированный файл сеанса), например :move MacBook to Lagos, Nigeria`,
    '  :2fa off              кто-то отключает облачный пароль',
    '  :reset                кто-то запрашивает сброс облачного пароля',
    '  :code                 кто-то запрашивает у Telegram код входа',
    '  :bot                  кто-то подключает бизнес-бота',
    '  :otp                  код, который сейчас показывает приложение-аутентификатор: введите его, когда бот попросит',
    '  :block, :unblock      кто-то в аккаунте блокирует бота; вы разблокируете его',
    `  :mail                 последнее письмо-оповещение для ${email}, как его получил почтовый сервер`,
    '  :help                 эта справка',
    '  :quit                 выйти из демо (или Ctrl+D)',
  ],
};

export const DEMO_WORDS: Readonly<Record<DemoLanguage, DemoWords>> = { en: EN, ru: RU };

/** The demo's language for a language the bot speaks: Russian for ru, English for anything else. */
export const demoLanguage = (locale: string | undefined): DemoLanguage => (locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en');

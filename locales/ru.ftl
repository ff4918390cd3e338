# Русский. Те же ключи и те же переменные, что в en.ftl (это проверяет тест).
# Длительности ($wait) приходят в именительном падеже ("1 минута"): ставьте их после двоеточия.
# Множественное число по правилам CLDR: one (1, 21, 101…), few (2–4, 22–24…), many (5–20, 25…, 11–14);
# other остаётся для дробных чисел.

## Язык

language-name = Русский
language-prompt = Выберите язык сообщений бота. Сейчас: { $current }.
language-source-chosen = { $name } (выбран вами)
language-source-telegram = { $name } (как в вашем приложении Telegram)
language-auto-button = Автоматически: язык Telegram
language-set = Готово: теперь бот пишет по-русски.
language-set-auto = Готово: теперь бот пишет на языке вашего приложения Telegram. Сейчас: { $current }.
language-unknown = «{ $input }» — такого языка бот не знает. Отправьте /language { $choices } или /language auto. Ничего не изменено.

## Меню команд (setMyCommands): не длиннее 256 символов, без разметки

command-sessions = Список активных сеансов
command-revoke = Завершить один сеанс: /revoke <хеш>
command-revokeall = Завершить все другие сеансы (с подтверждением)
command-status = Следит ли бот и может ли он действовать
command-guard = Сразу завершать новые сеансы с недоверенных устройств: /guard on|off
command-trust = Доверенные устройства для режима охраны
command-panic = Аккаунт угоняют: завершить всё и включить охрану
command-security = Проверка безопасности: облачный пароль, сбросы, боты, рискованные сеансы
command-codeguard = Сразу аннулировать коды входа: /codeguard on|off
command-expect = Ожидать свой вход: /expect [минуты] | off
command-bots = Бизнес-боты, подключённые к аккаунту
command-websessions = Сайты, где вы вошли через Telegram
command-ttl = Срок автозавершения неактивных сеансов: /ttl [дни]
command-log = Последние действия и оповещения: /log [denied|all] [n]
command-language = Язык бота: /language en|ru
command-help = Что умеет этот бот

## /help (HTML)

help =
    <b>session-warden</b> охраняет сеансы вашего аккаунта Telegram.
    Он работает через отдельный сеанс-компаньон в вашем же аккаунте, поэтому может то, чего не могут обычные боты: видеть и завершать ваши сеансы.

    /sessions — активные сеансы, сверху недавно активные, у каждого кнопка «Завершить»; /sessions &lt;номер&gt; — один из них подробно
    /revoke &lt;хеш&gt; — завершить один сеанс по его хешу (это число под сеансом в /sessions)
    /revokeall — завершить все сеансы, кроме компаньона session-warden, после вашего подтверждения
    /status — следит ли бот и разрешает ли уже Telegram завершать сеансы
    /guard on|off — сразу завершать новые сеансы с недоверенных устройств
    /trust — устройства, которые режим охраны не трогает
    /panic — если аккаунт угоняют: завершить все другие сеансы и входы на сайтах, включить режим охраны
    /security — проверка на одной странице: облачный пароль, почта для восстановления, ожидающие сбросы, рискованные сеансы, боты и настройки
    /test [email|ntfy|webhook] — проверочное оповещение по каналам вне Telegram (по всем или по названному)
    /codeguard on|off — аннулировать каждый код входа от Telegram, как только он приходит
    /expect [минуты] — окно для вашего собственного входа (по умолчанию 10, не больше 60), в котором коды не аннулируются; /expect off закрывает его
    /bots — бизнес-боты, подключённые к аккаунту, с кнопками «Отключить»
    /websessions — сайты, где вы вошли кнопкой «Войти через Telegram», с кнопками «Завершить»
    /ttl [дни] — через сколько дней без использования Telegram сам завершает сеанс (7, 30, 90, 180 или 365)
    /log [n] — последние n действий и оповещений и ответы Telegram (по умолчанию 10, не больше 50); /log denied [n] — попытки посторонних, /log all [n] — всё подряд
    /language — язык этих сообщений (русский или английский)
    /help — это сообщение

    О каждом новом входе бот сообщает здесь сразу, с кнопками «Это я» и «Завершить».
    Пользоваться ботом можете только вы. Остальным он не отвечает, а их попытки записывает в журнал.
    Время в сообщениях указано в часовом поясе { $timeZone }.

## Кнопки и слова, которые встречаются в разных местах

button-end-it = Завершить
button-cancel = Отмена
button-invalid = Эта кнопка недействительна.
button-expired = Эта кнопка уже устарела. Отправьте команду ещё раз.
button-already-done = Уже выполнено или выполняется — см. сообщение.
# A confirming button pressed after its prompt expired or was forgotten (a restart); $command starts over.
confirmation-expired = Время на подтверждение истекло. Ничего не изменено.
confirmation-expired-again = Время на подтверждение истекло. Ничего не изменено; отправьте { $command } ещё раз.
confirmation-invalid = Это подтверждение больше не действует (возможно, session-warden перезапускался). Ничего не изменено.
confirmation-invalid-again = Это подтверждение больше не действует (возможно, session-warden перезапускался). Ничего не изменено; отправьте { $command } ещё раз.
cancelled = Отменено
unknown-command = Такой команды я не знаю. Отправьте /help, чтобы увидеть, что я умею.
hash-line = Хеш: <code>{ $hash }</code>
app-line = Приложение: { $app } ({ $official })
app-official = официальное
app-unofficial = неофициальное, api_id { $apiId }

## Один сеанс (/sessions, подтверждения)

session-unknown-app = неизвестное приложение
session-unknown-place = место неизвестно
session-no-ip = IP неизвестен
session-card-title = <b>№{ $index } { $device }</b>
session-card-system = Система: { $platform } { $system }
session-card-ip = IP: { $ip }
session-card-place = Место: { $place }
session-card-times = Вход: { $created } · активность: { $active }
session-flag-companion = 🛡 это сам сторож: компаньон session-warden
session-flag-password-pending = ⚠️ ждёт пароль: у кого-то есть код входа, но нет облачного пароля
session-flag-unconfirmed = ⚠️ новый вход, ещё не подтверждён
# Risk flags (🚩 line under a session or an alert, and in /security); $country is already escaped.
risk-unofficial-app = неофициальное приложение (api_id { $apiId })
risk-password-pending = password_pending: код есть, облачного пароля пока нет
risk-idle = не активен { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
}
risk-new-country = доверенное устройство, новая страна: { $country }

## /sessions: страницы списка

sessions-none = <b>Активных сеансов нет.</b>
sessions-header = <b>{ $count } { $count ->
        [one] активный сеанс
        [few] активных сеанса
       *[many] активных сеансов
    }</b>
sessions-page = (стр. { $page } из { $pages })
sessions-order = Сверху — недавно активные.
sessions-end-button = Завершить №{ $index } { $device }
page-first = ⏮ В начало
page-previous = ◀ Назад
page-next = Вперёд ▶
page-last = В конец ⏭

## /revoke и кнопки «Завершить» под /sessions

revoke-usage = Как пользоваться: /revoke <хеш>. Хеш — это число под каждым сеансом в /sessions, например { $example }. Ничего не изменено.
revoke-not-a-number = «{ $input }» — это не хеш сеанса. Хеш — целое число, например { $example }; скопируйте его из /sessions. Ничего не изменено.
revoke-out-of-range = Такого хеша сеанса быть не может: допустимы числа от { $min } до { $max }. Скопируйте хеш из /sessions. Ничего не изменено.
own-session-refusal = Это сам сторож: сеанс компаньона session-warden, через который бот видит новые входы и завершает сеансы. Если его завершить, охрана остановится, пока компаньон снова не войдёт в аккаунт на сервере; чтобы снять охрану, остановите session-warden, а затем завершите его сеанс в Telegram (Настройки → Устройства). Ничего не изменено.
revoke-current-session = Хеш 0 означает текущий сеанс. { own-session-refusal }
revoke-button-invalid = Эта кнопка недействительна. Отправьте /sessions, чтобы получить свежий список.
revoke-end-button = Завершить №{ $index }
revoke-session-gone = Этого сеанса уже нет в списке: возможно, он уже завершён. Отправьте /sessions, чтобы обновить список.
revoke-confirm = <b>Завершить этот сеанс?</b>
revoke-ending = Завершаю сеанс…
revoke-cancelled = Отменено. Ни один сеанс не завершён.
revoke-companion = Это сеанс самого компаньона session-warden. Если его завершить, компаньон выйдет из аккаунта; ничего не изменено.
revoke-unknown-session = сеанс с хешем { $hash }
revoke-ended = Завершён: { $session }

## Почему не удалось обратиться к аккаунту: что случилось и что делать

# Что делали: продолжает фразу «Не удалось …».
doing-end-session = завершить этот сеанс
doing-end-it = завершить его
doing-list-sessions = получить список сеансов
doing-read-sessions = получить список сеансов
doing-end-web-session = завершить этот веб-сеанс
doing-end-web-sessions = завершить веб-сеансы
doing-cancel-reset = отменить сброс
doing-disconnect-bot = отключить бота
doing-read-2fa = узнать состояние двухэтапной аутентификации
doing-read-them = получить их список
doing-change-it = изменить его
doing-count-sessions = посчитать сеансы
doing-end-others = завершить остальные сеансы
doing-read-bots = получить список подключённых ботов
doing-change-ttl = изменить срок неактивности
doing-read-ttl = узнать срок неактивности
doing-end-them = завершить их
doing-list-web-sessions = получить список веб-сеансов
doing-read-web-sessions = получить список веб-сеансов
doing-count-web-sessions = посчитать веб-сеансы
failure-hash-invalid = Активного сеанса с таким хешем нет. Возможно, он уже завершён: отправьте /sessions, чтобы увидеть текущий список.
failure-too-fresh = Telegram отказал (FRESH_RESET_AUTHORISATION_FORBIDDEN): завершать другие сеансы можно только из сеанса, которому не меньше 24 часов, а здесь это делает компаньон session-warden.
failure-too-fresh-unknown = Попробуйте снова через 24 часа после входа компаньона.
failure-too-fresh-at = Это станет возможно { $at } (осталось: { $left }).
failure-too-fresh-now = Это станет возможно { $at }.
failure-flood-wait = Telegram просит подождать перед следующей попыткой: { $wait } ({ $code }). Попробуйте после { $at }.
failure-logged-out = Не удалось { $doing }: компаньон вышел из аккаунта ({ $code }) — { $why } { $fix }
logged-out-duplicated-why = один и тот же сеанс работал в двух программах сразу (две копии session-warden или файл сеанса, скопированный на другую машину), поэтому Telegram завершил его насовсем.
logged-out-duplicated-fix = Войдите заново командой npm run login на сервере, запускайте только одну копию и перезапустите session-warden.
logged-out-why = его сеанс завершили с другого устройства, он истёк или вход так и не был выполнен.
logged-out-fix = Выполните npm run login на сервере и перезапустите session-warden.
failure-unreachable = Не удалось { $doing }: нет связи с Telegram ({ $code }). Компаньон переподключится сам; попробуйте через минуту и загляните в /sessions — не изменилось ли что-нибудь.
failure-other = Не удалось { $doing }: Telegram ответил { $code }. Больше ничего не изменено; подробности в журнале.

## Оповещение о новом входе (HTML)

alert-headline = 🚨 <b>Новый вход в ваш аккаунт</b>
alert-headline-reconcile = 🚨 <b>Новый вход в ваш аккаунт</b> (найден при проверке сеансов)
alert-headline-offline = 🚨 <b>Новый вход, пока session-warden не работал</b>
alert-headline-ended = 🚨 <b>Был вход в ваш аккаунт, но сеанс уже завершён</b> (ещё до отправки этого оповещения)
alert-device = Устройство: { $device }
alert-device-full = Устройство: { $device } · { $platform } { $system }
alert-place = Место: { $place }
alert-place-ip = Место: { $ip } · { $place }
alert-time = Время: { $time } ({ $ago })
alert-password-pending = ⚠️ <b>У кого-то есть ваш код входа, но нет облачного пароля.</b> Если это не вы: сразу завершите этот сеанс, никому не сообщайте коды входа и смените облачный пароль, если он мог стать кому-то известен.
alert-unconfirmed = Telegram ещё не подтвердил этот вход. Если не завершить этот сеанс, Telegram подтвердит вход сам.
alert-unconfirmed-at = Telegram ещё не подтвердил этот вход. Если не завершить этот сеанс, Telegram сам подтвердит вход { $at } (осталось: { $left }).
alert-guard-ended = 🛡 <b>Режим охраны сразу завершил этот сеанс</b>: устройства нет в списке доверенных (/trust).
alert-guard-unchecked = 🛡 <b>Режим охраны</b> не смог проверить список доверенных устройств: { $why }. На всякий случай сеанс завершён. Если это были вы, войдите снова.
# Почему список доверенных не прочитан ($why выше).
guard-unchecked-flood-wait = Telegram попросил подождать ({ $wait })
guard-unchecked-unreachable = Telegram недоступен ({ $code })
guard-unchecked-other = Telegram ответил { $code }
alert-guard-failed = 🛡 Режим охраны попытался завершить этот сеанс, но не смог. { $reason }
alert-too-fresh-note = Учтите: до { $at } (осталось: { $left }) Telegram не даст завершать сеансы — тогда сеансу компаньона session-warden будет 24 часа.
alert-its-me = Это я
alert-trust-offer = Добавить { $device } в доверенные, чтобы режим охраны никогда не завершал его сеансы?
alert-trust-button = Доверять этому устройству
alert-no-thanks = Нет, спасибо
alert-batch-head = 🚨 <b>{ $count ->
        [one] { $count } новый вход в ваш аккаунт
        [few] { $count } новых входа в ваш аккаунт
       *[many] { $count } новых входов в ваш аккаунт
    }</b>{ $ended ->
        [0] {""}
       *[other] ; режим охраны уже завершил сеансов: { $ended }
    }. Отправьте /sessions, чтобы их просмотреть.
alert-batch-continued = 🚨 <b>Новые входы, продолжение</b> (часть { $part } из { $parts })
alert-batch-ended = сеанс завершён
alert-batch-not-ended = не завершён ({ $code })
alert-batch-end-button = Завершить №{ $index }
baseline-head = <b>session-warden теперь следит за вашим аккаунтом.</b>
baseline-found = { $count ->
        [0] Других открытых сеансов нет.
        [1] Уже открыт ещё один сеанс. Это исходное состояние: о нём не будет оповещения как о новом входе.
        [one] Уже открыт ещё { $count } сеанс. Это исходное состояние: о них не будет оповещений как о новых входах.
        [few] Уже открыто ещё { $count } сеанса. Это исходное состояние: о них не будет оповещений как о новых входах.
       *[many] Уже открыто ещё { $count } сеансов. Это исходное состояние: о них не будет оповещений как о новых входах.
    }
baseline-more = …и ещё { $count }.
baseline-foot = { $count ->
        [0] Теперь о каждом новом входе вы сразу узнаете здесь.
       *[other] Просмотреть { $count ->
            [1] его
           *[other] их
        } можно в /sessions. Теперь о каждом новом входе вы сразу узнаете здесь.
    }
companion-lost =
    ⚠️ <b>Компаньон session-warden вышел из аккаунта</b> ({ $code }): { $why }
    Пока компаньон снова не войдёт, новые входы не видны, а сеансы нельзя завершить. Бот продолжает отвечать.
    Как исправить:
    { $fix }

## Commands: /status, /revokeall, /panic, /guard, /websessions, /ttl, /log
# (this section ends at the next "##" heading)
# /status
status-title = <b>Состояние session-warden</b>
status-companion = Компаньон: { $state }
status-companion-explain = 🛡 Компаньон — собственный сеанс этого сторожа; в разделе «Устройства» Telegram он называется «session-warden».
status-account-line = Аккаунт: { $who }
status-account = { $name }{ $username }, id { $id }
status-unknown = неизвестен
status-connected = ✅ подключён
status-not-connected = ⚠️ не подключён (переподключается сам)
status-reconnecting = ⚠️ переподключается с { $since } ({ $wait }): оповещения возобновятся, когда Telegram ответит
status-logged-out-no-code = ❌ вышел из аккаунта: выполните npm run login на сервере и перезапустите session-warden
status-logged-out-code = ❌ вышел из аккаунта ({ $code }): { $why } { $fix }
status-companion-age = Возраст сеанса компаньона: { $age }
status-ending-refused = ⚠️ До { $at } (осталось: { $left }) Telegram не даст завершать другие сеансы (сеансу компаньона должно быть не меньше 24 часов).
status-ending-allowed = Завершение других сеансов: разрешено.
status-guard-on = Режим охраны: включён; { $trusted } { $trusted ->
        [one] доверенное устройство
        [few] доверенных устройства
       *[many] доверенных устройств
    }
status-guard-off = Режим охраны: выключен; { $trusted } { $trusted ->
        [one] доверенное устройство
        [few] доверенных устройства
       *[many] доверенных устройств
    }
status-last-check = Последняя проверка сеансов: { $ago }
status-blind = ⏸ Без наблюдения до { $at } (осталось: { $left }): { $door } (Telegram попросил подождать)
door-name-sessions = список сеансов
door-name-password = облачный пароль
door-name-bots = подключённые бизнес-боты
status-not-yet = ещё не было
status-uptime = Время работы: { $uptime }
status-pending = Оповещений в очереди на отправку: { $count }
# /revokeall
revokeall-none = Других сеансов нет: в аккаунте только компаньон session-warden. Завершать нечего.
revokeall-end-button = Завершить { $count } { $count ->
        [one] сеанс
        [few] сеанса
       *[many] сеансов
    }
revokeall-except-trusted-button = Завершить все, кроме доверенных
revokeall-confirm = <b>Завершить { $count } { $count ->
        [one] сеанс
        [few] сеанса
       *[many] сеансов
    }?</b>
revokeall-explain = Будет вызван метод Telegram auth.resetAuthorizations. Он завершает <b>все</b> сеансы, кроме компаньона session-warden, в том числе в ваших собственных приложениях на телефоне и компьютере: в каждом придётся войти заново.
revokeall-keeps-trusted = Кнопка «Завершить все, кроме доверенных» оставит в аккаунте сеансы доверенных устройств из списка /trust: { $count } { $count ->
        [one] сеанс
        [few] сеанса
       *[many] сеансов
    }.
revokeall-no-trusted = Ни один из этих сеансов не входит в список /trust; добавьте туда свои устройства, и появится кнопка «Завершить все, кроме доверенных».
revokeall-buttons-expire = Кнопки срабатывают один раз и действуют 2 минуты.
revokeall-done = Готово: Telegram завершил все сеансы, кроме компаньона session-warden (на момент запроса — { $count } { $count ->
        [one] сеанс
        [few] сеанса
       *[many] сеансов
    }). Проверить можно в /sessions.
untrusted-result = Завершено сеансов: { $ended }; доверенных устройств осталось в аккаунте: { $kept }.
untrusted-failed = Не удалось завершить { $count } { $count ->
        [one] сеанс
        [few] сеанса
       *[many] сеансов
    }. { $reason }
# /guard
guard-on = 🛡 Режим охраны <b>включён</b>. Новые сеансы с устройств не из списка доверенных ({ $trusted }) сразу завершаются. Список — в /trust.
guard-on-fresh = 🛡 Режим охраны <b>включён</b>, но завершать сеансы Telegram позволит session-warden только с { $at } (тогда сеансу компаньона будет 24 часа). До этого о новых сеансах с устройств не из списка доверенных ({ $trusted }) приходят оповещения, но сеансы не завершаются. Список — в /trust.
guard-is-off = Режим охраны <b>выключен</b>: о новых входах приходят оповещения, но сеансы не завершаются.
guard-turned-off = Режим охраны выключен. О новых входах по-прежнему приходят оповещения, но сеансы автоматически не завершаются.
guard-usage = Как пользоваться: /guard on или /guard off.
guard-no-trusted-prompt = Доверенных устройств пока нет, поэтому режим охраны завершал бы <b>каждый</b> новый сеанс, в том числе ваш следующий. Сначала добавить в доверенные устройства, которые сейчас в аккаунте?
guard-would-trust = Будут добавлены ровно эти:
guard-none-trustable = Ни один текущий сеанс так добавить нельзя.
guard-leaves-out = Не будут добавлены — чтобы в список не пробрался посторонний:
guard-left-out-password_pending = ждёт облачный пароль (password_pending)
guard-left-out-unconfirmed = ещё не подтверждён Telegram
guard-left-out-too_new = вход выполнен меньше 24 часов назад
guard-left-out-unofficial = неофициальное приложение (не из приложений самого Telegram)
guard-trust-and-on-button = Доверять текущим и включить
guard-on-anyway-button = Всё равно включить
guard-stays-off = Режим охраны остаётся выключенным.
guard-trusted-current = { $count ->
        [one] Добавлено в доверенные { $count } текущее устройство
        [few] Добавлено в доверенные { $count } текущих устройства
       *[many] Добавлено в доверенные { $count } текущих устройств
    }.


# /websessions ($domain, $bot, $browser, $platform, $ip, $region уже экранированы, где это HTML)
web-session-name = { $domain } через { $bot } ({ $browser }, { $platform })
web-none = <b>Веб-сеансов нет.</b>
    Ни один сайт не авторизован через ваш аккаунт Telegram.
web-header = <b>Веб-сеансы: { $count }</b>
    Сайты, на которые вы вошли кнопкой «Войти через Telegram»; сначала недавно активные.
web-card-title = <b>{ $index }. { $domain }</b> · бот { $bot }
web-card-device = { $browser } на { $platform } · IP { $ip } · { $region }
web-card-times = Вход: { $created } · активность: { $active }
web-more = …и ещё { $count } { $count ->
        [one] веб-сеанс не поместился
        [few] веб-сеанса не поместились
       *[many] веб-сеансов не поместились
    } в одно сообщение.
web-end-button = Завершить №{ $index } { $domain }
web-end-all-button = Завершить все веб-сеансы
web-button-invalid = Эта кнопка недействительна. Отправьте команду ещё раз, чтобы получить свежий список.
web-session-gone = Этого веб-сеанса больше нет в списке: возможно, он уже завершён. Отправьте /websessions, чтобы обновить список.
web-hash-invalid = Веб-сеанса с таким хешем нет: возможно, сайт уже вышел из аккаунта. Отправьте /websessions, чтобы увидеть текущий список.
web-confirm = <b>Завершить этот веб-сеанс?</b>
web-confirm-explain = Сайт попросит вас войти заново.
web-ended = Веб-сеанс завершён: { $session }
web-none-to-end = Веб-сеансов нет: ни один сайт не авторизован через ваш аккаунт. Завершать нечего.
web-confirm-all = <b>Завершить { $count } { $count ->
        [one] веб-сеанс
        [few] веб-сеанса
       *[many] веб-сеансов
    }?</b>

    Каждый сайт, на который вы вошли кнопкой «Войти через Telegram», попросит войти заново. Приложения останутся в аккаунте.

    Кнопка срабатывает один раз и действует 2 минуты.
web-end-all-count-button = Завершить { $count } { $count ->
        [one] веб-сеанс
        [few] веб-сеанса
       *[many] веб-сеансов
    }
web-done-all = Готово: Telegram завершил все веб-сеансы (на момент запроса — { $count } { $count ->
        [one] веб-сеанс
        [few] веб-сеанса
       *[many] веб-сеансов
    }). Проверить можно в /websessions.

# /log: рамка вокруг строк журнала (сами строки — сохранённые данные, они остаются как записаны)
log-usage = Как пользоваться: /log [n], /log denied [n] или /log all [n], где n — сколько последних записей показать (от 1 до { $max }, по умолчанию { $default }).
log-empty-actions = В журнале пока нет ни действий, ни оповещений. /log denied покажет отклонённые обращения, /log all — всё.
log-empty-denied = Отклонённых обращений в журнале нет.
log-empty-all = Журнал пуст.
log-header = <b>Последние записи журнала: { $count }</b>, сначала новые
log-header-denied = <b>Последние отклонённые обращения: { $count }</b>, сначала новые
log-capped = (не больше { $max })
log-unwritten = ⚠️ Ещё { $count } { $count ->
        [one] новая запись ждёт
        [few] новые записи ждут
       *[many] новых записей ждут
    } в памяти: записать в базу данных сейчас нельзя.
log-older = …ещё { $count } { $count ->
        [one] старая запись не поместилась
        [few] старые записи не поместились
       *[many] старых записей не поместились
    } в одно сообщение.

## Buttons and reports: /trust, "It's me", confirmations, short button answers, guard mode's reasons and reports
# (this section ends at the next "##" heading)
doing-confirm-login = подтвердить вход
# Короткие ответы на нажатие кнопки (answerCallbackQuery: простой текст, не больше 200 символов).
answer-ending-it = Завершаю…
answer-ending-session = Завершаю сеанс…
answer-cancelled = Отменено
answer-trusting = Добавляю в доверенные…
answer-removing = Удаляю…
answer-ending-others = Завершаю остальные сеансы…
answer-ending-untrusted = Завершаю недоверенные сеансы…
answer-ending-web-session = Завершаю веб-сеанс…
answer-ending-web-sessions = Завершаю веб-сеансы…
answer-locking-down = Закрываю доступ…
answer-changing = Меняю…
answer-cancelling-reset = Отменяю сброс…
answer-disconnecting = Отключаю…
answer-code-guard-on = Включаю защиту кодов…
button-not-valid-nothing-changed = Эта кнопка недействительна. Ничего не изменено.
# Граница ошибок; $cause дословно цитирует Telegram или базу данных, по-английски.
something-went-wrong = Что-то пошло не так ({ $cause }). Подробности — в журнале.
# Причина внутри something-went-wrong. Метод и описание ошибки Telegram приводятся как есть.
cause-bot-api-refused = Bot API Telegram отклонил { $method }: { $description }
cause-bot-api-unreachable = не удалось связаться с Bot API
cause-storage = не удалось обратиться к базе данных: { $reason }. { $fix }
# Кнопки под оповещением о новом входе.
alert-button-invalid = Эта кнопка недействительна. Отправьте /sessions, чтобы просмотреть сеансы.
alert-session-gone = Этот сеанс уже неактивен: возможно, он уже завершён.
alert-session-gone-short = Этот сеанс уже неактивен.
alert-marked-yours = Отмечено как ваш вход.
alert-confirmed = Подтверждено: Telegram теперь считает этот вход вашим.
alert-declined-trust = Это ваш вход. Устройство не в списке доверенных: при включённом режиме охраны следующий сеанс с этого устройства будет сразу завершён.
alert-device-trusted = Это ваш вход, и его устройство в списке доверенных (/trust).
# Оповещение о нескольких входах, перерисованное после нажатия одной из кнопок «Завершить».
burst-redraw-head = 🚨 <b>Новые входы в ваш аккаунт</b>: активных сеансов осталось { $active } из { $count }. Просмотреть их можно в /sessions.
burst-unknown-device = неизвестное устройство
burst-no-longer-active = уже неактивен
# /trust
trust-none = <b>Доверенных устройств пока нет.</b> При включённом режиме охраны любой новый сеанс будет сразу завершён.
trust-header = <b>Доверенные устройства: { $count }</b>
trust-explain = Их сеансы режим охраны никогда не завершает.
trust-add-button = Добавить из текущих сеансов
trust-remove-button = Удалить { $index }
trust-unknown-device = неизвестное устройство
trust-unknown-platform = неизвестная платформа
trust-all-trusted = Все текущие сеансы уже в списке доверенных.
trust-no-other-sessions = Кроме сеанса-компаньона session-warden, других сеансов нет, добавлять нечего. Сначала войдите на своём устройстве, затем добавьте его здесь.
trust-which = Устройство какого сеанса добавить в доверенные?
trust-session-gone = Этот сеанс уже неактивен, поэтому его устройство не добавлено в доверенные. Отправьте /trust, чтобы попробовать снова.
trust-added = Добавлено в доверенные: { $device }. Режим охраны не будет завершать его сеансы.
trust-ask-again = ⚠️ { $device }: { $why }. Им может пользоваться тот, кто проник в ваш аккаунт. Доверяйте ему, только если уверены, что это ваше устройство.
trust-anyway-button = Это моё, доверять
trust-confirm = Добавить устройство в доверенные: { $device }? Тогда режим охраны не будет завершать его сеансы.
trust-confirm-button = Доверять
trust-already = Уже в доверенных: { $device }.
# Почему режим охраны пропустил вход или какая часть отпечатка доверенного устройства не совпала ($now, $trusted, $device уже экранированы).
guard-let-through = 🛡 Режим охраны пропустил вход: это устройство в списке доверенных (/trust).
guard-model-matched = Модель совпала с доверенным устройством ({ $device }), но есть отличия: { $parts }.
guard-differs-app = приложение { $now } вместо { $trusted }
guard-differs-api-id = api_id { $now } вместо { $trusted }
guard-differs-platform = платформа { $now } вместо { $trusted }


## Doors and notices: /security, /bots, /codeguard, /expect, their alerts, the storage and companion-health notices
# (to the end of the file)
# Оповещения о других «дверях» аккаунта (2FA, почта, коды входа, бизнес-боты). HTML; поля уже экранированы.
door-2fa-path = Настройки → Конфиденциальность → Облачный пароль
door-not-you-holds = Если это были не вы, ваш облачный пароль теперь знает кто-то другой.
door-password-off =
    🚨🚨 <b>Облачный пароль отключён</b>
    С вашего аккаунта снят пароль двухэтапной аутентификации. Теперь войти может любой, кто получит код входа.
    Если это были не вы: отправьте /panic, затем задайте новый облачный пароль с почтой для восстановления, доступной только вам ({ door-2fa-path }).
door-password-on =
    🚨 <b>Облачный пароль включён</b>
    Для вашего аккаунта установлен пароль двухэтапной аутентификации. { door-not-you-holds }
    Сразу отправьте /panic, затем проверьте /security.
door-password-changed =
    🚨 <b>Облачный пароль изменён</b>
    Пароль двухэтапной аутентификации задан заново. { door-not-you-holds }
    Сразу отправьте /panic, затем проверьте /security.
door-hint-changed =
    ⚠️ <b>Изменена подсказка облачного пароля</b>
    { $what }
    Если это были не вы, смените облачный пароль ({ door-2fa-path }) и отправьте /panic.
door-hint-removed = Подсказка к паролю удалена.
door-hint-now = Теперь подсказка к паролю: «{ $hint }».
door-recovery-pending =
    🚨 <b>Устанавливается почта для восстановления</b>
    Telegram ждёт код подтверждения, отправленный на { $pattern } (адрес скрыт так, как его показывает Telegram).
    Если это не ваш адрес, кто-то перехватывает восстановление облачного пароля: отправьте /panic и задайте свою почту для восстановления.
door-recovery-set =
    ⚠️ <b>Подтверждена почта для восстановления</b> облачного пароля.
    Если это были не вы, отправьте /panic и смените её.
door-recovery-removed =
    ⚠️ <b>Почта для восстановления удалена</b> из настроек облачного пароля.
    Если это были не вы, задайте почту, доступную только вам ({ door-2fa-path }), и отправьте /panic.
door-login-email-changed =
    ⚠️ <b>Изменена почта для входа</b>
    { $what }
    Если это были не вы, отправьте /panic.
door-login-email-removed = Почта для входа удалена.
door-login-email-now = Теперь почта для входа: { $pattern } (адрес скрыт Telegram).
door-reset-pending =
    🚨 <b>Запрошен сброс облачного пароля</b>
    Кто-то попросил Telegram сбросить ваш облачный пароль. Если сброс не отменить, пароль будет снят { $at } (осталось: { $left }).
    Если это были не вы, нажмите «{ door-cancel-reset-button }».
door-reset-due =
    🚨 <b>Срок сброса облачного пароля наступил: { $at } ({ $ago })</b>
    Кто-то попросил Telegram сбросить ваш облачный пароль, и срок уже прошёл: пароль, возможно, уже снят.
    Откройте на своём телефоне «Настройки → Конфиденциальность → Облачный пароль». Если пароля нет, сразу задайте новый и завершите незнакомые сеансы (/sessions). Если он на месте, нажмите «{ door-cancel-reset-button }».
door-code-requested =
    🔑 <b>Кто-то запросил у Telegram код входа в ваш аккаунт…</b>
    Telegram отправил его в ваши приложения { $ago }. Здесь код не повторяется.
    { $outcome }
    Если вы сами не входите: никому не сообщайте код, убедитесь, что облачный пароль включён (/security), и следите за /sessions.
door-code-late = 🔑 Продолжение про код входа выше: { $outcome }
door-bot-connected =
    🚨 <b>К вашему аккаунту подключён бизнес-бот</b>
    { $details }
    Если это были не вы, нажмите «{ door-disconnect-button }».
code-invalidated = ✅ Защита кодов сразу аннулировала код: войти с ним уже нельзя.
code-invalidate-failed = ❌ Защита кодов не смогла аннулировать код (Telegram ответил { $code }). Никому его не сообщайте.
code-invalidating = ⏳ Защита кодов попросила Telegram аннулировать код; Telegram ещё не подтвердил. Никому его не сообщайте.
code-expected = Вы открыли окно входа командой /expect, поэтому этот код ожидался и остался действительным.
code-unguarded = Код всё ещё действителен. Включите /codeguard, чтобы такие коды сразу аннулировались.
door-cancel-reset-button = Отменить сброс
door-disconnect-button = Отключить
door-disconnect-bot-button = Отключить { $bot }
door-reset-declined = ✅ Сброс облачного пароля отменён: пароль остаётся прежним.
door-reset-not-pending = Сброс облачного пароля больше не запрошен: делать ничего не понадобилось.
door-bot-disconnected = ✅ Бот отключён: он больше не может читать ваши чаты и отвечать в них.
door-bot-gone = Этот бот уже не подключён: делать ничего не понадобилось.
# Бизнес-бот: кто он, что может, какие чаты видит.
bot-line = Бот: { $bot }
bot-can-reply = Может <b>читать и отвечать</b> от вашего имени.
bot-read-only = Может читать сообщения, но не отвечать.
bot-reaches = Доступ: { $chats }.
recipients-existing = существующие чаты
recipients-new = новые чаты
recipients-contacts = контакты
recipients-non-contacts = не контакты
recipients-chosen = { $count ->
        [one] { $count } выбранный чат
        [few] { $count } выбранных чата
       *[many] { $count } выбранных чатов
    }
recipients-all-kinds = все { $kinds }
recipients-all-chats = все чаты
recipients-except = { $all }; исключения: { $listed }
recipients-and = { $first } и { $second }
recipients-none = пока ни одного чата
# /bots
bots-none = К вашему аккаунту не подключён ни один бизнес-бот: никто не может читать ваши чаты или отвечать в них.
bots-header = <b>Подключённые бизнес-боты: { $count }</b>
bots-explain = Бизнес-бот может читать чаты, к которым у него есть доступ. Если вы его не подключали, отключите.
# /codeguard
codeguard-on = 🔑 Защита кодов <b>включена</b>: каждый код входа, присланный Telegram, сразу аннулируется (account.invalidateSignInCodes), так что выманенный код бесполезен. Прежде чем войти самостоятельно, отправьте /expect.
codeguard-on-window = ⚠️ Защита кодов <b>включена</b>, но окно /expect оставляет коды входа действительными до { $at }. Отправьте /expect off, чтобы закрыть его сейчас.
codeguard-off = Защита кодов <b>выключена</b>: о кодах входа приходят оповещения, но коды остаются действительными.
codeguard-not-on-off = Это не on и не off; ничего не изменено.
codeguard-usage = Как пользоваться: /codeguard on или /codeguard off.
# /expect
expect-usage = Как пользоваться: /expect [минуты] (по умолчанию { $default }, не больше { $max }) или /expect off. Ничего не изменено.
expect-not-a-number = «{ $input }» — это не число минут.
expect-out-of-range = Окно может длиться от 1 до { $max } минут, а не { $minutes }.
expect-closed = Окно входа закрыто: коды входа снова считаются неожиданными.
expect-guard-on = До этого времени защита кодов оставит приходящие коды действительными.
expect-guard-off = Защита кодов выключена, так что коды и так остаются действительными; в оповещениях будет сказано, что код ожидался.
expect-open = 🔓 Окно входа открыто до { $at } (осталось: { $left }). { $guard } Когда войдёте, отправьте /expect off.
# /ttl
ttl-1-week = 1 неделя
ttl-1-month = 1 месяц
ttl-3-months = 3 месяца
ttl-6-months = 6 месяцев
ttl-1-year = 1 год
ttl-label = { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
ttl-label-named = { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } ({ $name })
ttl-usage = Как пользоваться: /ttl — узнать текущий срок, /ttl <дни> — изменить его; дни — одно из: { $accepted }. Ничего не изменено.
ttl-not-a-number = «{ $input }» — это не число дней. { $usage }
ttl-not-accepted = Telegram принимает только { $accepted } дней ({ $names }) — как в его собственных приложениях; { $days } среди них нет. Ничего не изменено.
ttl-view =
    <b>Неактивные сеансы завершаются через { $period }.</b>
    Telegram сам завершает сеанс, которым не пользовались так долго. Чем короче срок, тем меньше времени забытое устройство остаётся в аккаунте.
    Нажмите на срок, чтобы изменить его.
ttl-done = Готово: теперь неактивные сеансы завершаются через { $period }.
ttl-button-invalid = Эта кнопка недействительна. Отправьте /ttl ещё раз.
# /panic
panic-confirm = 🚨 <b>Закрыть доступ к аккаунту?</b>
panic-will = Сразу будет сделано:
panic-step-sessions = завершены все сеансы, кроме компаньона session-warden, в том числе в ваших собственных приложениях на телефоне и компьютере;
panic-step-web = завершены все веб-сеансы (входы на сайты кнопкой «Войти через Telegram»);
panic-step-guard = включён режим охраны: новые сеансы с недоверенных устройств будут сразу завершаться;
panic-step-reset = отменён сброс облачного пароля, если он запрошен;
panic-step-bots = отключены все бизнес-боты, подключённые к аккаунту;
panic-step-ttl = неактивные сеансы будут завершаться через { $period } — это самый короткий срок, который принимает Telegram;
panic-step-codeguard = включена защита кодов: каждый код входа аннулируется, как только придёт.
panic-button-expires = Кнопка срабатывает один раз и действует 2 минуты.
panic-lock-button = Закрыть доступ
panic-cancelled = Отменено. Ничего не изменено.
panic-done-title = <b>Экстренная защита: что сделано</b>
panic-ended-sessions = ✅ Все остальные сеансы завершены, в том числе в ваших приложениях.
panic-sessions-failed = ❌ Не удалось завершить остальные сеансы. { $reason }
panic-ended-web = ✅ Все веб-сеансы завершены.
panic-web-failed = ❌ Не удалось завершить веб-сеансы. { $reason }
panic-guard-on = ✅ Режим охраны включён. Доверенных устройств: { $count } — с них можно войти снова; сеансы с любых других устройств режим охраны завершает.
panic-guard-on-untrusted = ✅ Режим охраны включён, а доверенных устройств нет: ваш собственный следующий сеанс тоже будет сразу завершён. Прежде чем входить снова, воспользуйтесь /trust или /guard off.
panic-guard-on-fresh = ⚠️ Режим охраны включён, но завершать сеансы Telegram позволит session-warden только с { $at } (тогда сеансу компаньона будет 24 часа). До этого о новых входах приходят оповещения, но сеансы не завершаются.
panic-no-reset = ✅ Сброс облачного пароля не был запрошен.
panic-reset-unchecked = ❌ Не удалось проверить, запрошен ли сброс облачного пароля. { $reason }
panic-no-bots = ✅ Бизнес-боты не были подключены.
panic-bots-unread = ❌ Не удалось получить список подключённых ботов. { $reason }
panic-bots-disconnected = ✅ Отключено бизнес-ботов: { $count }.
panic-bots-partly = ❌ Отключено бизнес-ботов: { $done } из { $count }. { $reason } Отправьте /bots, чтобы попробовать отключить остальных.
panic-ttl-done = ✅ Неактивные сеансы теперь завершаются через { $period }.
panic-ttl-failed = ❌ Не удалось сократить срок неактивности. { $reason }
panic-codeguard-on = ✅ Защита кодов включена: коды входа аннулируются, как только приходят. Прежде чем войти самостоятельно, отправьте /expect.
panic-codeguard-failed = ❌ Не удалось включить защиту кодов: коды входа могут оставаться действительными. Отправьте /codeguard on.
panic-next-relogin = <b>Теперь снова войдите на своём телефоне (ваши приложения тоже вышли из аккаунта), а затем:</b>
panic-next-relogin-untrusted = <b>Режим охраны включён, а доверенных устройств нет, поэтому ваш собственный следующий сеанс тоже будет сразу завершён. Сначала отправьте здесь /guard off, затем снова войдите на своём телефоне (ваши приложения тоже были отключены), добавьте его в доверенные через /trust и отправьте /guard on. Затем:</b>
panic-next = <b>Теперь на своём телефоне или компьютере:</b>
panic-next-steps =
    1. Смените облачный пароль ({ door-2fa-path }) или задайте его, если его нет.
    2. Проверьте почту для восстановления облачного пароля: это должен быть адрес, доступный только вам.
    3. Просмотрите /log и /sessions: нет ли там того, чего вы не делали.
    4. Никому не сообщайте коды входа: Telegram никогда их не спрашивает.
# /security
checkup-title = <b>Проверка безопасности</b>
checkup-2fa-on = ✅ Облачный пароль включён.
checkup-2fa-off = ❌ Облачный пароль выключен: задайте пароль с почтой для восстановления, доступной только вам ({ door-2fa-path }).
checkup-recovery-set = ✅ Почта для восстановления задана.
checkup-no-recovery = ⚠️ Почта для восстановления не задана: добавьте адрес, доступный только вам ({ door-2fa-path }).
checkup-recovery-pending = 🚨 Устанавливается почта для восстановления: { $pattern }. Если это не ваш адрес, отправьте /panic.
checkup-no-reset = ✅ Сброс облачного пароля не запрошен.
checkup-reset-pending = 🚨 Запрошен сброс облачного пароля: пароль будет снят { $at } (осталось: { $left }). Если это были не вы, отмените сброс.
checkup-reset-due = 🚨 Срок сброса облачного пароля наступил { $at } ({ $ago }): пароль, возможно, уже снят. Проверьте облачный пароль на своём телефоне и задайте новый, если его нет.
checkup-sessions-clean = ✅ Ни у одного из других сеансов ({ $count }) нет признаков риска.
checkup-sessions-flagged = ⚠️ Сеансы с признаками риска: { $count } (незнакомые завершите в /sessions):
checkup-no-web = ✅ Веб-сеансов нет.
checkup-web = ℹ️ Веб-сеансов: { $count }. Просмотреть их можно в /websessions.
checkup-no-bots = ✅ Бизнес-боты не подключены.
checkup-bots = ⚠️ Подключено бизнес-ботов: { $count } ({ $bots }). Они могут читать ваши чаты. Отключите тех, кого вы не подключали.
checkup-ttl-long = ⚠️ Неактивные сеансы завершаются через { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }; при сроке в { $shortest } { $shortest ->
        [one] день
        [few] дня
       *[many] дней
    } забытое устройство останется в аккаунте меньше времени.
checkup-ttl = ✅ Неактивные сеансы завершаются через { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }.
checkup-guard-on = ✅ Режим охраны включён.
checkup-guard-off = ℹ️ Режим охраны выключен: о новых входах приходят оповещения, но сеансы не завершаются (/guard on).
checkup-codeguard-on = ✅ Защита кодов включена.
checkup-codeguard-off = ℹ️ Защита кодов выключена: коды входа остаются действительными и после оповещения.
checkup-shorten-ttl-button = Сократить срок: { $period }
checkup-codeguard-button = Включить защиту кодов
# Хранилище журнала и файл базы данных
storage-down =
    ⚠️ <b>Не удаётся записывать в журнал действий</b>: { $reason } ({ $code }).
    Оповещения и ваши команды продолжают работать. То, что они записали бы, хранится в памяти (до { $max } записей; сверх этого самые старые отбрасываются) и будет записано, как только база данных снова заработает; тогда вам сообщат.
    Что сделать:
    { $fix }
storage-reason-full = диск с базой данных заполнен
storage-reason-readonly = файл базы данных или его папка доступны только для чтения (или были перемещены)
storage-reason-locked = другая программа заблокировала базу данных
storage-reason-io = диск сообщил об ошибке чтения или записи базы данных
storage-reason-other = SQLite ответил { $code }
storage-fix-full = Освободите место на этом диске.
storage-fix-readonly = Дайте пользователю, от имени которого работает session-warden, право записи в файл и его папку — дальше session-warden всё наверстает сам.
storage-fix-locked = Закройте всё, что ещё открыло базу данных (вторую копию session-warden, просмотрщик баз данных).
storage-fix-io = Проверьте диск и файл базы данных; если само не восстановится, перезапустите session-warden.
storage-fix-other = Проверьте диск и файл базы данных.
backlog-header = 📬 Пока бот не мог до вас достучаться, накопилось сообщений: { $count }. Новые сверху.
storage-up = ✅ <b>Запись в журнал действий снова работает</b> (перерыв: { $after }). Записано из памяти: { $count }.
storage-up-lost = Ещё { $count } { $count ->
        [one] старая запись отброшена
        [few] старые записи отброшены
       *[many] старых записей отброшено
    }: память была заполнена.
database-removed = ⚠️ <b>Файл базы данных { $file } удалён</b>, пока session-warden работает. Журнал теперь пишется в удалённый файл и пропадёт при остановке. Верните файл или перезапустите session-warden, чтобы начать новый (тогда текущие сеансы станут новой исходной точкой).
database-replaced = ⚠️ <b>Файл базы данных { $file } заменён</b> другим файлом, пока session-warden работает. session-warden продолжает писать в открытый им файл, которого по этому пути уже нет. Перезапустите session-warden, чтобы он открыл новый файл.
database-back = ✅ Файл базы данных { $file } снова на месте: это тот самый файл, который открыт у session-warden.
# Состояние компаньона, вторая копия, запуск
companion-down = ⚠️ Компаньон не может связаться с Telegram с { $since } ({ $wait }). Пока связи нет, новые входы не видны, а сеансы нельзя завершить. Он сам продолжает переподключаться; если это затянется, проверьте сеть сервера.
companion-up = ✅ Связь компаньона с Telegram восстановлена (перерыв: { $wait }). Сейчас список сеансов проверяется на входы, сделанные за это время.
another-copy-stopped = ⚠️ С этим токеном бота запустилась вторая копия session-warden (со своей базой данных или на другом сервере) и сама остановилась: охрану продолжает уже работающая копия. Если вы не собирались её запускать, найдите, где она запущена (<code>pm2 ls</code> на каждом сервере), и удалите её.
another-copy-fighting = ⚠️ С этим токеном бота работает ещё одна копия session-warden (со своей базой данных или на другом сервере). Telegram отдаёт каждое обновление только одной из них, поэтому команды могут остаться без ответа, а оповещения — прийти дважды. Оставьте одну копию: найдите другую с помощью <code>pm2 ls</code> на каждом сервере.
started-late = session-warden работает. Сначала компаньон не мог связаться с Telegram, поэтому запуск задержался (ожидание: { $wait }); входы, сделанные за это время, найдёт первая проверка сеансов — она идёт сейчас.
started-logged-out = session-warden запущен, но компаньон вышел из аккаунта ({ $code }): { $why } { $fix }
started-unreachable = session-warden запущен, но компаньон пока не может связаться с Telegram ({ $code }). Он продолжает попытки.
interrupted-head = <b>session-warden перезапустился, пока выполнялись эти действия.</b> Выполнил ли их Telegram, неизвестно:
interrupted-more = …и ещё { $count }.
interrupted-foot = Проверьте в /sessions и повторите то, что ещё нужно.

## issue-23
# Сеанс сменил страну, устройство или приложение или снова активен после долгого перерыва — без нового входа (скопированный файл сеанса)
answer-accepting-change = Запоминаю…
change-head-moved = 🚨 <b>Сеанс вашего аккаунта переместился</b> в другую страну ({ $from } → { $to }), без нового входа
change-head-changed-hands = 🚨 <b>Сеанс вашего аккаунта перешёл в другие руки</b>: им теперь пользуется другое устройство или приложение, без нового входа
change-head-woke-up = 🚨 <b>Сеанс вашего аккаунта снова активен</b> после долгого перерыва: до этого им не пользовались с { $since }
change-also = Кроме того, сеанс { $what }.
change-kind-moved = переместился в другую страну
change-kind-changed-hands = перешёл в другие руки (другое устройство или приложение)
change-kind-woke-up = снова стал активен после перерыва больше 30 дней
change-row-place = Место: { $from } → { $to }
change-row-device = Устройство: { $from } → { $to }
change-row-app = Приложение: { $from } → { $to }
change-row-active = Последняя активность: { $from } → { $to }
change-copied = Так выглядит скопированный файл сеанса (вредоносная программа забирает его с компьютера, и злоумышленник пользуется вашим сеансом со своей машины без кода входа); помогает только завершить сеанс, ведь копия может использоваться прямо сейчас.
change-guard-left = 🛡 Режим охраны включён, но не тронул этот сеанс, потому что { $why }: чаще всего сеанс перемещается, когда ваш собственный телефон за границей, поэтому режим охраны сам завершает изменившийся сеанс, только если устройство не доверенное, а приложение неофициальное. Если это не вы, завершите сеанс сами.
change-why-trusted = его устройство есть в списке доверенных
change-why-official = в нём работает официальное приложение Telegram
change-guard-ended = 🛡 <b>Режим охраны сразу завершил этот сеанс</b>: его устройства нет в списке доверенных (/trust), а приложение неофициальное (api_id { $apiId }).
change-guard-failed = 🛡 Режим охраны попытался завершить этот сеанс (устройство не доверенное, приложение неофициальное), но Telegram ответил { $code }. Завершите сеанс сами.
change-batch-head = 🚨 <b>{ $count ->
        [one] Изменился { $count } сеанс вашего аккаунта
        [few] Изменились { $count } сеанса вашего аккаунта
       *[many] Изменилось { $count } сеансов вашего аккаунта
    }</b> без нового входа: сменили страну, устройство или приложение или снова стали активны после долгого перерыва. Отправьте /sessions, чтобы их просмотреть.
change-batch-continued = 🚨 <b>Изменившиеся сеансы, продолжение</b> (часть { $part } из { $parts })
change-batch-woke = снова активен
change-batch-guard = 🛡 Режим охраны включён. Завершено сеансов (устройство не доверенное, приложение неофициальное): { $ended }. Остальные он не тронул, потому что чаще всего сеанс перемещается, когда ваш собственный телефон за границей.
change-accepted = Отмечено как ваше: новое место и устройство этого сеанса приняты.
# /sessions, /sessions <номер> и /security
sessions-flag-moved = 🚩 переместился: { $from } → { $to }, { $ago }
sessions-flag-changed-hands = 🚩 перешёл в другие руки: { $from } → { $to }, { $ago }
sessions-flag-woke-up = 🚩 снова активен после перерыва больше 30 дней, { $ago }
sessions-usage = Отправьте /sessions, чтобы увидеть список, или /sessions и номер из него (например, <code>/sessions 2</code>), чтобы увидеть один сеанс и его места.
sessions-no-such-number = Сеанса №{ $number } нет: в списке { $count ->
        [one] { $count } сеанс
        [few] { $count } сеанса
       *[many] { $count } сеансов
    }. Отправьте /sessions, чтобы их увидеть.
session-places-head = <b>Места</b> (сверху — последние):
session-place-line = • { $place } ({ $ip }): впервые — { $first }, в последний раз — { $last }
session-places-none = Мест пока нет: они сохраняются начиная со следующей проверки сеансов.
checkup-moved = 🚩 За последние 30 дней в другую страну переместились сеансы ({ $count }):
checkup-moved-line = • { $device }: { $from } → { $to }, { $ago }
checkup-moved-none = ✅ За последние 30 дней ни один сеанс не переместился в другую страну.
checkup-moved-accepted = ℹ️ Перемещения, которые вы подтвердили как свои, за последние 30 дней ({ $count }):

## issue-22
# Второй фактор владельца: код из приложения-аутентификатора перед каждым действием, которое меняет аккаунт или охрану.
code-action-revoke = Завершить этот сеанс
code-action-guard = Изменить режим охраны
code-action-codeguard = Изменить защиту кодов
code-action-expect = Изменить окно для своего входа
code-action-ttl = Изменить срок жизни неиспользуемых сеансов
code-action-its-me = Подтвердить, что это ваш вход («Это я»)
code-action-end-login = Завершить сеанс из этого оповещения
code-action-end-session = Завершить этот сеанс
code-action-trust = Добавить это устройство в доверенные
code-action-untrust = Убрать это устройство из доверенных
code-action-end-others = Завершить все другие сеансы
code-action-end-untrusted = Завершить все сеансы, кроме доверенных устройств
code-action-end-web = Завершить этот веб-сеанс
code-action-end-web-all = Завершить все веб-сеансы
code-action-panic = Закрыть доступ к аккаунту (/panic)
code-action-decline-reset = Отменить сброс облачного пароля
code-action-disconnect = Отключить этого бота
code-action-codeguard-on = Включить защиту кодов
code-action-accept-change = Принять новое место или устройство этого сеанса («Это я»)
code-prompt = 🔐 <b>{ $action }?</b>
code-prompt-how = Отправьте 6-значный код из приложения-аутентификатора (в течение 2 минут). Код подтвердит одно это действие.
code-prompt-not-you = Если вы этого не просили, не отправляйте код: запрос пришёл от кого-то другого в вашем аккаунте.
code-prompt-elsewhere = Бот ждёт код из вашего приложения-аутентификатора. Если вы этого не запрашивали, не отправляйте код: запрос сделал кто-то другой в вашем аккаунте. Откройте «Настройки → Устройства» на своём телефоне и завершите незнакомые сеансы.
code-toast-asked = Отправьте 6-значный код из приложения-аутентификатора.
code-toast-locked = Заблокировано: слишком много неверных кодов.
code-toast-cancelled = Два запроса сразу: оба отменены.
code-wrong = ❌ Неверный код: ничего не сделано.
code-replayed = ❌ Этот код уже использован или старше последнего использованного: ничего не сделано. Дождитесь следующего кода в приложении.
code-still-waiting = Запрос ждёт верного кода до { $at } (осталось: { $left }).
code-send-again = Отправьте команду ещё раз с текущим кодом.
code-expired = Запрос отменён: код не пришёл за отведённое время (2 минуты). Ничего не сделано, повторите запрос.
code-nothing-waiting = Ни один запрос не ждёт кода: ничего не сделано. Сначала отправьте команду, затем код, или допишите код после команды.
code-not-this-prompt = Этот код относится к более раннему запросу, который уже не ждёт; ничего не сделано. Код израсходован: отправьте следующий код из приложения.
code-two-requests = ⚠️ <b>Пришли сразу два запроса на изменения</b>, поэтому оба отменены и ничего не сделано. Если вы отправляли только один, второй отправил кто-то другой в вашем аккаунте: проверьте /sessions. Затем повторите свой запрос.
code-locked = 🔒 Слишком много неверных кодов: действия, которые меняют аккаунт или охрану, заблокированы до { $at } (осталось: { $left }). Ничего не сделано. Режим охраны, оповещения и просмотр работают.
code-locked-alert = ⚠️ <b>5 неверных кодов из аутентификатора</b>: возможно, кто-то подбирает код. Действия, которые меняют аккаунт или охрану, заблокированы до { $at } (осталось: { $left }). Режим охраны и оповещения работают. Если это были не ваши коды, в вашем аккаунте есть кто-то ещё.
second-factor-on = 🔐 Действия, которые меняют аккаунт или охрану, сначала просят код из приложения-аутентификатора.
second-factor-missing = ⚠️ Второй фактор не настроен, поэтому любой, кто вошёл в ваш аккаунт Telegram, может управлять охраной: чтобы это исправить, выполните <code>npm run setup</code> на сервере и добавьте код в приложение-аутентификатор.
code-prompt-accepted = ✅ Код принят.
code-prompt-closed = Ничего не сделано.
status-second-factor-on = Второй фактор: 🔐 включён, изменения просят код из аутентификатора.
status-second-factor-locked = Второй фактор: 🔒 заблокирован после неверных кодов до { $at } (осталось: { $left }); режим охраны и оповещения работают.

## issue-26
# Оповещения вне Telegram (почта, ntfy, вебхук): простой текст, без HTML.
oob-footer = Что делать: откройте чат с ботом session-warden в Telegram. Если он недоступен или это были не вы, на своём телефоне откройте Telegram → Настройки → Устройства и завершите все сеансы, которых не знаете.
oob-group-title = Оповещений от session-warden: { $count }. { $first }
oob-bot-blocked-title = 🚨 session-warden не может написать вам в Telegram
oob-bot-blocked = Telegram не принял сообщение session-warden для вас ({ $time }): { $reason }.
    Если это сделали не вы, в вашем аккаунте Telegram кто-то есть и заглушил бота, чтобы вы не видели его оповещений.
    Что делать: на своём телефоне откройте Telegram → Настройки → Устройства, завершите все незнакомые сеансы и смените облачный пароль. Если бота заблокировали вы сами, откройте чат с ним и разблокируйте его («Перезапустить»).
    Оповещения ждут и придут в чат, как только бот снова сможет вам написать.
oob-bot-blocked-blocked = бот заблокирован
oob-bot-blocked-deactivated = аккаунт удалён
oob-bot-blocked-chat-not-found = чат с ботом не найден
oob-bot-chat-not-found = Telegram не принял сообщение session-warden для вас ({ $time }): он не знает чата между вами и ботом. Чаще всего бот ещё не запущен; или OWNER_ID указывает на другой аккаунт.
    Что делать: откройте своего бота session-warden в Telegram и нажмите «Запустить» (или отправьте ему /start) и проверьте OWNER_ID в .env. Оповещения ждут и придут в чат, как только бот сможет вам написать.
oob-bot-not-started = Telegram не принял сообщение session-warden для вас ({ $time }): вы ещё не запустили бота, а бот не может написать первым.
    Что делать: откройте своего бота session-warden в Telegram и нажмите «Запустить» (или отправьте ему /start). Оповещения ждут и придут в чат, как только вы это сделаете.
oob-bot-unblocked-title = ✅ session-warden снова может писать вам в Telegram
oob-bot-unblocked = Бот снова может вам писать. { $count ->
        [0] Ожидающих оповещений не было.
        [one] Ожидавшее оповещение ({ $count }) сейчас придёт в чат.
        [few] Ожидавшие оповещения ({ $count }) сейчас придут в чат.
       *[other] Ожидавшие оповещения ({ $count }) сейчас придут в чат.
    }
oob-test-title = session-warden: проверочное сообщение
oob-test = Это проверка от session-warden. Оповещения о безопасности вашего аккаунта Telegram приходят и сюда, где их не заглушит тот, кто проник в аккаунт.
# /status и /security: каналы и пульс
status-channels-none = Оповещения вне Telegram: не настроены, только этот чат.
status-channels = Оповещения вне Telegram:
status-channel = • { $name }: { $state }
status-channel-delivered = последняя доставка { $ago }
status-channel-never = пока ничего не доставлено
status-channel-waiting = в очереди: { $count }
status-channel-dropped = отброшено спустя 24 часа: { $count }
status-channel-failing = не доставляется ({ $code }), повтор идёт
status-heartbeat-off = Пульс: не настроен.
status-heartbeat-on = Пульс: сигнал уходит регулярно (интервал: { $interval }), последний — { $ago }.
status-heartbeat-none-yet = Пульс: сигнал будет уходить регулярно (интервал: { $interval }), пока не было ни одного.
status-heartbeat-paused = ⚠️ Пульс: остановлен с { $since }, потому что сторож не может следить; монитор предупреждён (/fail).
checkup-channels-none = ⚠️ Оповещения приходят только в этот чат: тот, кто проник в аккаунт, может заблокировать бота или удалить оповещения. Настройте почту, ntfy или вебхук (README, раздел «Alerts outside Telegram»).
checkup-channels = ✅ Оповещения приходят и сюда: { $names }.
# /test
command-test = Проверочное оповещение по почте, push и вебхуку
test-none = Каналы вне Telegram не настроены, поэтому оповещения приходят только в этот чат. Задайте SMTP_URL, NTFY_URL или WEBHOOK_URL в .env (README, раздел «Alerts outside Telegram») и перезапустите.
test-unknown = Канала «{ $name }» нет. Отправьте /test, чтобы проверить все, или /test email, /test ntfy, /test webhook.
test-too-soon = Проверочное сообщение уже отправлено меньше минуты назад; отправьте /test чуть позже (осталось секунд: { $seconds }).
test-not-set = { $name } не настроен: добавьте его в .env и перезапустите.
test-sent = ✅ { $name }: отправлено. Проверьте, что сообщение пришло.
test-failed = ❌ { $name }: не отправлено ({ $code }). Проверьте настройку и сервер.
oob-bot-unreachable-title = ⚠️ session-warden не может связаться с Bot API Telegram
oob-bot-unreachable = С { $since } (продолжительность: { $wait }) сообщения session-warden для вас в Telegram не доходят: Bot API недоступен. Попытки продолжаются, а оповещения тем временем приходят сюда. Если это надолго, проверьте сеть сервера.
oob-bot-reachable-title = ✅ session-warden снова связан с Bot API Telegram
oob-bot-reachable = Сообщения для вас в Telegram снова доходят (перерыв: { $wait }). То, что ждало отправки, сейчас придёт в чат.

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Actors</name>
    <message>
        <location filename="../../ui/pages/words.py" line="542"/>
        <source>system</source>
        <translation>система</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="543"/>
        <source>demo data</source>
        <translation>демо-данные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="544"/>
        <source>automatic top-up</source>
        <translation>автопополнение</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../ui/pages/words.py" line="303"/>
        <source>Created a customer</source>
        <translation>Создан клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="304"/>
        <source>Edited a customer</source>
        <translation>Изменён клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="305"/>
        <source>Added a note on a customer</source>
        <translation>Добавлена заметка о клиенте</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="306"/>
        <source>Sent a customer notice again</source>
        <translation>Повторно отправил уведомление клиенту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="307"/>
        <source>Saved a card for automatic top-up</source>
        <translation>Сохранил карту для автопополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="308"/>
        <source>Removed a saved card</source>
        <translation>Удалил сохранённую карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="309"/>
        <source>Set an automatic top-up</source>
        <translation>Настроил автопополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="310"/>
        <source>Turned off an automatic top-up</source>
        <translation>Выключил автопополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="311"/>
        <source>Topped up a wallet</source>
        <translation>Пополнен кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="312"/>
        <source>Refunded</source>
        <translation>Выполнен возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="313"/>
        <source>Adjusted a balance</source>
        <translation>Скорректирован баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="314"/>
        <source>Refunded a top-up</source>
        <translation>Возвращено пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="315"/>
        <source>Refunded a charge</source>
        <translation>Возвращено списание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="316"/>
        <location filename="../../ui/pages/words.py" line="317"/>
        <source>Reconciled a payment</source>
        <translation>Сверен платёж</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="318"/>
        <source>Subscribed</source>
        <translation>Оформлена подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="319"/>
        <source>Canceled a subscription</source>
        <translation>Отменена подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="320"/>
        <source>Reinstated a subscription</source>
        <translation>Восстановлена подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="321"/>
        <source>Changed a plan</source>
        <translation>Сменён тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="322"/>
        <source>Recorded usage</source>
        <translation>Записано использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="323"/>
        <source>Ran renewals</source>
        <translation>Выполнены продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="324"/>
        <source>Retried a payment</source>
        <translation>Повторён платёж</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="325"/>
        <source>Retry held back: the gateway was still down</source>
        <translation>Повтор отложен: шлюз всё ещё недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="326"/>
        <source>Retry outcome taken over by another runner</source>
        <translation>Итог повтора записал другой исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="327"/>
        <source>Canceled a scheduled retry</source>
        <translation>Отменён запланированный повтор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="328"/>
        <source>Escalated to manual handling</source>
        <translation>Передано на ручную обработку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="329"/>
        <source>Changed a retry strategy</source>
        <translation>Изменена стратегия повторов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="330"/>
        <source>Resolved an error item</source>
        <translation>Закрыта ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="331"/>
        <source>Created a plan</source>
        <translation>Создан тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="332"/>
        <source>Edited a plan</source>
        <translation>Изменён тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="333"/>
        <source>Changed a plan&apos;s feature</source>
        <translation>Изменена функция тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="334"/>
        <source>Created a feature</source>
        <translation>Создана функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="335"/>
        <source>Created an operator</source>
        <translation>Создан оператор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="336"/>
        <source>Changed an operator&apos;s role</source>
        <translation>Изменена роль оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="337"/>
        <source>Changed an operator</source>
        <translation>Изменён оператор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="338"/>
        <source>Disabled an operator</source>
        <translation>Оператор отключён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="339"/>
        <source>Re-enabled an operator</source>
        <translation>Оператор снова включён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="340"/>
        <source>Reset an operator&apos;s password</source>
        <translation>Сброшен пароль оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="341"/>
        <source>Changed their own password</source>
        <translation>Изменён собственный пароль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="342"/>
        <source>Failed to sign in</source>
        <translation>Неудачная попытка входа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="343"/>
        <source>Unlocked an operator</source>
        <translation>Оператор разблокирован</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="344"/>
        <source>A computer remembered an operator</source>
        <translation>Компьютер запомнил оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="345"/>
        <source>Signed in as remembered by a computer</source>
        <translation>Вход по запомненному входу компьютера</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="346"/>
        <source>Ended remembered sign-ins</source>
        <translation>Запомненные входы отменены</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="347"/>
        <source>Changed settings</source>
        <translation>Изменены настройки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="348"/>
        <source>Changed the gateway simulation</source>
        <translation>Изменена симуляция шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="349"/>
        <source>Set the gateway API key</source>
        <translation>Задан API-ключ шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="350"/>
        <source>Set the mail server&apos;s password</source>
        <translation>Задан пароль почтового сервера</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="351"/>
        <source>Ran a job now</source>
        <translation>Задание запущено вручную</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="352"/>
        <source>Paused the scheduler</source>
        <translation>Планировщик приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="353"/>
        <source>Resumed the scheduler</source>
        <translation>Планировщик возобновлён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="354"/>
        <source>Marked a notification read</source>
        <translation>Уведомление отмечено прочитанным</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="355"/>
        <source>Marked all notifications read</source>
        <translation>Все уведомления отмечены прочитанными</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="356"/>
        <source>Moved the demo clock ahead</source>
        <translation>Демо-часы переведены вперёд</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <location filename="../../ui/pages/words.py" line="365"/>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="366"/>
        <source>retry strategy</source>
        <translation>стратегия повтора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="367"/>
        <source>attempts</source>
        <translation>попытки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="368"/>
        <source>attempts allowed</source>
        <translation>допустимо попыток</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="369"/>
        <source>next attempt</source>
        <translation>следующая попытка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="370"/>
        <source>resolution</source>
        <translation>решение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="371"/>
        <source>outcome</source>
        <translation>итог</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="372"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="373"/>
        <source>enabled</source>
        <translation>включено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="374"/>
        <source>amount</source>
        <translation>сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="375"/>
        <source>balance</source>
        <translation>баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="376"/>
        <source>price</source>
        <translation>цена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="377"/>
        <source>unit price</source>
        <translation>цена за единицу</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="378"/>
        <source>package price</source>
        <translation>цена пакета</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="379"/>
        <source>package size</source>
        <translation>размер пакета</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="380"/>
        <source>currency</source>
        <translation>валюта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="381"/>
        <source>renews automatically</source>
        <translation>продлевается автоматически</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="382"/>
        <source>period ends</source>
        <translation>конец периода</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="383"/>
        <source>customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="384"/>
        <source>plan</source>
        <translation>тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="385"/>
        <source>feature</source>
        <translation>функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="386"/>
        <source>quantity</source>
        <translation>количество</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="387"/>
        <source>usage record</source>
        <translation>запись о потреблении</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="388"/>
        <source>credit note</source>
        <translation>кредит-нота</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="389"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="390"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="391"/>
        <source>email address</source>
        <translation>адрес эл. почты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="392"/>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="393"/>
        <source>type</source>
        <translation>тип</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="394"/>
        <source>unit</source>
        <translation>единица</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="395"/>
        <source>billing interval</source>
        <translation>период оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="396"/>
        <source>intervals per period</source>
        <translation>интервалов в периоде</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="397"/>
        <source>grace days</source>
        <translation>дней отсрочки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="398"/>
        <source>access during grace</source>
        <translation>доступ во время отсрочки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="399"/>
        <source>quota</source>
        <translation>квота</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="400"/>
        <source>included</source>
        <translation>включено в тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="401"/>
        <source>pricing</source>
        <translation>тарификация</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="402"/>
        <source>tiers</source>
        <translation>ступени</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="403"/>
        <source>rate limit</source>
        <translation>ограничение частоты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="404"/>
        <source>rate window (seconds)</source>
        <translation>окно ограничения (секунды)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="405"/>
        <source>user name</source>
        <translation>имя пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="406"/>
        <source>failed sign-ins in a row</source>
        <translation>неудачных входов подряд</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="407"/>
        <source>locked until</source>
        <translation>заблокирован до</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="408"/>
        <source>failed sign-ins</source>
        <translation>неудачных входов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="409"/>
        <location filename="../../ui/pages/words.py" line="411"/>
        <source>computer</source>
        <translation>компьютер</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="410"/>
        <source>computers</source>
        <translation>компьютеры</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="412"/>
        <source>computer waits (seconds)</source>
        <translation>ожидание компьютера (секунды)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="413"/>
        <source>waits (seconds)</source>
        <translation>ожидание (секунды)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="414"/>
        <source>remembered sign-in #</source>
        <translation>запомненный вход №</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="415"/>
        <source>expires</source>
        <translation>истекает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="416"/>
        <source>how many</source>
        <translation>сколько</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="417"/>
        <source>replaced</source>
        <translation>заменено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="418"/>
        <source>role</source>
        <translation>роль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="419"/>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="420"/>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="421"/>
        <source>why</source>
        <translation>почему</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="422"/>
        <source>marked read</source>
        <translation>отмечено прочитанными</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="423"/>
        <source>notifications</source>
        <translation>уведомления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="424"/>
        <source>paused</source>
        <translation>приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="425"/>
        <source>clock</source>
        <translation>часы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="426"/>
        <source>kept in</source>
        <translation>хранится в</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="427"/>
        <source>renewal time</source>
        <translation>время продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="428"/>
        <source>reminder days</source>
        <translation>дней до напоминания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="429"/>
        <source>default grace days</source>
        <translation>дней отсрочки по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="430"/>
        <source>alert threshold</source>
        <translation>порог тревоги</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="431"/>
        <source>retry pass every (minutes)</source>
        <translation>проход повторов каждые (минуты)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="432"/>
        <source>daily backups kept</source>
        <translation>хранить ежедневных резервных копий</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="433"/>
        <source>notifications archived after (days)</source>
        <translation>уведомления в архив через (дней)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="434"/>
        <source>&quot;Remember me&quot; lasts (days)</source>
        <translation>срок «Запомнить меня» (дней)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="435"/>
        <source>demo database</source>
        <translation>демо-база</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit.py" line="131"/>
        <source>Stored as «%1»</source>
        <translation>Хранится как «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="149"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="149"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="179"/>
        <source>by</source>
        <translation>выполнил</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="186"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="189"/>
        <source>No before/after recorded.</source>
        <translation>Состояние «до» и «после» не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="195"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="196"/>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="197"/>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="240"/>
        <source>Target id, “customer #12” or reason</source>
        <translation>ID объекта, «customer #12» или причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="229"/>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="242"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="242"/>
        <location filename="../../ui/pages/audit.py" line="243"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="243"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="248"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="250"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="251"/>
        <source>Last day</source>
        <translation>За последние сутки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="252"/>
        <source>Last week</source>
        <translation>За последнюю неделю</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="253"/>
        <source>Last month</source>
        <translation>За последний месяц</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/audit.py" line="298"/>
        <source>%n entries selected</source>
        <translation>
            <numerusform>Выбрана %n запись</numerusform>
            <numerusform>Выбрано %n записи</numerusform>
            <numerusform>Выбрано %n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="300"/>
        <source>Select an entry to compare before and after.</source>
        <translation>Выберите запись, чтобы сравнить состояние до и после.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/pages/audit.py" line="68"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="72"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="75"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="83"/>
        <source>Target</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="91"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>AutoTopUpPanel</name>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="52"/>
        <location filename="../../ui/pages/auto_topup.py" line="300"/>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="52"/>
        <source>Expires</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="52"/>
        <source>Saved</source>
        <translation>Сохранена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="59"/>
        <source>Set automatic top-up…</source>
        <translation>Настроить автопополнение…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="60"/>
        <source>Turn off…</source>
        <translation>Выключить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="61"/>
        <source>Add card…</source>
        <translation>Добавить карту…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="62"/>
        <source>Remove card…</source>
        <translation>Удалить карту…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="76"/>
        <source>Saved cards</source>
        <translation>Сохранённые карты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="85"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="119"/>
        <source>No saved cards: Add card… saves one the gateway knows.</source>
        <translation>Нет сохранённых карт: «Добавить карту…» сохраняет карту, известную платёжному шлюзу.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="125"/>
        <source>Automatic top-up is not set up for this customer.</source>
        <translation>Автопополнение для этого клиента не настроено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="128"/>
        <source>%1 ending in %2</source>
        <translation>%1, последние цифры %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/auto_topup.py" line="135"/>
        <source>%n day(s) before a renewal the wallet cannot pay, charge %1 the shortfall rounded up to %2</source>
        <translation>
            <numerusform>За %n день до продления, которое кошелёк не может оплатить, списывать с карты %1 недостающую сумму с округлением вверх до %2</numerusform>
            <numerusform>За %n дня до продления, которое кошелёк не может оплатить, списывать с карты %1 недостающую сумму с округлением вверх до %2</numerusform>
            <numerusform>За %n дней до продления, которое кошелёк не может оплатить, списывать с карты %1 недостающую сумму с округлением вверх до %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="144"/>
        <source>When the balance is below %1, charge %2 to %3</source>
        <translation>Когда баланс ниже %1, списывать %2 с карты %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="150"/>
        <source>On (%1): %2</source>
        <translation>Включено (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="152"/>
        <source>Off (%1): %2. It was: %3</source>
        <translation>Выключено (%1): %2. Правило было таким: %3</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="160"/>
        <source>turned off</source>
        <translation>выключено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="162"/>
        <source>turned off by an operator</source>
        <translation>выключено оператором</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="164"/>
        <source>its card was removed</source>
        <translation>его карта удалена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="166"/>
        <source>the card was declined (%1)</source>
        <translation>карта отклонена (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="206"/>
        <location filename="../../ui/pages/auto_topup.py" line="212"/>
        <source>Add card</source>
        <translation>Добавить карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="207"/>
        <source>Save a card for %1&apos;s automatic top-up. Give the card reference from the payment gateway.</source>
        <translation>Сохранить карту для автопополнения клиента %1. Укажите идентификатор карты в платёжном шлюзе.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="211"/>
        <source>Card reference</source>
        <translation>Идентификатор карты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="220"/>
        <source>Card saved</source>
        <translation>Карта сохранена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="230"/>
        <location filename="../../ui/pages/auto_topup.py" line="235"/>
        <source>Remove card</source>
        <translation>Удалить карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="231"/>
        <source>Forget %1? An automatic top-up that charges it is turned off.</source>
        <translation>Забыть карту %1? Автопополнение, которое списывает с неё, будет выключено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="243"/>
        <source>Card removed</source>
        <translation>Карта удалена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="252"/>
        <source>Before each renewal the wallet cannot pay</source>
        <translation>Перед каждым продлением, которое кошелёк не может оплатить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="253"/>
        <source>When the balance falls below a threshold</source>
        <translation>Когда баланс опускается ниже порога</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="287"/>
        <source>Automatic top-up</source>
        <translation>Автопополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="289"/>
        <source>Charge a saved card of %1 when the wallet runs short: before a renewal it cannot pay (the shortfall, rounded up), or when the balance falls below a threshold (a fixed amount). A declined card turns it off and the customer is told.</source>
        <translation>Списывать деньги с сохранённой карты клиента %1, когда в кошельке не хватает средств: перед продлением, которое он не может оплатить (недостающую сумму с округлением вверх), или когда баланс опускается ниже порога (фиксированную сумму). Если карту отклонят, автопополнение выключится, а клиент получит уведомление.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="295"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="296"/>
        <source>Days before the renewal</source>
        <translation>За сколько дней до продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="297"/>
        <source>Round up to</source>
        <translation>Округлять вверх до</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="298"/>
        <source>Balance below</source>
        <translation>Баланс ниже</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="299"/>
        <source>Top up by</source>
        <translation>Пополнять на</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="301"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="303"/>
        <source>Turn on</source>
        <translation>Включить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="329"/>
        <source>Automatic top-up turned on</source>
        <translation>Автопополнение включено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="337"/>
        <source>Turn off automatic top-up</source>
        <translation>Выключить автопополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="339"/>
        <source>Stop charging %1&apos;s card automatically? Their wallet is topped up only by hand after this.</source>
        <translation>Больше не списывать деньги с карты клиента %1 автоматически? После этого кошелёк пополняется только вручную.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="342"/>
        <source>Turn off</source>
        <translation>Выключить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/auto_topup.py" line="350"/>
        <source>Automatic top-up turned off</source>
        <translation>Автопополнение выключено</translation>
    </message>
</context>
<context>
    <name>CatchUp</name>
    <message>
        <location filename="../../ui/pages/catch_up.py" line="33"/>
        <source>%1 subscription(s) would each pay more than %2 period(s) at once: %3 period(s), %4 in all.</source>
        <translation>Подписок: %1 — каждая оплатила бы больше %2 период(ов) сразу: периодов — %3, всего %4.</translation>
    </message>
</context>
<context>
    <name>CatchUpPrompt</name>
    <message>
        <location filename="../../ui/pages/catch_up.py" line="79"/>
        <source>Renewals held</source>
        <translation>Продления задержаны</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catch_up.py" line="84"/>
        <source>Nothing was charged for them; the other subscriptions renewed. If the clock is right, renew them all now: each period is paid once. Not now leaves them waiting; every pass holds them again.</source>
        <translation>За них ничего не списано; остальные подписки продлены. Если часы идут верно, продлите их все сейчас: каждый период оплачивается один раз. «Не сейчас» оставляет их ждать; каждый проход снова задержит их.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catch_up.py" line="88"/>
        <source>Renew them all</source>
        <translation>Продлить все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catch_up.py" line="89"/>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catch_up.py" line="109"/>
        <source>Renewing every period due…</source>
        <translation>Продлеваем все наступившие периоды…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/catch_up.py" line="113"/>
        <source>Caught up: %n renewal(s) paid.</source>
        <translation>
            <numerusform>Наверстано: оплачено %n продление.</numerusform>
            <numerusform>Наверстано: оплачено %n продления.</numerusform>
            <numerusform>Наверстано: оплачено %n продлений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/login.py" line="254"/>
        <source>Change my password</source>
        <translation>Сменить мой пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="255"/>
        <source>Signed in as %s.</source>
        <translation>Вы вошли как %s.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="266"/>
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="267"/>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="268"/>
        <source>Repeat new password</source>
        <translation>Повторите новый пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="289"/>
        <source>The two new passwords differ.</source>
        <translation>Новые пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="293"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../ui/pages/dialogs.py" line="59"/>
        <source>Why? (kept in the audit log)</source>
        <translation>Почему? (сохраняется в журнале аудита)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dialogs.py" line="62"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dialogs.py" line="123"/>
        <source>Please give a reason.</source>
        <translation>Укажите причину.</translation>
    </message>
</context>
<context>
    <name>CreditNoteTable</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="314"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="315"/>
        <source>Issued</source>
        <translation>Выставлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="316"/>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="318"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="317"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="319"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>CustomerNotices</name>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="35"/>
        <source>Receipt for %1</source>
        <translation>Чек по счёту %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="38"/>
        <source>%1 renews on %2; the wallet is short</source>
        <translation>%1 продлевается %2; на кошельке не хватает средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="44"/>
        <source>%1 is waiting for funds until %2</source>
        <translation>%1 ждёт пополнения до %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="49"/>
        <source>%1 expired</source>
        <translation>%1: подписка истекла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="52"/>
        <source>Automatic top-up of %1 credited</source>
        <translation>Автопополнение на %1 зачислено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="54"/>
        <source>Top-up of %1 credited</source>
        <translation>Пополнение на %1 зачислено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="59"/>
        <source>Refund of %1 sent to the card</source>
        <translation>Возврат %1 отправлен на карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="64"/>
        <source>Refund of %1 into the wallet (%2)</source>
        <translation>Возврат %1 на кошелёк (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="66"/>
        <source>Refund of %1 into the wallet</source>
        <translation>Возврат %1 на кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="70"/>
        <source>Balance fell below %1</source>
        <translation>Баланс опустился ниже %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="72"/>
        <source>Automatic top-up of %1 declined; the rule is off</source>
        <translation>Автопополнение на %1 отклонено; правило выключено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="82"/>
        <source>Pending</source>
        <translation>Ожидает отправки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="83"/>
        <source>Sending</source>
        <translation>Отправляется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="84"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="85"/>
        <source>Retrying</source>
        <translation>Повторная попытка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="86"/>
        <source>Failed</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="87"/>
        <source>Suppressed</source>
        <translation>Не отправляется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="92"/>
        <source>the customer gets no email</source>
        <translation>клиент отказался от писем</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_notice_words.py" line="96"/>
        <location filename="../../ui/pages/customer_notice_words.py" line="98"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="42"/>
        <location filename="../../ui/pages/customer_file_words.py" line="58"/>
        <location filename="../../ui/pages/customer_page.py" line="366"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="43"/>
        <location filename="../../ui/pages/customer_file_words.py" line="59"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="44"/>
        <source>Renewal</source>
        <translation>Продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="45"/>
        <source>Payment review</source>
        <translation>Проверка платежа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="54"/>
        <source>Became a customer</source>
        <translation>Стал клиентом</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="55"/>
        <source>Subscription</source>
        <translation>Подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="56"/>
        <source>Invoice issued</source>
        <translation>Выставлен счёт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="57"/>
        <source>Credit note</source>
        <translation>Кредит-нота</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="60"/>
        <source>Failure queued</source>
        <translation>Сбой в очереди ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="61"/>
        <source>Notification</source>
        <translation>Уведомление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="62"/>
        <location filename="../../ui/pages/customer_page.py" line="520"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="91"/>
        <source>None.</source>
        <translation>Нет.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="92"/>
        <location filename="../../ui/pages/customer_page.py" line="134"/>
        <location filename="../../ui/pages/customer_page.py" line="155"/>
        <location filename="../../ui/pages/customer_page.py" line="224"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="92"/>
        <source>Customer since</source>
        <translation>Клиент с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="94"/>
        <source>Contact details</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="100"/>
        <source>Wallet and balance</source>
        <translation>Кошелёк и баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="106"/>
        <source>owes %s</source>
        <translation>долг %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="110"/>
        <source>Usage this period</source>
        <translation>Потребление за период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="114"/>
        <source>since %s</source>
        <translation>с %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="121"/>
        <source>Open error items</source>
        <translation>Открытые ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="135"/>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_file_words.py" line="146"/>
        <source>Operator notes</source>
        <translation>Заметки операторов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="77"/>
        <source>← All customers</source>
        <translation>← Все клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="81"/>
        <source>Back to the list of customers (Alt+Left)</source>
        <translation>Назад к списку клиентов (Alt+Влево)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="97"/>
        <source>Top up…</source>
        <translation>Пополнить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="98"/>
        <source>Subscribe…</source>
        <translation>Подписать…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="99"/>
        <source>Cancel subscription…</source>
        <translation>Отменить подписку…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="100"/>
        <source>Refund top-up…</source>
        <translation>Вернуть пополнение…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="101"/>
        <source>Add note…</source>
        <translation>Добавить заметку…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="133"/>
        <source>Plan</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="135"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="136"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="137"/>
        <source>Auto-renew</source>
        <translation>Автопродление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="152"/>
        <location filename="../../ui/pages/customer_page.py" line="177"/>
        <location filename="../../ui/pages/customer_page.py" line="222"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="153"/>
        <location filename="../../ui/pages/customer_page.py" line="178"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="154"/>
        <location filename="../../ui/pages/customer_page.py" line="179"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="156"/>
        <location filename="../../ui/pages/customer_page.py" line="180"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="163"/>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="164"/>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="165"/>
        <source>Invoices</source>
        <translation>Счета</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="166"/>
        <source>Credit notes</source>
        <translation>Кредит-ноты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="167"/>
        <source>Top-ups and refunds</source>
        <translation>Пополнения и возвраты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="170"/>
        <source>Automatic top-up</source>
        <translation>Автопополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="173"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="187"/>
        <source>Double-click an invoice, subscription or failure to open it</source>
        <translation>Дважды щёлкните счёт, подписку или сбой, чтобы открыть</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="223"/>
        <source>Notice</source>
        <translation>Уведомление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="225"/>
        <source>Sent to</source>
        <translation>Куда отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="233"/>
        <source>Resend…</source>
        <translation>Отправить снова…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="243"/>
        <source>Notices</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="284"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="314"/>
        <source>%s · customer #%d · %s · customer since %s</source>
        <translation>%s · клиент №%d · %s · клиент с %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="318"/>
        <source>Balance %s</source>
        <translation>Баланс %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/customer_page.py" line="320"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n попытка</numerusform>
            <numerusform>%n попытки</numerusform>
            <numerusform>%n попыток</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="323"/>
        <source>No invoices yet: the first is issued when the customer subscribes.</source>
        <translation>Счетов пока нет: первый выставляется при оформлении подписки.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="325"/>
        <source>No credit notes.</source>
        <translation>Кредит-нот нет.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="328"/>
        <source>Subscriptions (%d)</source>
        <translation>Подписки (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="329"/>
        <source>Invoices (%d)</source>
        <translation>Счета (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="330"/>
        <source>Credit notes (%d)</source>
        <translation>Кредит-ноты (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="331"/>
        <source>Top-ups and refunds (%d)</source>
        <translation>Пополнения и возвраты (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="332"/>
        <source>Timeline (%d events, newest first)</source>
        <translation>Хронология (событий: %d, сначала новые)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="346"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="346"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="352"/>
        <source>No subscriptions: Subscribe… starts one.</source>
        <translation>Подписок нет: кнопка «Подписать…» оформит новую.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="360"/>
        <source>%s refunded</source>
        <translation>возвращено %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="374"/>
        <source>Refund to the card</source>
        <translation>Возврат на карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="374"/>
        <source>Refund into the wallet</source>
        <translation>Возврат в кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="390"/>
        <source>No top-ups or refunds yet.</source>
        <translation>Пополнений и возвратов пока нет.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="400"/>
        <source>%1 (sent again)</source>
        <translation>%1 (повторно)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="401"/>
        <source>not sent</source>
        <translation>не отправляется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="401"/>
        <source>not yet sent</source>
        <translation>ещё не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="405"/>
        <source>Nothing sent yet: receipts, reminders and refunds to this customer will be listed here.</source>
        <translation>Клиенту ещё ничего не отправлялось: здесь появятся чеки, напоминания и возвраты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="407"/>
        <source>Notices (%d)</source>
        <translation>Уведомления (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="441"/>
        <source>Choose a notice to send again.</source>
        <translation>Выберите уведомление, которое нужно отправить снова.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="443"/>
        <source>This notice is still on its way; it can be sent again once it is sent or failed.</source>
        <translation>Это уведомление ещё отправляется; повторить можно, когда оно отправлено или не доставлено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="516"/>
        <location filename="../../ui/pages/customer_page.py" line="521"/>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="517"/>
        <source>Write down something about %s for the other operators. A note is kept as written.</source>
        <translation>Запишите что-нибудь о клиенте %s для других операторов. Заметка хранится в том виде, как написана.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="529"/>
        <source>Write the note (at most %d characters).</source>
        <translation>Напишите заметку (не более %d символов).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="536"/>
        <source>Note added</source>
        <translation>Заметка добавлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="547"/>
        <source>Resend notice</source>
        <translation>Повторная отправка уведомления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="548"/>
        <source>Send “%1” to %2 again? A new copy is queued; this one keeps its history.</source>
        <translation>Отправить «%1» на %2 ещё раз? В очередь встанет новая копия; у этого уведомления останется своя история.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="552"/>
        <source>Resend</source>
        <translation>Отправить снова</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_page.py" line="558"/>
        <source>Notice queued to be sent again</source>
        <translation>Уведомление поставлено в очередь на повторную отправку</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../ui/pages/customers.py" line="53"/>
        <source>since</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="53"/>
        <source>Wallets</source>
        <translation>Кошельки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="54"/>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="54"/>
        <source>period ends</source>
        <translation>период до</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="55"/>
        <source>Recent top-ups</source>
        <translation>Последние пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="55"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="66"/>
        <source>owes %s</source>
        <translation>долг %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="98"/>
        <source>Name, email or id</source>
        <translation>Имя, эл. почта или ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="93"/>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="100"/>
        <location filename="../../ui/pages/customers.py" line="378"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="101"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="101"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="101"/>
        <source>Disabled</source>
        <translation>Отключённые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="104"/>
        <source>Open page</source>
        <translation>Открыть карточку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="106"/>
        <source>New customer…</source>
        <translation>Новый клиент…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="107"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="108"/>
        <source>Top up…</source>
        <translation>Пополнить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="109"/>
        <source>Subscribe…</source>
        <translation>Оформить подписку…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="195"/>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="204"/>
        <source>Double-click an invoice to see its lines, payments and credit notes.</source>
        <translation>Дважды щёлкните счёт, чтобы увидеть его строки, оплаты и кредит-ноты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="213"/>
        <location filename="../../ui/pages/customers.py" line="244"/>
        <source>Invoices</source>
        <translation>Счета</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="215"/>
        <source>Double-click a credit note to open the invoice it credits</source>
        <translation>Дважды щёлкните кредит-ноту, чтобы открыть счёт, по которому она выставлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="217"/>
        <location filename="../../ui/pages/customers.py" line="245"/>
        <source>Credit notes</source>
        <translation>Кредит-ноты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="236"/>
        <location filename="../../ui/pages/customers.py" line="239"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="236"/>
        <source>Select a customer to see their invoices.</source>
        <translation>Выберите клиента, чтобы увидеть его счета.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="239"/>
        <source>Select a customer to see their credit notes.</source>
        <translation>Выберите клиента, чтобы увидеть его кредит-ноты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="249"/>
        <source>No invoices yet: the first is issued when the customer subscribes.</source>
        <translation>Счетов пока нет: первый выставляется, когда клиент оформляет подписку.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="251"/>
        <source>No credit notes: refunds of charges and plan-change credits appear here.</source>
        <translation>Кредит-нот нет: здесь появляются возвраты списаний и зачёты при смене тарифа.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="254"/>
        <source>Invoices (%d)</source>
        <translation>Счета (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="255"/>
        <source>Credit notes (%d)</source>
        <translation>Кредит-ноты (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="258"/>
        <source>Owes %s on the invoices below; the next top-up pays it first.</source>
        <translation>Долг по счетам ниже: %s; следующее пополнение сначала погасит его.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="260"/>
        <source>Owes nothing.</source>
        <translation>Долгов нет.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="272"/>
        <location filename="../../ui/pages/customers.py" line="281"/>
        <source>Select one customer</source>
        <translation>Выберите одного клиента</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="272"/>
        <source>Open the customer&apos;s page (or double-click the row)</source>
        <translation>Открыть карточку клиента (или дважды щёлкните строку)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="283"/>
        <source>Select a customer to see the details.</source>
        <translation>Выберите клиента, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="311"/>
        <source>Send this customer no email</source>
        <translation>Не отправлять клиенту писем</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="315"/>
        <source>Their notices are still written, marked suppressed: the customer page shows what was held back.</source>
        <translation>Уведомления всё равно записываются с пометкой «не отправляется»: на странице клиента видно, что было задержано.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="327"/>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="328"/>
        <source>Create a customer with a USD wallet.</source>
        <translation>Создать клиента с кошельком в USD.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="331"/>
        <location filename="../../ui/pages/customers.py" line="376"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="332"/>
        <location filename="../../ui/pages/customers.py" line="377"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="333"/>
        <location filename="../../ui/pages/customers.py" line="379"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="334"/>
        <location filename="../../ui/pages/customers.py" line="380"/>
        <source>No email</source>
        <translation>Без писем</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="356"/>
        <source>Customer %s created</source>
        <translation>Клиент %s создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="373"/>
        <source>Edit customer</source>
        <translation>Изменение клиента</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="374"/>
        <source>Change customer #%d.</source>
        <translation>Изменить клиента #%d.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="398"/>
        <source>Customer updated</source>
        <translation>Клиент изменён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="415"/>
        <source>Top up wallet</source>
        <translation>Пополнение кошелька</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="416"/>
        <source>Charge the card of %s and credit the amount to their %s wallet (balance now %s).</source>
        <translation>Списать сумму с карты клиента %s и зачислить её в кошелёк %s (сейчас на балансе %s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="419"/>
        <source>Amount (%s)</source>
        <translation>Сумма (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="420"/>
        <source>Charge card</source>
        <translation>Списать с карты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="421"/>
        <location filename="../../ui/pages/customers.py" line="428"/>
        <source>Charging the card of %s…</source>
        <translation>Списание с карты клиента %s…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="444"/>
        <source>Top-up of %s succeeded.</source>
        <translation>Пополнение на %s выполнено.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/customers.py" line="446"/>
        <source>%n pending subscription(s) renewed at once.</source>
        <translation>
            <numerusform>%n подписка, ожидавшая продления, сразу продлена.</numerusform>
            <numerusform>%n подписки, ожидавшие продления, сразу продлены.</numerusform>
            <numerusform>%n подписок, ожидавших продления, сразу продлены.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="450"/>
        <source>The card was declined.</source>
        <translation>Карта отклонена.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="454"/>
        <source>The top-up did not go through yet: %s. It is in the error queue and will be retried with the same key, so it can never be charged twice.</source>
        <translation>Пополнение пока не прошло: %s. Оно в очереди ошибок и будет повторено с тем же ключом, поэтому карта никогда не будет списана дважды.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="459"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="492"/>
        <source>Subscribe</source>
        <translation>Оформление подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="493"/>
        <source>Start a subscription for %s; the first period is paid from the wallet (balance %s).</source>
        <translation>Оформить подписку для клиента %s; первый период оплачивается из кошелька (баланс %s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="496"/>
        <source>Plan</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="497"/>
        <source>Subscribe and charge</source>
        <translation>Оформить и списать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="503"/>
        <source>Subscribed</source>
        <translation>Подписка оформлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="28"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="28"/>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
</context>
<context>
    <name>CustomersTableModel</name>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="29"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="30"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="31"/>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="32"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="34"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="38"/>
        <source>Customer since</source>
        <translation>Клиент с</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="160"/>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="186"/>
        <source>Active subscriptions</source>
        <translation>Активные подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="186"/>
        <source>Open the active subscriptions</source>
        <translation>Открыть активные подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="187"/>
        <location filename="../../ui/pages/dashboard.py" line="399"/>
        <source>Pending renewal</source>
        <translation>Ждут продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="187"/>
        <source>Open the subscriptions waiting for funds</source>
        <translation>Открыть подписки, ожидающие поступления средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="189"/>
        <source>Expiring this week</source>
        <translation>Истекают на этой неделе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="190"/>
        <source>Active or canceled subscriptions whose period ends within %d days</source>
        <translation>Активные или отменённые подписки, период которых заканчивается в ближайшие %d дн.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="192"/>
        <source>Wallet float</source>
        <translation>Остатки в кошельках</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="192"/>
        <source>The sum of all wallet balances; open the wallets</source>
        <translation>Сумма балансов всех кошельков; открыть кошельки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="194"/>
        <source>Revenue this month</source>
        <translation>Выручка за месяц</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="195"/>
        <source>Renewal and usage charges this calendar month (UTC), less refunds of charges</source>
        <translation>Списания за продления и использование в текущем календарном месяце (UTC) за вычетом возвратов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="197"/>
        <source>Unresolved errors</source>
        <translation>Нерешённые ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="197"/>
        <source>Items retrying or waiting for an operator</source>
        <translation>Элементы, которые повторяются или ждут оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="199"/>
        <source>Gateway success, 24 h</source>
        <translation>Успешность шлюза, 24 ч</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="200"/>
        <source>Succeeded charges ÷ all charge attempts the gateway recorded in the last 24 hours</source>
        <translation>Успешные списания ÷ все попытки списания, записанные шлюзом за последние 24 часа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="221"/>
        <location filename="../../ui/pages/dashboard.py" line="385"/>
        <source>Revenue by day, last 30 days</source>
        <translation>Выручка по дням за последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="222"/>
        <source>Subscriptions by status</source>
        <translation>Подписки по статусам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="223"/>
        <source>Open error items at the end of each day</source>
        <translation>Открытые элементы очереди ошибок на конец каждого дня</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="235"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="330"/>
        <source>Could not load the numbers: %s</source>
        <translation>Не удалось загрузить показатели: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="345"/>
        <source>Figures as of %s UTC</source>
        <translation>Данные на %s UTC</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="349"/>
        <source>%n subscription(s) in all</source>
        <translation>
            <numerusform>всего %n подписка</numerusform>
            <numerusform>всего %n подписки</numerusform>
            <numerusform>всего %n подписок</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="353"/>
        <source>waiting for a top-up</source>
        <translation>ожидают пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="356"/>
        <source>within %d days</source>
        <translation>в течение %d дн.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="357"/>
        <source>held in customer wallets</source>
        <translation>в кошельках клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="359"/>
        <source>since %s</source>
        <translation>с %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="363"/>
        <source>%1 retrying · %2 manual</source>
        <translation>повтор: %1 · вручную: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="370"/>
        <source>no traffic</source>
        <translation>нет операций</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="370"/>
        <source>no charges in the last 24 h</source>
        <translation>за последние 24 ч списаний не было</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="375"/>
        <source>%1 of %2 charges</source>
        <translation>%1 из %2 списаний</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="389"/>
        <source>(%s; other currencies are not drawn)</source>
        <translation>(%s; другие валюты не показаны)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="398"/>
        <source>Active</source>
        <translation>Активны</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="400"/>
        <source>Canceled</source>
        <translation>Отменены</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="401"/>
        <source>Expired</source>
        <translation>Истекли</translation>
    </message>
</context>
<context>
    <name>DemoClockGroup</name>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="154"/>
        <source>Demo clock</source>
        <translation>Демо-часы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="158"/>
        <source>Jump ahead to see renewals, pending renewals and expiries happen.</source>
        <translation>Переведите часы вперёд, чтобы увидеть продления, ожидание продления и истечение подписок.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="163"/>
        <source>+1 day</source>
        <translation>+1 день</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="163"/>
        <source>+1 week</source>
        <translation>+1 неделя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="163"/>
        <source>+1 month</source>
        <translation>+1 месяц</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="165"/>
        <source>Move the demo clock ahead, then run the renewal pass and the reminders</source>
        <translation>Перевести демо-часы вперёд, затем выполнить продления и разослать напоминания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="178"/>
        <source>Demo time: %s UTC</source>
        <translation>Демо-время: %s UTC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="184"/>
        <source>Moving the clock and renewing…</source>
        <translation>Перевод часов и продление…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="201"/>
        <source>Now %1. Renewal pass: %2 due, %3 renewed, %4 now pending renewal, %5 expired, %6 error(s); %7 charged. %8 reminder(s) sent.</source>
        <translation>Сейчас %1. Продление: к оплате — %2, продлено — %3, ожидают продления — %4, истекло — %5, ошибок — %6; списано %7. Отправлено напоминаний: %8.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="218"/>
        <source>Held: %s</source>
        <translation>Задержано: %s</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../ui/app.py" line="311"/>
        <source>Signed out</source>
        <translation>Выход выполнен</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="351"/>
        <source>Failed sign-ins to your account since your last sign-in: {count}. If they were not yours, tell an administrator.</source>
        <translation>Неудачных попыток входа в вашу учётную запись после прошлого входа: {count}. Если это были не вы, сообщите администратору.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="380"/>
        <source>You were signed out on every computer. Each will ask for your password at its next start.</source>
        <translation>Вы вышли на всех компьютерах. Каждый из них спросит пароль при следующем запуске.</translation>
    </message>
</context>
<context>
    <name>DocumentTable</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="189"/>
        <source>Open PDF</source>
        <translation>Открыть PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="190"/>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
</context>
<context>
    <name>DomainMessages</name>
    <message>
        <location filename="../../ui/domain_messages.py" line="11"/>
        <source>--customers must be a whole number from 1 to 1,000,000</source>
        <translation>--customers — целое число от 1 до 1 000 000</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="12"/>
        <source>--seed must be a whole number from 0 to 2147483648</source>
        <translation>--seed — целое число от 0 до 2147483648</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="13"/>
        <source>The demo clock only moves ahead.</source>
        <translation>Демо-часы идут только вперёд.</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="14"/>
        <source>This clock follows real time; only a demo clock can be moved.</source>
        <translation>Эти часы идут по реальному времени; переводить можно только демо-часы.</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="15"/>
        <source>a card reference is 1–64 characters, such as pm_card_visa</source>
        <translation>идентификатор карты — от 1 до 64 символов, например pm_card_visa</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="16"/>
        <source>a credit note gives back a positive amount</source>
        <translation>кредит-нота возвращает положительную сумму</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="17"/>
        <source>a customer with email {email} already exists</source>
        <translation>клиент с адресом {email} уже есть</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="18"/>
        <source>a feature with code {code!r} already exists</source>
        <translation>функция с кодом {code!r} уже есть</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="19"/>
        <source>a gateway call needs an idempotency key</source>
        <translation>вызову шлюза нужен ключ идемпотентности</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="20"/>
        <source>a key is one word of at most {most} characters</source>
        <translation>ключ — одно слово не длиннее {most} символов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="21"/>
        <source>a ledger entry moves a non-zero whole number of minor units</source>
        <translation>запись журнала переносит ненулевое целое число младших единиц</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="22"/>
        <source>a list of notices holds from 1 to {most}</source>
        <translation>в списке уведомлений от 1 до {most}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="23"/>
        <source>a low-balance threshold lists currencies and amounts, like {example}</source>
        <translation>порог низкого баланса — это валюты и суммы, например {example}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="24"/>
        <source>a package size and price apply only to package pricing</source>
        <translation>размер и цена пакета действуют только при пакетной тарификации</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="25"/>
        <source>a password is one line of at most {most} characters</source>
        <translation>пароль — одна строка длиной не более {most} символов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="26"/>
        <source>a plan with code {code!r} already exists</source>
        <translation>тариф с кодом {code!r} уже есть</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="27"/>
        <source>a reason is required when money moves</source>
        <translation>когда движутся деньги, нужна причина</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="28"/>
        <source>a refund of {amount_minor} exceeds the {left} minor units left on charge {charge_id}</source>
        <translation>возврат {amount_minor} больше остатка {left} младших единиц по списанию {charge_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="29"/>
        <source>a retry handler must be callable</source>
        <translation>обработчик повтора должен быть вызываемым</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="30"/>
        <source>a search lists from 1 to 10000 customers</source>
        <translation>поиск выдаёт от 1 до 10000 клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="31"/>
        <source>a secret needs a name</source>
        <translation>у секрета должно быть имя</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="32"/>
        <source>a single unit price applies only to flat pricing; tiers carry their own prices</source>
        <translation>единая цена единицы действует только при простой тарификации; у ступеней свои цены</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="33"/>
        <source>a top-up before renewal takes days and a rounding, not a threshold or amount</source>
        <translation>пополнению перед продлением нужны число дней и округление, а не порог или сумма</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="34"/>
        <source>a top-up below a balance takes a threshold and an amount, not days</source>
        <translation>пополнению при низком балансе нужны порог и сумма, а не число дней</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="35"/>
        <source>a {what} is required</source>
        <translation>нужно указать: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="36"/>
        <source>act on at most {most} error items at a time</source>
        <translation>за раз можно обработать не больше {most} ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="37"/>
        <source>administrators type their password at every sign-in; nothing is remembered</source>
        <translation>администраторы вводят пароль при каждом входе; ничего не запоминается</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="38"/>
        <source>amount is too large</source>
        <translation>сумма слишком велика</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="39"/>
        <source>amount must be a whole number of minor units</source>
        <translation>сумма — целое число младших единиц</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="40"/>
        <source>amount must be positive</source>
        <translation>сумма должна быть положительной</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="41"/>
        <source>amount must be written as text like 12.50, not {type}</source>
        <translation>сумму пишут текстом, например 12.50, а не {type}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="42"/>
        <source>amount must not be zero</source>
        <translation>сумма не может быть нулевой</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="43"/>
        <source>an administrator already exists; sign in instead</source>
        <translation>администратор уже есть; войдите в систему</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="44"/>
        <source>an automatic top-up is {kinds}</source>
        <translation>автопополнение бывает только такого вида: {kinds}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="45"/>
        <source>an idempotency key is 1–{max_length} characters of text</source>
        <translation>ключ идемпотентности — текст длиной 1–{max_length} символов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="46"/>
        <source>an idempotency key is at most {max_length} characters</source>
        <translation>ключ идемпотентности не длиннее {max_length} символов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="47"/>
        <source>at most {left} of charge #{ledger_entry_id} (invoice {invoice}) is left to refund</source>
        <translation>по списанию #{ledger_entry_id} (счёт {invoice}) можно вернуть не больше {left}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="48"/>
        <source>at most {left} of invoice {number} is left to refund</source>
        <translation>по счёту {number} можно вернуть не больше {left}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="49"/>
        <source>at most {left} of top-up #{topup_id} is left to refund</source>
        <translation>по пополнению #{topup_id} можно вернуть не больше {left}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="50"/>
        <source>at most {most} tiers</source>
        <translation>не больше {most} ступеней</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="51"/>
        <source>cannot confirm with the gateway whether refund #{row_id} was sent ({error}); the item stays open, try again later</source>
        <translation>шлюз не подтвердил, был ли отправлен возврат #{row_id} ({error}); ошибка остаётся открытой, попробуйте позже</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="52"/>
        <source>cannot confirm with the gateway whether top-up #{row_id} was charged ({error}); the item stays open, try again later</source>
        <translation>шлюз не подтвердил, было ли списание по пополнению #{row_id} ({error}); ошибка остаётся открытой, попробуйте позже</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="53"/>
        <source>cannot {event} a subscription that is {status}</source>
        <translation>действие «{event}» невозможно для подписки в состоянии «{status}»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="54"/>
        <source>card #{card_id} is not a saved card of this customer; nothing was charged</source>
        <translation>карта №{card_id} не сохранена у этого клиента; ничего не списано</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="55"/>
        <source>card #{card_id} is not a saved card of {email}; add it first</source>
        <translation>карта №{card_id} не сохранена у клиента {email}; сначала добавьте её</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="56"/>
        <source>change your own password from the menu under your name; it asks for the old one</source>
        <translation>свой пароль меняют в меню под своим именем; там спрашивают старый пароль</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="57"/>
        <source>charge #{ledger_entry_id} paid no invoice</source>
        <translation>списание #{ledger_entry_id} не оплачивало счёт</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="58"/>
        <source>charge {charge_id} was declined; there is nothing to refund</source>
        <translation>списание {charge_id} было отклонено; возвращать нечего</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="59"/>
        <source>closed by an operator before it was sent</source>
        <translation>закрыто оператором до отправки</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="60"/>
        <source>control characters are not allowed here</source>
        <translation>управляющие символы здесь недопустимы</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="61"/>
        <source>could not talk to the mail server {where} ({detail})</source>
        <translation>не удалось связаться с почтовым сервером {where} ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="62"/>
        <source>credit key {key!r} was used for a different credit</source>
        <translation>ключ зачёта {key!r} уже использован для другого зачёта</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="63"/>
        <source>customer notice #{notice_id} is being sent right now</source>
        <translation>уведомление клиенту №{notice_id} отправляется прямо сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="64"/>
        <source>customer notice #{notice_id} no longer exists</source>
        <translation>уведомления клиенту №{notice_id} больше нет</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="65"/>
        <source>customer {customer_email} is disabled</source>
        <translation>клиент {customer_email} отключён</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="66"/>
        <source>dates must lie between 1970 and 2200</source>
        <translation>даты должны лежать между 1970 и 2200 годами</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="67"/>
        <source>days before the renewal must be a whole number</source>
        <translation>число дней до продления должно быть целым</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="68"/>
        <source>days before the renewal must be from 1 to {most}</source>
        <translation>число дней до продления должно быть от 1 до {most}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="69"/>
        <source>email must be text</source>
        <translation>адрес эл. почты должен быть текстом</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="70"/>
        <source>enter the mail server&apos;s password</source>
        <translation>введите пароль почтового сервера</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="71"/>
        <source>enter the new key</source>
        <translation>введите новый ключ</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="72"/>
        <source>error item #{item_id} is being retried right now; try again when it finishes</source>
        <translation>ошибка #{item_id} как раз сейчас повторяется; попробуйте, когда повтор закончится</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="73"/>
        <source>error item #{item_id} is {status}, already handled by {resolved_by}; only {allowed} items can be {verb}</source>
        <translation>ошибка #{item_id} в состоянии «{status}», её уже обработал {resolved_by}; быть {verb} может только ошибка в состоянии: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="74"/>
        <source>error item #{item_id} is {status}; only {allowed} items can be {verb}</source>
        <translation>ошибка #{item_id} в состоянии «{status}»; быть {verb} может только ошибка в состоянии: {allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="75"/>
        <source>error item ids are whole numbers</source>
        <translation>номера ошибок — целые числа</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="76"/>
        <source>feature type must be one of {types}</source>
        <translation>тип функции — один из: {types}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="77"/>
        <source>for a quota feature the included units are its quota; leave included at 0</source>
        <translation>у функции с квотой включённые единицы и есть квота; оставьте «включено» равным 0</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="78"/>
        <source>gateway latency: the minimum is above the maximum</source>
        <translation>задержка шлюза: минимум больше максимума</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="79"/>
        <source>give a list of notification ids</source>
        <translation>укажите список номеров уведомлений</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="80"/>
        <source>give a reason for pausing the scheduler</source>
        <translation>укажите причину приостановки планировщика</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="81"/>
        <source>give one error item id or a list of them</source>
        <translation>укажите номер ошибки или их список</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="82"/>
        <source>idempotency key {idempotency_key!r} was used for a different movement of money (ledger entry #{existing_id}); nothing was written</source>
        <translation>ключ идемпотентности {idempotency_key!r} уже использован для другого движения денег (запись журнала #{existing_id}); ничего не записано</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="83"/>
        <source>idempotency key {key!r} belongs to refund #{row_id} of {row_amount_minor} minor units ({row_kind} #{target}); a different refund needs a new key. Nothing was written</source>
        <translation>ключ идемпотентности {key!r} принадлежит возврату #{row_id} на {row_amount_minor} младших единиц ({row_kind} #{target}); для другого возврата нужен новый ключ. Ничего не записано</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="84"/>
        <source>idempotency key {key!r} belongs to top-up #{topup_id} of {amount} for customer #{owner}; a different top-up needs a new key. Nothing was charged</source>
        <translation>ключ идемпотентности {key!r} принадлежит пополнению #{topup_id} на {amount} клиента #{owner}; для другого пополнения нужен новый ключ. Ничего не списано</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="85"/>
        <source>idempotency key {key!r} was first used for a refund of {first_amount} on charge {first_charge}, not {amount_minor} on {charge_id}</source>
        <translation>ключ идемпотентности {key!r} сначала использован для возврата {first_amount} по списанию {first_charge}, а не {amount_minor} по {charge_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="86"/>
        <source>idempotency key {row_idempotency_key!r} was first used for a charge of {row_amount_minor} {row_currency}, not {amount_minor} {currency}</source>
        <translation>ключ идемпотентности {row_idempotency_key!r} сначала использован для списания {row_amount_minor} {row_currency}, а не {amount_minor} {currency}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="87"/>
        <source>interval must be one of {units}</source>
        <translation>интервал — один из: {units}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="88"/>
        <source>invoice key {event_key!r} was used for a different charge</source>
        <translation>ключ счёта {event_key!r} уже использован для другого списания</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="89"/>
        <source>its grace days have passed; subscribe again instead</source>
        <translation>льготные дни прошли; оформите подписку заново</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="90"/>
        <source>ledger entry #{ledger_entry_id} paid no invoice</source>
        <translation>запись журнала #{ledger_entry_id} не оплачивала счёт</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="91"/>
        <source>name contains characters that are not valid text</source>
        <translation>в имени есть символы, которые не являются допустимым текстом</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="92"/>
        <source>name contains control characters</source>
        <translation>в имени есть управляющие символы</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="93"/>
        <source>name is longer than 200 characters</source>
        <translation>имя длиннее 200 символов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="94"/>
        <source>name must be text</source>
        <translation>имя должно быть текстом</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="95"/>
        <source>name must not be empty</source>
        <translation>имя не может быть пустым</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="96"/>
        <source>name the settings to change and their new values</source>
        <translation>назовите изменяемые настройки и их новые значения</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="97"/>
        <source>no credit note #{credit_note_id}</source>
        <translation>нет кредит-ноты #{credit_note_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="98"/>
        <source>no credit note {text}</source>
        <translation>нет кредит-ноты {text}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="99"/>
        <source>no customer #{customer_id}</source>
        <translation>нет клиента #{customer_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="100"/>
        <source>no customer notice #{notice_id}</source>
        <translation>нет уведомления клиенту #{notice_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="101"/>
        <source>no customer {text!r}</source>
        <translation>нет клиента {text!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="102"/>
        <source>no error item #{item_id}</source>
        <translation>нет ошибки #{item_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="103"/>
        <source>no error item {items}</source>
        <translation>нет ошибки {items}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="104"/>
        <source>no feature {code!r}</source>
        <translation>нет функции {code!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="105"/>
        <source>no gateway API key is set; an admin sets it in Settings</source>
        <translation>ключ API шлюза не задан; его задаёт администратор в настройках</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="106"/>
        <source>no invoice #{invoice_id}</source>
        <translation>нет счёта #{invoice_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="107"/>
        <source>no invoice {text}</source>
        <translation>нет счёта {text}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="108"/>
        <source>no mail server is set: fill in the host and From address in Settings</source>
        <translation>почтовый сервер не задан: укажите сервер и адрес отправителя в настройках</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="109"/>
        <source>no operator is signed in</source>
        <translation>оператор не вошёл в систему</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="110"/>
        <source>no operator {username!r:.80}</source>
        <translation>нет оператора {username!r:.80}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="111"/>
        <source>no plan #{plan_id}</source>
        <translation>нет тарифа #{plan_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="112"/>
        <source>no plan {code!r}</source>
        <translation>нет тарифа {code!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="113"/>
        <source>no renewal, usage or proration charge #{ledger_entry_id}</source>
        <translation>нет списания за продление, использование или пересчёт #{ledger_entry_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="114"/>
        <source>no retry is known for {operations}; resolve or escalate instead</source>
        <translation>для {operations} повтор не предусмотрен; закройте ошибку или передайте на ручной разбор</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="115"/>
        <source>no saved card #{card_id}</source>
        <translation>нет сохранённой карты №{card_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="116"/>
        <source>no scheduled job is named {job!r}</source>
        <translation>нет задания с именем {job!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="117"/>
        <source>no subscription #{subscription_id}</source>
        <translation>нет подписки #{subscription_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="118"/>
        <source>no template for a {kind!r} notice in {language!r}</source>
        <translation>нет шаблона уведомления {kind!r} на языке {language!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="119"/>
        <source>no top-up #{topup_id}</source>
        <translation>нет пополнения #{topup_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="120"/>
        <source>no wallet #{wallet_id}</source>
        <translation>нет кошелька #{wallet_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="121"/>
        <source>nothing to change</source>
        <translation>менять нечего</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="122"/>
        <source>notice #{notice_id} is {status}: it is still on its way and is not sent again</source>
        <translation>уведомление #{notice_id} в состоянии {status}: оно ещё отправляется, повторно его не отправить</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="123"/>
        <source>older_than is a moment or an age</source>
        <translation>older_than — момент времени или возраст</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="124"/>
        <source>only an active subscription can change plan; this one is {row_status}</source>
        <translation>сменить тариф можно только у активной подписки; эта в состоянии «{row_status}»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="125"/>
        <source>only quota features take a quota; {feature_code} is a {kind} feature</source>
        <translation>квота бывает только у функций с квотой; {feature_code} — функция типа «{kind}»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="126"/>
        <source>only rate features take a rate limit; {feature_code} is a {kind} feature</source>
        <translation>лимит частоты бывает только у функций с лимитом; {feature_code} — функция типа «{kind}»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="127"/>
        <source>only the last tier may be open-ended (tier {position} is)</source>
        <translation>без верхней границы может быть только последняя ступень (а её нет у ступени {position})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="128"/>
        <source>operator {username!r} already exists</source>
        <translation>оператор {username!r} уже есть</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="129"/>
        <source>operator {username!r} is already active</source>
        <translation>оператор {username!r} уже активен</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="130"/>
        <source>operator {username!r} is already disabled</source>
        <translation>оператор {username!r} уже отключён</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="131"/>
        <source>package pricing needs a package size of at least 1 unit</source>
        <translation>пакетной тарификации нужен размер пакета не меньше 1 единицы</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="132"/>
        <source>password contains characters that are not valid text</source>
        <translation>в пароле есть символы, которые не являются допустимым текстом</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="133"/>
        <source>password is too long</source>
        <translation>пароль слишком длинный</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="134"/>
        <source>password must be at least 8 characters</source>
        <translation>пароль — не меньше 8 символов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="135"/>
        <source>pg_dump failed: {reason}</source>
        <translation>pg_dump завершился с ошибкой: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="136"/>
        <source>pg_dump is not installed here; install PostgreSQL&apos;s client programs to back up</source>
        <translation>pg_dump здесь не установлен; для резервного копирования установите клиентские программы PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="137"/>
        <source>plan code must be given</source>
        <translation>нужно указать код тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="138"/>
        <source>plan {new_plan_code} is retired</source>
        <translation>тариф {new_plan_code} выведен из продажи</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="139"/>
        <source>plan {plan_code} does not include {feature_code}</source>
        <translation>тариф {plan_code} не включает {feature_code}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="140"/>
        <source>plan {plan_code} is retired and takes no new subscriptions</source>
        <translation>тариф {plan_code} выведен из продажи и не принимает новых подписок</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="141"/>
        <source>plans in different currencies cannot be swapped; cancel and subscribe</source>
        <translation>тарифы в разных валютах нельзя поменять местами; отмените подписку и оформите новую</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="142"/>
        <source>prices were given but pricing is &apos;none&apos;; pick a pricing model</source>
        <translation>цены указаны, но тарификация — «none»; выберите модель тарификации</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="143"/>
        <source>pricing must be one of {models}, not {pricing!r}</source>
        <translation>тарификация — одна из: {models}, а не {pricing!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="144"/>
        <source>quota of {quota} used up this period ({used:,} used, {quantity:,} more asked)</source>
        <translation>квота {quota} в этом периоде исчерпана (использовано {used:,}, запрошено ещё {quantity:,})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="145"/>
        <source>rate limit of {limit} per {window} reached ({in_window:,} used)</source>
        <translation>достигнут лимит {limit} за {window} (использовано {in_window:,})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="146"/>
        <source>record_failure needs the exception that was raised</source>
        <translation>record_failure нужно возникшее исключение</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="147"/>
        <source>refund #{item_subject_id} no longer exists</source>
        <translation>возврата #{item_subject_id} больше нет</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="148"/>
        <source>refund #{row_id} had gone through at the gateway; the item was resolved</source>
        <translation>возврат #{row_id} уже прошёл через шлюз; ошибка закрыта</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="149"/>
        <source>restore a PostgreSQL dump with pg_restore --clean --dbname=… FILE</source>
        <translation>дамп PostgreSQL восстанавливается командой pg_restore --clean --dbname=… ФАЙЛ</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="150"/>
        <source>role must be one of {roles}</source>
        <translation>роль — одна из: {roles}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="151"/>
        <source>select at least one error item</source>
        <translation>выберите хотя бы одну ошибку</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="152"/>
        <source>sending failed unexpectedly ({detail})</source>
        <translation>отправка неожиданно не удалась ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="153"/>
        <source>set the mail server&apos;s host and the From address first, and save them</source>
        <translation>сначала укажите почтовый сервер и адрес отправителя и сохраните их</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="154"/>
        <source>status must be active or disabled</source>
        <translation>состояние — «active» или «disabled»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="155"/>
        <source>status must be among {statuses}</source>
        <translation>состояние — одно из: {statuses}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="156"/>
        <source>subscription #{sub_id}: {why}</source>
        <translation>подписка #{sub_id}: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="157"/>
        <source>that email belongs to another customer</source>
        <translation>этот адрес принадлежит другому клиенту</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="158"/>
        <source>that idempotency key was already used for different usage</source>
        <translation>этот ключ идемпотентности уже использован для другого использования</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="159"/>
        <source>that would put the wallet over its maximum balance</source>
        <translation>так баланс кошелька превысил бы максимум</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="160"/>
        <source>the amount at risk is a whole, non-negative number of minor units</source>
        <translation>сумма под угрозой — целое неотрицательное число младших единиц</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="161"/>
        <source>the backup failed its check ({problem}); the database itself may be damaged: run check</source>
        <translation>резервная копия не прошла проверку ({problem}); возможно, повреждена сама база: запустите check</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="162"/>
        <source>the card was declined</source>
        <translation>карта отклонена</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="163"/>
        <source>the card was declined ({reason})</source>
        <translation>карта отклонена ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="164"/>
        <source>the circuit breaker needs a failure threshold of at least 1</source>
        <translation>предохранителю нужен порог сбоев не меньше 1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="165"/>
        <source>the circuit breaker&apos;s reset delay cannot be negative</source>
        <translation>задержка сброса предохранителя не может быть отрицательной</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="166"/>
        <source>the context of a failure is a mapping</source>
        <translation>контекст сбоя — словарь</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="167"/>
        <source>the current password is wrong</source>
        <translation>текущий пароль неверен</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="168"/>
        <source>the customer already has an open subscription to {new_plan_code}</source>
        <translation>у клиента уже есть открытая подписка на {new_plan_code}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="169"/>
        <source>the database cannot be written (its file or its disk is read-only), so nothing more was saved; make it writable again and the work is done at the next run</source>
        <translation>базу данных нельзя записать (её файл или диск доступен только для чтения), поэтому больше ничего не сохранено; сделайте их снова доступными для записи, и работа будет выполнена при следующем запуске</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="170"/>
        <source>the database is open in another program (process {pids}): close the desktop and stop the workers, then restore</source>
        <translation>база данных открыта в другой программе (процесс {pids}): закройте приложение и остановите фоновые обработчики, затем восстанавливайте</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="171"/>
        <source>the disk holding the database is full, so nothing more was saved; free space on it and the work is done at the next run</source>
        <translation>диск с базой данных заполнен, поэтому больше ничего не сохранено; освободите на нём место, и работа будет выполнена при следующем запуске</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="172"/>
        <source>the folder {path} does not exist</source>
        <translation>папки {path} не существует</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="173"/>
        <source>the gateway had taken the charge for top-up #{row_id}: the wallet was credited and the item resolved</source>
        <translation>шлюз уже провёл списание по пополнению #{row_id}: кошелёк пополнен, ошибка закрыта</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="174"/>
        <source>the gateway key must be text</source>
        <translation>ключ шлюза должен быть текстом</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="175"/>
        <source>the gateway takes a positive whole number of minor units</source>
        <translation>шлюз принимает положительное целое число младших единиц</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="176"/>
        <source>the last tier must be open-ended (up_to null) so every unit has a price</source>
        <translation>у последней ступени не должно быть верхней границы (up_to null), чтобы у каждой единицы была цена</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="177"/>
        <source>the limit is a whole number from 1 to 100000</source>
        <translation>лимит — целое число от 1 до 100000</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="178"/>
        <source>the limit is a whole, non-negative number of items</source>
        <translation>лимит — целое неотрицательное число записей</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="179"/>
        <source>the mail server {where} could not take the message now ({reply})</source>
        <translation>почтовый сервер {where} сейчас не может принять письмо ({reply})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="180"/>
        <source>the mail server {where} could not take the recipient now ({reply})</source>
        <translation>почтовый сервер {where} сейчас не может принять получателя ({reply})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="181"/>
        <source>the mail server {where} did not answer in time</source>
        <translation>почтовый сервер {where} не ответил вовремя</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="182"/>
        <source>the mail server {where} does not offer what the settings ask for ({detail})</source>
        <translation>почтовый сервер {where} не поддерживает то, что указано в настройках ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="183"/>
        <source>the mail server {where} failed: {detail}</source>
        <translation>ошибка почтового сервера {where}: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="184"/>
        <source>the mail server {where} refused the connection</source>
        <translation>почтовый сервер {where} отклонил подключение</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="185"/>
        <source>the mail server {where} refused the message ({reply})</source>
        <translation>почтовый сервер {where} отклонил письмо ({reply})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="186"/>
        <source>the mail server {where} refused the recipient ({reply})</source>
        <translation>почтовый сервер {where} отклонил получателя ({reply})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="187"/>
        <source>the mail server {where} refused the user name or password ({reply})</source>
        <translation>почтовый сервер {where} не принял имя пользователя или пароль ({reply})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="188"/>
        <source>the message could not be written ({detail}); nothing was sent</source>
        <translation>не удалось составить письмо ({detail}); ничего не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="189"/>
        <source>the new password is the same as the current one</source>
        <translation>новый пароль совпадает с текущим</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="190"/>
        <source>the paid period has ended; subscribe again instead</source>
        <translation>оплаченный период закончился; оформите подписку заново</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="191"/>
        <source>the password must not be the user name</source>
        <translation>пароль не должен совпадать с именем пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="192"/>
        <source>the payment gateway answered with a server error; nothing was charged</source>
        <translation>платёжный шлюз ответил ошибкой сервера; ничего не списано</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="193"/>
        <source>the payment gateway answered with a server error; nothing was refunded</source>
        <translation>платёжный шлюз ответил ошибкой сервера; ничего не возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="194"/>
        <source>the payment gateway did not answer in time; the charge may have gone through (check key {idempotency_key!r} before retrying)</source>
        <translation>платёжный шлюз не ответил вовремя; списание могло пройти (проверьте ключ {idempotency_key!r}, прежде чем повторять)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="195"/>
        <source>the payment gateway did not answer in time; the refund may have gone through (check key {idempotency_key!r} before retrying)</source>
        <translation>платёжный шлюз не ответил вовремя; возврат мог пройти (проверьте ключ {idempotency_key!r}, прежде чем повторять)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="196"/>
        <source>the payment gateway is down (outage); nothing was sent</source>
        <translation>платёжный шлюз недоступен (сбой); ничего не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="197"/>
        <source>the payment gateway is unreachable; calls resume at {until}</source>
        <translation>платёжный шлюз недоступен; вызовы возобновятся в {until}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="198"/>
        <source>the payment gateway knows no card {token!r}; nothing was charged</source>
        <translation>платёжный шлюз не знает карту {token!r}; ничего не списано</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="199"/>
        <source>the payment gateway knows no card {token!r}; test cards: {known}</source>
        <translation>платёжный шлюз не знает карту {token!r}; тестовые карты: {known}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="200"/>
        <source>the payment gateway knows no charge {charge_id!r}</source>
        <translation>платёжный шлюз не знает списания {charge_id!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="201"/>
        <source>the payment gateway rejected the API key; an admin sets a test key ({prefix}…) in Settings</source>
        <translation>платёжный шлюз отверг ключ API; администратор задаёт тестовый ключ ({prefix}…) в настройках</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="202"/>
        <source>the scheduler is already paused</source>
        <translation>планировщик уже приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="203"/>
        <source>the scheduler is not paused</source>
        <translation>планировщик не приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="204"/>
        <source>the search text must be text</source>
        <translation>текст поиска должен быть текстом</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="205"/>
        <source>the secret {name!r} needs a non-empty text value</source>
        <translation>секрету {name!r} нужно непустое текстовое значение</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="206"/>
        <source>the secure connection to the mail server {where} failed ({detail})</source>
        <translation>не удалось установить защищённое соединение с почтовым сервером {where} ({detail})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="207"/>
        <source>the simulated gateway accepts only test keys, which start with {prefix}</source>
        <translation>имитатор шлюза принимает только тестовые ключи, они начинаются с {prefix}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="208"/>
        <source>the subject id is a whole number</source>
        <translation>номер объекта — целое число</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="209"/>
        <source>the subscription is already on {new_plan_code}</source>
        <translation>подписка уже на тарифе {new_plan_code}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="210"/>
        <source>the {job} job is already running ({holder}); try again later</source>
        <translation>задание «{job}» уже выполняется ({holder}); попробуйте позже</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="211"/>
        <source>the {what} contains characters that are not valid text</source>
        <translation>{what}: есть символы, которые не являются допустимым текстом</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="212"/>
        <source>the {what} is 1–32 characters of text</source>
        <translation>{what}: текст длиной 1–32 символа</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="213"/>
        <source>the {what} is longer than {max_length} characters</source>
        <translation>{what}: длиннее {max_length} символов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="214"/>
        <source>the {what} must be a whole number, not {type}</source>
        <translation>{what}: нужно целое число, а не {type}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="215"/>
        <source>the {what} must be text</source>
        <translation>{what}: нужен текст</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="216"/>
        <source>there is no {what} {value}</source>
        <translation>{what} {value} не существует</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="217"/>
        <source>this account no longer exists or was disabled</source>
        <translation>этой учётной записи больше нет или она отключена</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="218"/>
        <source>this computer&apos;s remembered sign-in expired; type your password to sign in</source>
        <translation>срок запомненного входа на этом компьютере истёк; введите пароль, чтобы войти</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="219"/>
        <source>this computer&apos;s remembered sign-in is no longer valid; type your password</source>
        <translation>запомненный вход на этом компьютере больше не действует; введите пароль</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="220"/>
        <source>this database already holds data; the demo fills only an empty one</source>
        <translation>в этой базе уже есть данные; демо заполняет только пустую</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="221"/>
        <source>this password is one of the most common ones; choose another</source>
        <translation>этот пароль — один из самых распространённых; выберите другой</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="222"/>
        <source>tier limits must strictly increase (tier {position}: {up_to} after {previous})</source>
        <translation>границы ступеней должны строго расти (ступень {position}: {up_to} после {previous})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="223"/>
        <source>tier {position} must be a pair [up_to, unit price]</source>
        <translation>ступень {position} — пара [up_to, цена единицы]</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="224"/>
        <source>tier {position}: the unit price must be a whole number of minor units</source>
        <translation>ступень {position}: цена единицы — целое число младших единиц</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="225"/>
        <source>tier {position}: up_to must be a whole number or null (no limit)</source>
        <translation>ступень {position}: up_to — целое число или null (без границы)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="226"/>
        <source>tiered and volume pricing need at least one tier</source>
        <translation>ступенчатой и объёмной тарификации нужна хотя бы одна ступень</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="227"/>
        <source>tiers apply only to tiered or volume pricing</source>
        <translation>ступени действуют только при ступенчатой или объёмной тарификации</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="228"/>
        <source>tiers must be a JSON list like [[1000, 5], [null, 3]]</source>
        <translation>ступени — список JSON вида [[1000, 5], [null, 3]]</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="229"/>
        <source>tiers must be a list of [up_to, unit price] pairs</source>
        <translation>ступени — список пар [up_to, цена единицы]</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="230"/>
        <source>too many failed sign-ins from this computer; wait {seconds} s and try again</source>
        <translation>слишком много неудачных входов с этого компьютера; подождите {seconds} с и попробуйте снова</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="231"/>
        <source>too many failed sign-ins; this account is locked for a while</source>
        <translation>слишком много неудачных попыток входа; учётная запись временно заблокирована</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="232"/>
        <source>top-up #{item_subject_id} no longer exists</source>
        <translation>пополнения #{item_subject_id} больше нет</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="233"/>
        <source>top-up #{topup_id} is {topup_status}; only a paid top-up can be refunded</source>
        <translation>пополнение #{topup_id} в состоянии «{topup_status}»; вернуть можно только оплаченное пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="234"/>
        <source>unit must be 1–32 characters, like &apos;api call&apos; or &apos;GB&apos;</source>
        <translation>единица — 1–32 символа, например «api call» или «GB»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="235"/>
        <source>unknown currency {code!r}; known: {known}</source>
        <translation>неизвестная валюта {code!r}; известны: {known}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="236"/>
        <source>unknown kind of notice {kind!r}; known: {known}</source>
        <translation>неизвестный вид уведомления {kind!r}; известны: {known}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="237"/>
        <source>unknown language {code!r}; known: {known}</source>
        <translation>неизвестный язык {code!r}; известны: {known}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="238"/>
        <source>unknown operator or wrong password</source>
        <translation>неизвестный оператор или неверный пароль</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="239"/>
        <source>unknown retry strategy {strategy!r}; use one of {strategies}</source>
        <translation>неизвестная стратегия повторов {strategy!r}; возможны: {strategies}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="240"/>
        <source>unknown setting {name!r}</source>
        <translation>неизвестная настройка {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="241"/>
        <source>username: 2–64 letters, digits, dot, dash or underscore</source>
        <translation>имя пользователя: 2–64 буквы, цифры, точка, дефис или подчёркивание</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="242"/>
        <source>wallet #{wallet_id} can take at most {room} more; the card was not charged</source>
        <translation>в кошелёк #{wallet_id} можно зачислить не больше {room}; с карты ничего не списано</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="243"/>
        <source>wallet #{wallet_id} holds {balance}; {needed} is needed</source>
        <translation>в кошельке #{wallet_id} {balance}; нужно {needed}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="244"/>
        <source>you cannot disable your own account; ask another administrator</source>
        <translation>нельзя отключить собственную учётную запись; попросите другого администратора</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="245"/>
        <source>you cannot {verb} your own administrator account; ask another administrator</source>
        <translation>нельзя {verb} собственную учётную запись администратора; попросите другого администратора</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="246"/>
        <source>your account changed since this computer remembered you; type your password</source>
        <translation>ваша учётная запись изменилась с тех пор, как этот компьютер вас запомнил; введите пароль</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="247"/>
        <source>your account changed; sign in again</source>
        <translation>ваша учётная запись изменилась; войдите снова</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="248"/>
        <source>your account was disabled; sign in again</source>
        <translation>ваша учётная запись отключена; войдите снова</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="249"/>
        <source>your role or password changed; sign in again</source>
        <translation>ваша роль или пароль изменились; войдите снова</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="250"/>
        <source>{address!r} is not an address mail can be sent to</source>
        <translation>на адрес {address!r} нельзя отправить письмо</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="251"/>
        <source>{address!r} is not an email address to send the test to</source>
        <translation>{address!r} — не адрес эл. почты для тестового письма</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="252"/>
        <source>{currency!r} is not a three-letter currency code</source>
        <translation>{currency!r} — не трёхбуквенный код валюты</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="253"/>
        <source>{currency} amounts have at most {exponent} decimal places</source>
        <translation>у сумм в {currency} не больше {exponent} знаков после запятой</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="254"/>
        <source>{currency} has no minor unit; write a whole number</source>
        <translation>у {currency} нет младших единиц; напишите целое число</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="255"/>
        <source>{customer_email} already has a {status} subscription to {plan_code}</source>
        <translation>у {customer_email} уже есть подписка на {plan_code} в состоянии «{status}»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="256"/>
        <source>{customer_email} already has an open subscription to {plan_code}</source>
        <translation>у {customer_email} уже есть открытая подписка на {plan_code}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="257"/>
        <source>{customer_email} has no subscription to {plan_code}</source>
        <translation>у {customer_email} нет подписки на {plan_code}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="258"/>
        <source>{email!r} is not a valid email address</source>
        <translation>{email!r} — недопустимый адрес эл. почты</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="259"/>
        <source>{email} already has the card {last4} saved</source>
        <translation>у клиента {email} карта {last4} уже сохранена</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="260"/>
        <source>{email} has no automatic top-up turned on</source>
        <translation>у клиента {email} нет включённого автопополнения</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="261"/>
        <source>{feature_code} is a quota feature; give its quota per period</source>
        <translation>{feature_code} — функция с квотой; укажите квоту на период</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="262"/>
        <source>{feature_code} is a rate feature; give a rate limit and a window in seconds</source>
        <translation>{feature_code} — функция с лимитом частоты; укажите лимит и окно в секундах</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="263"/>
        <source>{feature_code} is an on/off feature; it has no usage to record</source>
        <translation>{feature_code} — функция «вкл/выкл»; записывать у неё нечего</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="264"/>
        <source>{feature_code} is an on/off feature; it takes no usage pricing</source>
        <translation>{feature_code} — функция «вкл/выкл»; оплаты за использование у неё нет</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="265"/>
        <source>{feature_code} is turned off on plan {plan_code}</source>
        <translation>{feature_code} выключена в тарифе {plan_code}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="266"/>
        <source>{length} characters is more than {limit}</source>
        <translation>{length} символов — больше, чем {limit}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="267"/>
        <source>{name} must be a whole number of at least 1</source>
        <translation>{name}: нужно целое число не меньше 1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="268"/>
        <source>{number} is outside {low}–{high}</source>
        <translation>{number} вне диапазона {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="269"/>
        <source>{operator} ({role}) may not {action}</source>
        <translation>{operator} ({role}) не может: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="270"/>
        <source>{path} already exists; name a new file for the backup</source>
        <translation>{path} уже существует; укажите для резервной копии новый файл</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="271"/>
        <source>{path} is not a backup of this program&apos;s database</source>
        <translation>{path} — не резервная копия базы этой программы</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="272"/>
        <source>{path} is not a file</source>
        <translation>{path} — не файл</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="273"/>
        <source>{path} is not a sound database ({problem})</source>
        <translation>{path} — повреждённая или не та база данных ({problem})</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="274"/>
        <source>{path} was made by a newer version of the program (schema {version}); update the program first</source>
        <translation>{path} создан более новой версией программы (схема {version}); сначала обновите программу</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="275"/>
        <source>{text!r} is neither a credit note number (CN-YYYY-NNNNNN) nor an id</source>
        <translation>{text!r} — ни номер кредит-ноты (CN-YYYY-NNNNNN), ни идентификатор</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="276"/>
        <source>{text!r} is neither an invoice nor a credit note</source>
        <translation>{text!r} — ни счёт, ни кредит-нота</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="277"/>
        <source>{text!r} is neither an invoice number (INV-YYYY-NNNNNN) nor an id</source>
        <translation>{text!r} — ни номер счёта (INV-YYYY-NNNNNN), ни идентификатор</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="278"/>
        <source>{text!r} is not a list of currencies and amounts, like {example}</source>
        <translation>{text!r} — не список валют и сумм, например {example}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="279"/>
        <source>{text!r} is not a time of day like 02:00</source>
        <translation>{text!r} — не время суток вида 02:00</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="280"/>
        <source>{text!r} is not an ISO date or date-time (2026-01-31T09:00)</source>
        <translation>{text!r} — не дата и не дата со временем в ISO (2026-01-31T09:00)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="281"/>
        <source>{text!r} is not an amount; write it like 12.50</source>
        <translation>{text!r} — не сумма; пишите, например, 12.50</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="282"/>
        <source>{username} is the last active administrator; make someone else an administrator first</source>
        <translation>{username} — последний активный администратор; сначала назначьте администратором кого-то ещё</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="283"/>
        <source>{value!r:.40} is not an error item id</source>
        <translation>{value!r:.40} — не номер ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="284"/>
        <source>{value!r} is not a rate between 0 and 1</source>
        <translation>{value!r} — не доля от 0 до 1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="285"/>
        <source>{value!r} is not a whole number</source>
        <translation>{value!r} — не целое число</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="286"/>
        <source>{value!r} is not on/off</source>
        <translation>{value!r} — не on/off</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="287"/>
        <source>{value!r} is not one of {choices}</source>
        <translation>{value!r} — не одно из значений: {choices}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="288"/>
        <source>{what} is required</source>
        <translation>нужно указать: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="289"/>
        <source>{what} is too large</source>
        <translation>{what}: слишком большое значение</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="290"/>
        <source>{what} must be 2–64 lowercase letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>{what}: 2–64 строчные буквы, цифры, «-» или «_»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="291"/>
        <source>{what} must be a whole number</source>
        <translation>{what}: нужно целое число</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="292"/>
        <source>{what} must be a whole number of minor units</source>
        <translation>{what}: нужно целое число младших единиц</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="293"/>
        <source>{what} must be on or off</source>
        <translation>{what}: нужно «вкл» или «выкл»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="294"/>
        <source>{what} must be true or false</source>
        <translation>{what}: нужно «да» или «нет»</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="295"/>
        <source>{what} must lie between {low:,} and {high:,}</source>
        <translation>{what}: значение от {low:,} до {high:,}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="296"/>
        <source>{what} must lie between {low} and {high:,}</source>
        <translation>{what}: значение от {low} до {high:,}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="297"/>
        <source>{what} must not be negative</source>
        <translation>{what}: значение не может быть отрицательным</translation>
    </message>
</context>
<context>
    <name>DomainTerms</name>
    <message>
        <location filename="../../ui/domain_messages.py" line="301"/>
        <source>(a huge number)</source>
        <translation>(огромное число)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="302"/>
        <source>access in grace</source>
        <translation>доступ в льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="303"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="304"/>
        <source>active subscription</source>
        <translation>подписка активна</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="305"/>
        <source>another run</source>
        <translation>другой запуск</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="306"/>
        <source>batch_size</source>
        <translation>размер пакета</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="307"/>
        <source>canceled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="308"/>
        <source>canceled and the paid period has ended</source>
        <translation>отменена, оплаченный период закончился</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="309"/>
        <source>canceled, paid until the period ends</source>
        <translation>отменена, оплачена до конца периода</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="310"/>
        <source>card</source>
        <translation>карта</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="311"/>
        <source>card declined</source>
        <translation>карта отклонена</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="312"/>
        <source>charge</source>
        <translation>списание</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="313"/>
        <source>credit note</source>
        <translation>кредит-нота</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="314"/>
        <source>customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="315"/>
        <source>demote</source>
        <translation>понизить</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="316"/>
        <source>disable</source>
        <translation>отключить</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="317"/>
        <source>do not honor</source>
        <translation>банк отказал</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="318"/>
        <source>enabled</source>
        <translation>включена</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="319"/>
        <source>escalated</source>
        <translation>передана на ручной разбор</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="320"/>
        <source>expired card</source>
        <translation>срок карты истёк</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="321"/>
        <source>feature code</source>
        <translation>код функции</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="322"/>
        <source>grace days</source>
        <translation>льготные дни</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="323"/>
        <source>included units</source>
        <translation>включённые единицы</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="324"/>
        <source>insufficient funds</source>
        <translation>недостаточно средств</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="325"/>
        <source>interval count</source>
        <translation>число интервалов</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="326"/>
        <source>invoice</source>
        <translation>счёт</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="327"/>
        <source>lease_seconds</source>
        <translation>срок аренды (секунды)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="328"/>
        <source>no subscription</source>
        <translation>без подписки</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="329"/>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="330"/>
        <source>notice</source>
        <translation>уведомление</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="331"/>
        <source>notification</source>
        <translation>уведомление</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="332"/>
        <source>operation</source>
        <translation>операция</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="333"/>
        <source>package price</source>
        <translation>цена пакета</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="334"/>
        <source>package size</source>
        <translation>размер пакета</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="335"/>
        <source>plan</source>
        <translation>тариф</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="336"/>
        <source>plan code</source>
        <translation>код тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="337"/>
        <source>quantity</source>
        <translation>количество</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="338"/>
        <source>quota</source>
        <translation>квота</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="339"/>
        <source>rate limit</source>
        <translation>лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="340"/>
        <source>rate window (seconds)</source>
        <translation>окно лимита (секунды)</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="341"/>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="342"/>
        <source>renewal pending: the wallet could not pay</source>
        <translation>ждёт продления: в кошельке не хватило средств</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="343"/>
        <source>renewal pending; the plan allows access during grace</source>
        <translation>ждёт продления; тариф оставляет доступ на льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="344"/>
        <source>resolved</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="345"/>
        <source>retried</source>
        <translation>повторена</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="346"/>
        <source>subject type</source>
        <translation>тип объекта</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="347"/>
        <source>subscription</source>
        <translation>подписка</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="348"/>
        <source>subscription expired</source>
        <translation>подписка истекла</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="349"/>
        <source>subscription id</source>
        <translation>номер подписки</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="350"/>
        <source>the amount to round up to</source>
        <translation>сумма, до которой округлять</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="351"/>
        <source>the amount to top up</source>
        <translation>сумма пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="352"/>
        <source>the balance threshold</source>
        <translation>порог баланса</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="353"/>
        <source>top-up</source>
        <translation>пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="354"/>
        <source>unit price</source>
        <translation>цена единицы</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="355"/>
        <source>wallet</source>
        <translation>кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="356"/>
        <source>workers</source>
        <translation>исполнители</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="183"/>
        <source> or </source>
        <translation> или </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="49"/>
        <source>The database cannot be written: its file or the disk that holds it is read-only. Renewals, retries and every change wait. Make it writable again; this clears by itself once a write succeeds.</source>
        <translation>Базу данных нельзя записать: её файл или диск доступен только для чтения. Продления, повторы и все изменения ждут. Сделайте их снова доступными для записи; сообщение исчезнет само, как только запись удастся.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="54"/>
        <source>The disk holding the database is full. Renewals, retries and every change wait, and nothing is lost. Free space on that disk; this clears by itself once a write succeeds.</source>
        <translation>Диск с базой данных заполнен. Продления, повторы и все изменения ждут, ничего не потеряно. Освободите место на этом диске; сообщение исчезнет само, как только запись удастся.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="64"/>
        <source>The database is busy: another desk or a background worker kept it locked for too long, so this was not done. Wait a moment and try again.</source>
        <translation>База данных занята: другое рабочее место или фоновый процесс слишком долго держали её заблокированной, поэтому действие не выполнено. Подождите немного и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70"/>
        <source>The disk is full, so this could not be saved. Free some space on the disk that holds the database (or the file you were saving), then try again.</source>
        <translation>Диск заполнен, поэтому сохранить не удалось. Освободите место на диске, где находится база данных (или файл, который вы сохраняли), и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="76"/>
        <source>The database cannot be written: its file or the disk that holds it is read-only, so this was not saved. Make it writable again, then try again.</source>
        <translation>Базу данных нельзя записать: её файл или диск доступен только для чтения, поэтому это не сохранено. Сделайте их снова доступными для записи и повторите.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="82"/>
        <source>The database file is damaged, so nothing more is written to it. Close the app and restore the latest backup (the restore command), or ask whoever looks after the database.</source>
        <translation>Файл базы данных повреждён, поэтому в него больше ничего не записывается. Закройте приложение и восстановите последнюю резервную копию (команда restore) или обратитесь к тому, кто отвечает за базу данных.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="88"/>
        <source>The database refused this change, so nothing was written: this desk&apos;s database login can only read, or may not change this (the catalogue, the settings and the operator accounts need an administrator&apos;s login). Ask whoever looks after the database for a login that may make it.</source>
        <translation>База данных отказала в этом изменении, поэтому ничего не записано: учётная запись базы данных на этом рабочем месте может только читать или не может менять это (каталог, настройки и учётные записи операторов требуют учётной записи администратора). Попросите того, кто отвечает за базу данных, выдать учётную запись, которой это разрешено.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="95"/>
        <source>The database needs an upgrade that only the owner of its tables can make. Ask whoever looks after the database to run the migrate command with the owner&apos;s login, then start again.</source>
        <translation>Базе данных нужно обновление, которое может выполнить только владелец её таблиц. Попросите того, кто отвечает за базу данных, выполнить команду migrate под учётной записью владельца, затем запустите программу снова.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="100"/>
        <source>The connection to the PostgreSQL database server was lost, so this may not have been done. Check that the server is running and reachable, then refresh and try again.</source>
        <translation>Соединение с сервером базы данных PostgreSQL потеряно, поэтому действие могло не выполниться. Проверьте, что сервер работает и доступен, затем обновите данные и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="301"/>
        <source>Something unexpected went wrong. The details were written to the log.</source>
        <translation>Произошла непредвиденная ошибка. Подробности записаны в журнал.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="310"/>
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="322"/>
        <source>Subscriptions Admin cannot start</source>
        <translation>Subscriptions Admin не может запуститься</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="335"/>
        <source>The database file is damaged</source>
        <translation>Файл базы данных повреждён</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="340"/>
        <source>The scheduler was not started. You can still look around; every change is refused.</source>
        <translation>Планировщик не запущен. Смотреть данные можно, но любое изменение будет отклонено.</translation>
    </message>
</context>
<context>
    <name>ErrorItemText</name>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="26"/>
        <location filename="../../ui/pages/error_item_text.py" line="73"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="27"/>
        <source>Refund to a card</source>
        <translation>Возврат на карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="28"/>
        <source>Renewal</source>
        <translation>Продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="29"/>
        <source>Payment to review</source>
        <translation>Платёж на проверку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="30"/>
        <source>Customer notice</source>
        <translation>Письмо клиенту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="31"/>
        <source>Email to a customer</source>
        <translation>Письмо клиенту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="34"/>
        <source>Passing fault (the gateway or database was busy or down)</source>
        <translation>Временный сбой (шлюз или база данных были заняты или недоступны)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="35"/>
        <source>Outcome unknown (no clear answer came back)</source>
        <translation>Исход неизвестен (ясного ответа не пришло)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="36"/>
        <source>Urgent (money owed to a card)</source>
        <translation>Срочно (деньги причитаются карте)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="37"/>
        <source>Predictable (a rate limit or maintenance)</source>
        <translation>Предсказуемый (ограничение частоты или обслуживание)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="38"/>
        <source>Needs a person (declined or inconsistent)</source>
        <translation>Нужен человек (отказ или несогласованные данные)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="41"/>
        <source>Retry later, waiting longer each time</source>
        <translation>Повторить позже, каждый раз выжидая дольше</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="42"/>
        <source>Ask the gateway what happened, then retry with the same key</source>
        <translation>Спросить шлюз, что произошло, затем повторить с тем же ключом</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="43"/>
        <source>Retry at once, then at a fixed interval</source>
        <translation>Повторить сразу, затем через равные промежутки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="44"/>
        <source>Retry at a fixed interval</source>
        <translation>Повторять через равные промежутки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="45"/>
        <source>Wait for an operator</source>
        <translation>Ждать оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="48"/>
        <source>Retrying</source>
        <translation>Повторяется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="49"/>
        <source>Waiting for an operator</source>
        <translation>Ждёт оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="50"/>
        <source>Resolved</source>
        <translation>Решена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="51"/>
        <source>Canceled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="54"/>
        <source>Succeeded</source>
        <translation>Успешно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="55"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="56"/>
        <source>Deferred</source>
        <translation>Отложена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="57"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="58"/>
        <source>Taken over</source>
        <translation>Перехвачена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="61"/>
        <source>Top-up #%1</source>
        <translation>Пополнение #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="62"/>
        <source>Refund #%1</source>
        <translation>Возврат #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="63"/>
        <source>Subscription #%1</source>
        <translation>Подписка #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="64"/>
        <source>Wallet #%1</source>
        <translation>Кошелёк #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="65"/>
        <source>Customer #%1</source>
        <translation>Клиент #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="66"/>
        <source>Charge #%1</source>
        <translation>Списание #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="67"/>
        <location filename="../../ui/pages/error_item_text.py" line="68"/>
        <source>Notice #%1</source>
        <translation>Письмо #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="72"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="74"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="75"/>
        <source>Subscription</source>
        <translation>Подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="76"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="77"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="78"/>
        <source>Gateway charge</source>
        <translation>Платёж в шлюзе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="79"/>
        <source>Gateway&apos;s answer</source>
        <translation>Ответ шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="80"/>
        <source>Payment key</source>
        <translation>Ключ платежа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="81"/>
        <source>Sent to</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="82"/>
        <source>Kind of notice</source>
        <translation>Вид уведомления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="83"/>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="114"/>
        <location filename="../../ui/pages/error_item_text.py" line="236"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="125"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="127"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="163"/>
        <source>held by %1 until %2</source>
        <translation>занята: %1 до %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="168"/>
        <source>free</source>
        <translation>свободна</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="170"/>
        <source>Subject</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="171"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="173"/>
        <source>Kind of failure</source>
        <translation>Вид сбоя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="176"/>
        <source>What happens next</source>
        <translation>Что будет дальше</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="178"/>
        <location filename="../../ui/pages/error_item_text.py" line="209"/>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="179"/>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="183"/>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="184"/>
        <source>Lease</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="185"/>
        <source>Amount at risk</source>
        <translation>Сумма под риском</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="187"/>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="190"/>
        <source>Updated</source>
        <translation>Изменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="195"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="196"/>
        <source>%1 by %2</source>
        <translation>%1, закрыл %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="201"/>
        <source>Resolution</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="202"/>
        <source>%1 failed</source>
        <translation>%1 — сбой</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="203"/>
        <source>Error item #%1</source>
        <translation>Ошибка #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="213"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="214"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="215"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="216"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="233"/>
        <source>No attempts recorded.</source>
        <translation>Попыток не записано.</translation>
    </message>
</context>
<context>
    <name>ErrorItemsTableModel</name>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="137"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="139"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="143"/>
        <source>Subject</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="149"/>
        <source>Error class</source>
        <translation>Класс ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="153"/>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="154"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="157"/>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="164"/>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="168"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="169"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="172"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>ErrorQueuePage</name>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="47"/>
        <source>Message, #id or “topup #12”</source>
        <translation>Сообщение, #id или «topup #12»</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="34"/>
        <source>Error queue</source>
        <translation>Очередь ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="50"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="52"/>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="53"/>
        <source>Retrying</source>
        <translation>Повторяются</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="54"/>
        <source>Manual</source>
        <translation>Ручные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="55"/>
        <source>Resolved</source>
        <translation>Решённые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="56"/>
        <source>Canceled</source>
        <translation>Отменённые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="57"/>
        <location filename="../../ui/pages/error_queue.py" line="63"/>
        <location filename="../../ui/pages/error_queue.py" line="67"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="62"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="67"/>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="70"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="72"/>
        <source>Any</source>
        <translation>Любой</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="73"/>
        <source>Older than 1 h</source>
        <translation>Старше 1 ч</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="74"/>
        <source>Older than 1 day</source>
        <translation>Старше 1 дня</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="75"/>
        <source>Older than 7 days</source>
        <translation>Старше 7 дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="80"/>
        <location filename="../../ui/pages/error_queue.py" line="318"/>
        <location filename="../../ui/pages/error_queue.py" line="322"/>
        <source>Retry now</source>
        <translation>Повторить сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="81"/>
        <source>Cancel retry…</source>
        <translation>Отменить повтор…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="82"/>
        <source>Escalate to manual…</source>
        <translation>Передать на ручную обработку…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="83"/>
        <source>Change strategy…</source>
        <translation>Сменить стратегию…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="84"/>
        <source>Resolve with note…</source>
        <translation>Закрыть с примечанием…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="90"/>
        <source>Only open items can be retried.</source>
        <translation>Повторить можно только открытые элементы.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="91"/>
        <source>Run the selected items now, through the same lease as the retry pass</source>
        <translation>Выполнить выбранные элементы сейчас, с той же блокировкой, что и при плановом повторе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="96"/>
        <source>Only open items have a retry to cancel.</source>
        <translation>Отменить повтор можно только у открытых элементов.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="97"/>
        <source>Stop retrying; the items close as canceled</source>
        <translation>Прекратить повторы; элементы закрываются как отменённые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="102"/>
        <source>Only open items can be escalated.</source>
        <translation>Передать на ручную обработку можно только открытые элементы.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="103"/>
        <source>Stop automatic attempts and wait for an operator</source>
        <translation>Остановить автоматические попытки и ждать оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="108"/>
        <source>Only open items can change strategy.</source>
        <translation>Сменить стратегию можно только у открытых элементов.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="109"/>
        <source>Retry on another strategy from now on</source>
        <translation>Повторять по другой стратегии начиная с этого момента</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="114"/>
        <source>Only open or canceled items can be resolved.</source>
        <translation>Закрыть можно только открытые или отменённые элементы.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="115"/>
        <source>Close the items as settled by hand, with a note saying how</source>
        <translation>Закрыть элементы как урегулированные вручную, с примечанием о том, как именно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="224"/>
        <source>No open error item for %s #%d</source>
        <translation>Нет открытого элемента очереди ошибок для %s #%d</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="232"/>
        <source>Select one or more error items</source>
        <translation>Выберите один или несколько элементов очереди ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="239"/>
        <source>#%d is %s.</source>
        <translation>#%d: статус %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="246"/>
        <source>Select an error item to see its attempts.</source>
        <translation>Выберите элемент очереди ошибок, чтобы увидеть его попытки.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="256"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="257"/>
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>Выбран %n элемент</numerusform>
            <numerusform>Выбрано %n элемента</numerusform>
            <numerusform>Выбрано %n элементов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="271"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="272"/>
        <source>Items: %s</source>
        <translation>Элементы: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="319"/>
        <source>Retry %n item(s) now?</source>
        <translation>
            <numerusform>Повторить %n элемент сейчас?</numerusform>
            <numerusform>Повторить %n элемента сейчас?</numerusform>
            <numerusform>Повторить %n элементов сейчас?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="327"/>
        <source>Retrying %n item(s)…</source>
        <translation>
            <numerusform>Повтор %n элемента…</numerusform>
            <numerusform>Повтор %n элементов…</numerusform>
            <numerusform>Повтор %n элементов…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="338"/>
        <source>Retried %d of %d: %d resolved, %d still failing</source>
        <translation>Повторено %d из %d: решено %d, всё ещё с ошибкой %d</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="346"/>
        <source>%n not attempted: the payment gateway is still refusing calls</source>
        <translation>
            <numerusform>%n не опробован: платёжный шлюз всё ещё отклоняет вызовы</numerusform>
            <numerusform>%n не опробованы: платёжный шлюз всё ещё отклоняет вызовы</numerusform>
            <numerusform>%n не опробовано: платёжный шлюз всё ещё отклоняет вызовы</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="349"/>
        <source>(until %s UTC)</source>
        <translation>(до %s UTC)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="352"/>
        <source>%n with no recorded outcome: another runner took it, see its attempts</source>
        <translation>
            <numerusform>%n без записанного результата: его взял другой исполнитель, см. попытки</numerusform>
            <numerusform>%n без записанного результата: их взял другой исполнитель, см. попытки</numerusform>
            <numerusform>%n без записанного результата: их взял другой исполнитель, см. попытки</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="360"/>
        <source>Cancel scheduled retry</source>
        <translation>Отмена запланированного повтора</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="361"/>
        <source>Cancel the retries of %n item(s)? They close as canceled and are not tried again.</source>
        <translation>
            <numerusform>Отменить повторы для %n элемента? Он будет закрыт как отменённый и больше не повторится.</numerusform>
            <numerusform>Отменить повторы для %n элементов? Они будут закрыты как отменённые и больше не повторятся.</numerusform>
            <numerusform>Отменить повторы для %n элементов? Они будут закрыты как отменённые и больше не повторятся.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="363"/>
        <location filename="../../ui/pages/error_queue.py" line="383"/>
        <location filename="../../ui/pages/error_queue.py" line="420"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="364"/>
        <source>Cancel retries</source>
        <translation>Отменить повторы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="372"/>
        <source>Canceled %n item(s)</source>
        <translation>
            <numerusform>Отменён %n элемент</numerusform>
            <numerusform>Отменено %n элемента</numerusform>
            <numerusform>Отменено %n элементов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="380"/>
        <source>Escalate to manual</source>
        <translation>Передача на ручную обработку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="381"/>
        <source>Escalate %n item(s) to manual? Automatic attempts stop until an operator acts.</source>
        <translation>
            <numerusform>Передать %n элемент на ручную обработку? Автоматические попытки прекратятся до действий оператора.</numerusform>
            <numerusform>Передать %n элемента на ручную обработку? Автоматические попытки прекратятся до действий оператора.</numerusform>
            <numerusform>Передать %n элементов на ручную обработку? Автоматические попытки прекратятся до действий оператора.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="384"/>
        <source>Escalate</source>
        <translation>Передать</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="391"/>
        <source>Escalated %n item(s) to manual</source>
        <translation>
            <numerusform>На ручную обработку передан %n элемент</numerusform>
            <numerusform>На ручную обработку передано %n элемента</numerusform>
            <numerusform>На ручную обработку передано %n элементов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="403"/>
        <source>exponential, with jitter</source>
        <translation>экспоненциальная задержка со случайным разбросом</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="404"/>
        <source>ask the gateway by key, then retry with the same key</source>
        <translation>запросить шлюз по ключу, затем повторить с тем же ключом</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="405"/>
        <source>immediate attempts, then every 5 minutes</source>
        <translation>немедленные попытки, затем каждые 5 минут</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="406"/>
        <source>every 10 minutes</source>
        <translation>каждые 10 минут</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="407"/>
        <source>no automatic attempts</source>
        <translation>без автоматических попыток</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="417"/>
        <location filename="../../ui/pages/error_queue.py" line="422"/>
        <source>Change strategy</source>
        <translation>Смена стратегии</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="418"/>
        <source>Change the retry strategy of %n item(s)?</source>
        <translation>
            <numerusform>Сменить стратегию повтора для %n элемента?</numerusform>
            <numerusform>Сменить стратегию повтора для %n элементов?</numerusform>
            <numerusform>Сменить стратегию повтора для %n элементов?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="421"/>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="429"/>
        <source>%n item(s) now on %s</source>
        <translation>
            <numerusform>%n элемент теперь на стратегии %s</numerusform>
            <numerusform>%n элемента теперь на стратегии %s</numerusform>
            <numerusform>%n элементов теперь на стратегии %s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="436"/>
        <source>Resolve with note</source>
        <translation>Закрытие с примечанием</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="437"/>
        <source>Mark %n item(s) resolved? Say how they were settled.</source>
        <translation>
            <numerusform>Отметить %n элемент как решённый? Укажите, как он был урегулирован.</numerusform>
            <numerusform>Отметить %n элемента как решённые? Укажите, как они были урегулированы.</numerusform>
            <numerusform>Отметить %n элементов как решённые? Укажите, как они были урегулированы.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="439"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="440"/>
        <source>Resolve</source>
        <translation>Закрыть</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="446"/>
        <source>Resolved %n item(s)</source>
        <translation>
            <numerusform>Закрыт %n элемент</numerusform>
            <numerusform>Закрыто %n элемента</numerusform>
            <numerusform>Закрыто %n элементов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="43"/>
        <source>%d s</source>
        <translation>%d с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="45"/>
        <source>%d min</source>
        <translation>%d мин</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="47"/>
        <source>%d h %d min</source>
        <translation>%d ч %d мин</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="48"/>
        <source>%d d %d h</source>
        <translation>%d д %d ч</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../ui/pages/words.py" line="225"/>
        <source>top-up</source>
        <translation>пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="226"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="227"/>
        <source>renewal</source>
        <translation>продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="228"/>
        <source>subscription</source>
        <translation>подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="229"/>
        <source>payment review</source>
        <translation>проверка платежа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="230"/>
        <source>email to a customer</source>
        <translation>письмо клиенту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="238"/>
        <source>transient</source>
        <translation>временная</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="239"/>
        <source>outcome unknown</source>
        <translation>исход неизвестен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="240"/>
        <location filename="../../ui/pages/words.py" line="252"/>
        <source>urgent</source>
        <translation>срочная</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="241"/>
        <source>predictable</source>
        <translation>предсказуемая</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="242"/>
        <source>permanent</source>
        <translation>постоянная</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="250"/>
        <source>backoff</source>
        <translation>нарастающая пауза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="251"/>
        <source>reconcile</source>
        <translation>сверка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="253"/>
        <source>fixed interval</source>
        <translation>равный интервал</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="254"/>
        <location filename="../../ui/pages/words.py" line="264"/>
        <source>manual</source>
        <translation>вручную</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="263"/>
        <source>retrying</source>
        <translation>повторяется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="265"/>
        <source>resolved</source>
        <translation>закрыта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="266"/>
        <source>canceled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="590"/>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="591"/>
        <source>failed</source>
        <translation>неудача</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="592"/>
        <source>deferred</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="593"/>
        <source>settled elsewhere</source>
        <translation>завершено в другом месте</translation>
    </message>
</context>
<context>
    <name>FailedReportPanel</name>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="155"/>
        <source>By operation</source>
        <translation>По операциям</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="155"/>
        <source>By error class</source>
        <translation>По классам ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="155"/>
        <source>By status</source>
        <translation>По статусам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="163"/>
        <source>Renewals refused for lack of funds; a top-up renews them at once</source>
        <translation>Продления, отклонённые из-за нехватки средств; пополнение сразу их продлевает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="173"/>
        <source>Failed operations</source>
        <translation>Неудачные операции</translation>
    </message>
</context>
<context>
    <name>FailedReportTableModel</name>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="26"/>
        <location filename="../../ui/pages/error_queue_report.py" line="34"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="27"/>
        <source>Items</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="28"/>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="29"/>
        <source>Oldest open</source>
        <translation>Самый старый открытый</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="30"/>
        <source>At risk</source>
        <translation>Под риском</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="31"/>
        <source>Recovered</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="35"/>
        <source>Error class</source>
        <translation>Класс ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="36"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="63"/>
        <source>%d of %d (%d %%)</source>
        <translation>%d из %d (%d %%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="101"/>
        <source>Amounts still open, summed in minor units across currencies</source>
        <translation>Суммы ещё открытых элементов, сложенные в минимальных единицах по всем валютам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="103"/>
        <source>Items a retry resolved, out of all the items in this row, the open ones included</source>
        <translation>Элементы, решённые повтором, из всех элементов строки, включая открытые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="120"/>
        <source>Open %d · retrying %d · manual %d · resolved %d · canceled %d</source>
        <translation>Открыто: %d · повторяются: %d · вручную: %d · решено: %d · отменено: %d</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="134"/>
        <source>No subscription is waiting for funds</source>
        <translation>Нет подписок, ожидающих средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="139"/>
        <source>Subscriptions waiting for funds: %d · oldest %s · at risk %s</source>
        <translation>Подписки, ожидающие средств: %d · самая давняя: %s · под риском: %s</translation>
    </message>
</context>
<context>
    <name>FeatureTypes</name>
    <message>
        <location filename="../../ui/pages/words.py" line="485"/>
        <source>on/off</source>
        <translation>вкл/выкл</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="486"/>
        <source>quota</source>
        <translation>квота</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="487"/>
        <source>rate limit</source>
        <translation>лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="488"/>
        <source>usage</source>
        <translation>по использованию</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="521"/>
        <source>%1 %2 / period</source>
        <translation>%1 %2 / период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="527"/>
        <source>%1 %2 / %3</source>
        <translation>%1 %2 / %3</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="26"/>
        <source>en_US</source>
        <comment>the locale (language_COUNTRY) whose formats the desk uses</comment>
        <translation>ru_RU</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="100"/>
        <source>yyyy-MM-dd</source>
        <comment>a date in tables (Qt date format)</comment>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="109"/>
        <source>yyyy-MM-dd HH:mm</source>
        <comment>a date and time (Qt format)</comment>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="117"/>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <comment>a date and time to the second</comment>
        <translation>dd.MM.yyyy HH:mm:ss</translation>
    </message>
</context>
<context>
    <name>GatewaySimulationGroup</name>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="29"/>
        <source>The minimum latency is above the maximum.</source>
        <translation>Минимальная задержка больше максимальной.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="42"/>
        <source>Latency from (ms)</source>
        <translation>Задержка от (мс)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="43"/>
        <source>Latency up to (ms)</source>
        <translation>Задержка до (мс)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="44"/>
        <source>Server error rate</source>
        <translation>Доля ошибок сервера</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="44"/>
        <source>0–1, e.g. 0.05</source>
        <translation>0–1, например 0.05</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="45"/>
        <source>Timeout-after-success rate</source>
        <translation>Доля тайм-аутов после успеха</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="45"/>
        <source>0–1, e.g. 0.02</source>
        <translation>0–1, например 0.02</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="46"/>
        <source>Decline rate</source>
        <translation>Доля отказов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="46"/>
        <source>0–1, e.g. 0.1</source>
        <translation>0–1, например 0.1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="47"/>
        <source>Outage (every call fails)</source>
        <translation>Сбой (все вызовы завершаются ошибкой)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="48"/>
        <source>Random seed</source>
        <translation>Начальное значение генератора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="48"/>
        <source>empty: a new sequence each start</source>
        <translation>пусто — новая последовательность при каждом запуске</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="54"/>
        <source>Circuit breaker: …</source>
        <translation>Защита от сбоев: …</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="57"/>
        <source>Apply…</source>
        <translation>Применить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="60"/>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="82"/>
        <source>Circuit breaker OPEN since %1 after %2 failures in a row; </source>
        <translation>Защита от сбоев СРАБОТАЛА в %1 (сбоев подряд: %2); </translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="87"/>
        <source>calls are refused until %s.</source>
        <translation>вызовы отклоняются до %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="89"/>
        <source>the next call is let through as a probe.</source>
        <translation>следующий вызов будет пропущен как пробный.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="93"/>
        <source>Circuit breaker half open: one probe call is out.</source>
        <translation>Защита от сбоев в режиме проверки: выполняется один пробный вызов.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/scheduler_panels.py" line="95"/>
        <source>Circuit breaker closed: calls go through (%n failure(s) in a row).</source>
        <translation>
            <numerusform>Защита от сбоев не активна: вызовы проходят (%n сбой подряд).</numerusform>
            <numerusform>Защита от сбоев не активна: вызовы проходят (%n сбоя подряд).</numerusform>
            <numerusform>Защита от сбоев не активна: вызовы проходят (%n сбоев подряд).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="117"/>
        <source>Nothing to apply: no knob was changed</source>
        <translation>Нечего применять: ни один параметр не изменён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="37"/>
        <location filename="../../ui/pages/scheduler_panels.py" line="121"/>
        <source>Gateway simulation</source>
        <translation>Имитация платёжного шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="123"/>
        <source>Change how the simulated gateway behaves, at once, for every desk and worker sharing this database:</source>
        <translation>Сразу изменить поведение имитируемого шлюза для всех рабочих мест и фоновых процессов, использующих эту базу данных:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="128"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="137"/>
        <source>Gateway simulation changed (%s)</source>
        <translation>Параметры имитации шлюза изменены (%s)</translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message>
        <location filename="../../ui/search.py" line="19"/>
        <source>customer #%d</source>
        <translation>клиент №%d</translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="21"/>
        <source>Subscription #%d</source>
        <translation>Подписка №%d</translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="23"/>
        <source>Error item #%d</source>
        <translation>Ошибка №%d</translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="34"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="38"/>
        <source>Name, email or id…</source>
        <translation>Имя, эл. почта или ID…</translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="41"/>
        <source>Type at least two characters, or an id.</source>
        <translation>Введите не менее двух символов или ID.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search.py" line="78"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="78"/>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
</context>
<context>
    <name>Intervals</name>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="53"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="55"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n неделя</numerusform>
            <numerusform>%n недели</numerusform>
            <numerusform>%n недель</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="57"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n месяц</numerusform>
            <numerusform>%n месяца</numerusform>
            <numerusform>%n месяцев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="59"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="76"/>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="77"/>
        <source>week</source>
        <translation>неделя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="78"/>
        <source>month</source>
        <translation>месяц</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="79"/>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="92"/>
        <source>%s / %s</source>
        <translation>%s / %s</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="373"/>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="379"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="387"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="388"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="389"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="390"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="391"/>
        <source>Pricing</source>
        <translation>Тарификация</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="392"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="393"/>
        <location filename="../../ui/pages/invoices.py" line="401"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="401"/>
        <source>Ledger entry</source>
        <translation>Запись журнала</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="401"/>
        <source>Paid at</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="409"/>
        <source>Lines</source>
        <translation>Строки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="410"/>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="411"/>
        <source>Credit notes</source>
        <translation>Кредит-ноты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="415"/>
        <source>Right-click a credit note to open or save it as a PDF</source>
        <translation>Щёлкните кредит-ноту правой кнопкой, чтобы открыть или сохранить её как PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="417"/>
        <source>Open PDF</source>
        <translation>Открыть PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="419"/>
        <source>Open the invoice as the customer receives it</source>
        <translation>Открыть счёт в том виде, в каком его получает клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="420"/>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="422"/>
        <source>Save the invoice as a PDF file</source>
        <translation>Сохранить счёт в файл PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="446"/>
        <source>Invoice %s</source>
        <translation>Счёт %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="447"/>
        <source>Invoice %s · %s</source>
        <translation>Счёт %s · %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="450"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="452"/>
        <source>issued %s</source>
        <translation>выставлен %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="454"/>
        <source>period %s</source>
        <translation>период %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="456"/>
        <source>Total %s</source>
        <translation>Итого %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="457"/>
        <source>paid %s</source>
        <translation>оплачено %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="458"/>
        <source>credited %s</source>
        <translation>возвращено кредит-нотами %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="459"/>
        <source>owed %s</source>
        <translation>долг %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="460"/>
        <source>%s left to refund</source>
        <translation>%s ещё можно вернуть</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="487"/>
        <source>This invoice has no lines.</source>
        <translation>В этом счёте нет строк.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="488"/>
        <source>Nothing has been paid on this invoice yet.</source>
        <translation>По этому счёту ещё ничего не оплачено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="489"/>
        <source>No credit note has been issued against this invoice.</source>
        <translation>По этому счёту не выставлено ни одной кредит-ноты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="490"/>
        <source>Payments (%d)</source>
        <translation>Оплаты (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="491"/>
        <source>Credit notes (%d)</source>
        <translation>Кредит-ноты (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="516"/>
        <source>The invoice could not be loaded.</source>
        <translation>Не удалось загрузить счёт.</translation>
    </message>
</context>
<context>
    <name>InvoiceTable</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="268"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="269"/>
        <source>Issued</source>
        <translation>Выставлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="270"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="275"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="285"/>
        <source>Double-click an invoice to see its lines, payments and credit notes; right-click for its PDF</source>
        <translation>Дважды щёлкните счёт, чтобы увидеть его строки, оплаты и кредит-ноты; правая кнопка — его PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="271"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="272"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="274"/>
        <source>Credited</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="273"/>
        <source>Owed</source>
        <translation>Долг</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="278"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="83"/>
        <source>first period</source>
        <translation>первый период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="84"/>
        <source>renewal</source>
        <translation>продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="85"/>
        <location filename="../../ui/pages/invoices.py" line="101"/>
        <source>usage</source>
        <translation>использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="86"/>
        <source>plan change</source>
        <translation>смена тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="93"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="93"/>
        <source>plan-change credit</source>
        <translation>зачёт при смене тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="100"/>
        <source>plan</source>
        <translation>тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="102"/>
        <source>prorated plan</source>
        <translation>тариф пропорционально</translation>
    </message>
</context>
<context>
    <name>JobResults</name>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="63"/>
        <source>charged %s</source>
        <translation>списано %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="64"/>
        <source>owed %s</source>
        <translation>долг %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="69"/>
        <source>gateway healthy</source>
        <translation>шлюз в порядке</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="70"/>
        <source>gateway outage</source>
        <translation>шлюз недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="71"/>
        <source>gateway probing</source>
        <translation>шлюз проверяется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="75"/>
        <source>alert raised</source>
        <translation>поднята тревога</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="77"/>
        <source>backup «%1»</source>
        <translation>резервная копия «%1»</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="81"/>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="83"/>
        <source>daily backups are turned off</source>
        <translation>ежедневное копирование отключено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="85"/>
        <source>%1 due</source>
        <translation>к выполнению: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="86"/>
        <source>%1 renewed</source>
        <translation>продлено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="87"/>
        <source>%1 waiting for funds</source>
        <translation>ждут средств: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="88"/>
        <source>%1 expired</source>
        <translation>истекло: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="89"/>
        <source>%1 failed</source>
        <translation>с ошибкой: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="90"/>
        <source>%1 checked</source>
        <translation>проверено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="91"/>
        <source>%1 reminded</source>
        <translation>напомнено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="92"/>
        <source>%1 short of a coming renewal</source>
        <translation>%1 без средств на ближайшее продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="93"/>
        <source>%1 succeeded</source>
        <translation>успешно: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="94"/>
        <source>%1 to retry later</source>
        <translation>повторить позже: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="95"/>
        <source>%1 sent to manual handling</source>
        <translation>на ручную обработку: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="96"/>
        <source>%1 deferred while the gateway is down</source>
        <translation>отложено, пока шлюз недоступен: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="97"/>
        <source>%1 top-ups reconciled</source>
        <translation>сверено пополнений: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="98"/>
        <source>%1 refunds reconciled</source>
        <translation>сверено возвратов: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="99"/>
        <source>%1 reconciled</source>
        <translation>сверено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="100"/>
        <source>%1 older deleted</source>
        <translation>удалено старых: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="101"/>
        <source>%1 automatic top-ups charged</source>
        <translation>автопополнений списано: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="102"/>
        <source>%1 automatic top-ups waiting for the gateway</source>
        <translation>автопополнений ждут платёжный шлюз: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="103"/>
        <source>%1 automatic top-ups declined</source>
        <translation>автопополнений отклонено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/catch_up.py" line="47"/>
        <source>%1 held (%2 periods, %3)</source>
        <translation>%1 задержано (периодов: %2, %3)</translation>
    </message>
</context>
<context>
    <name>LedgerNotes</name>
    <message>
        <location filename="../../ui/pages/words.py" line="577"/>
        <source>card charge %1</source>
        <translation>списание с карты %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="578"/>
        <source>to card, top-up #%1</source>
        <translation>на карту, пополнение #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="579"/>
        <source>owed on %1</source>
        <translation>долг по %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="580"/>
        <source>%1 against %2</source>
        <translation>%1 к %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="581"/>
        <source>refund refused: %1</source>
        <translation>возврат отклонён: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="69"/>
        <source>Create the administrator</source>
        <translation>Создание администратора</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="69"/>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73"/>
        <source>This database has no operators yet. Choose the administrator&apos;s name and password.</source>
        <translation>В этой базе данных ещё нет операторов. Задайте имя и пароль администратора.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="75"/>
        <source>Sign in to Subscriptions Admin.</source>
        <translation>Вход в Subscriptions Admin.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="80"/>
        <source>You signed out. Renewals, retries and reminders keep running in the background until you quit the app. Sign in to continue, or Cancel to quit.</source>
        <translation>Вы вышли. Продления, повторы и напоминания продолжают работать в фоне, пока вы не закроете приложение. Войдите, чтобы продолжить, или нажмите «Отмена», чтобы выйти из приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="89"/>
        <source>Demo operators: admin / admin-demo-pass, operator / operator-demo-pass, viewer / viewer-demo-pass.</source>
        <translation>Демо-операторы: admin / admin-demo-pass, operator / operator-demo-pass, viewer / viewer-demo-pass.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="100"/>
        <source>Remember my name and keep me signed in on this computer</source>
        <translation>Запомнить моё имя и входить без пароля на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="104"/>
        <source>The next start signs you in without your password, on this computer only, until you sign out, a while passes unused, or your password or role changes. Your password is never kept.</source>
        <translation>При следующем запуске вход выполнится без пароля — только на этом компьютере, пока вы не выйдете, пока вход не пролежит долго без использования или пока не изменятся ваш пароль или роль. Сам пароль никогда не сохраняется.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="110"/>
        <source>Administrators always type their password: for them only the name is remembered.</source>
        <translation>Администраторы всегда вводят пароль: для них запоминается только имя.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="117"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="118"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="120"/>
        <source>Repeat password</source>
        <translation>Повторите пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="149"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="159"/>
        <location filename="../../ui/login.py" line="166"/>
        <source>Signing you in as %s…</source>
        <translation>Вход как %s…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="197"/>
        <source>the two passwords differ</source>
        <translation>пароли не совпадают</translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="40"/>
        <source>Receipt for a payment</source>
        <translation>Квитанция об оплате</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="41"/>
        <source>Renewal coming up, wallet short</source>
        <translation>Скоро продление, на кошельке не хватает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="42"/>
        <source>Renewal waiting for funds</source>
        <translation>Продление ждёт оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="43"/>
        <source>Subscription ended</source>
        <translation>Подписка закончилась</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="44"/>
        <source>Top-up credited</source>
        <translation>Пополнение зачислено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="45"/>
        <source>Refund sent</source>
        <translation>Возврат отправлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="46"/>
        <source>Low balance</source>
        <translation>Мало средств на кошельке</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="47"/>
        <source>Automatic top-up declined</source>
        <translation>Автопополнение отклонено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="82"/>
        <source>Messages to customers</source>
        <translation>Письма клиентам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="87"/>
        <source>Receipts and notices go to customers by email through this mail server, signed with the business name. Until the server and the From address are set, notices wait in the outbox.</source>
        <translation>Квитанции и уведомления уходят клиентам по эл. почте через этот почтовый сервер, с подписью — названием компании. Пока сервер и адрес отправителя не заданы, уведомления ждут в очереди отправки.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="96"/>
        <source>Business name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="96"/>
        <source>on documents and messages</source>
        <translation>в документах и письмах</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="98"/>
        <source>Business address</source>
        <translation>Адрес компании</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="100"/>
        <source>Mail server (SMTP host)</source>
        <translation>Почтовый сервер (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="100"/>
        <source>e.g. smtp.example.com</source>
        <translation>например smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="102"/>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="102"/>
        <source>587 for STARTTLS, 465 for TLS</source>
        <translation>587 для STARTTLS, 465 для TLS</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="105"/>
        <source>Security</source>
        <translation>Защита</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="107"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="108"/>
        <source>TLS from the start</source>
        <translation>TLS с самого начала</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="109"/>
        <source>None (trusted network only)</source>
        <translation>Нет (только в доверенной сети)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="112"/>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="112"/>
        <source>empty: no sign-in</source>
        <translation>пусто — без входа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="113"/>
        <source>From address</source>
        <translation>Адрес отправителя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="113"/>
        <source>e.g. billing@example.com</source>
        <translation>например billing@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="119"/>
        <source>Save mail settings…</source>
        <translation>Сохранить настройки почты…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="133"/>
        <source>The mail server&apos;s password</source>
        <translation>Пароль почтового сервера</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="136"/>
        <location filename="../../ui/pages/settings_mail.py" line="256"/>
        <source>Save password</source>
        <translation>Сохранить пароль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="142"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="149"/>
        <source>Send a test message to… (your address)</source>
        <translation>Отправить тестовое письмо на… (ваш адрес)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="151"/>
        <source>Send test message</source>
        <translation>Отправить тестовое письмо</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="180"/>
        <source>Preview a notice</source>
        <translation>Просмотр уведомления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="187"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="188"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="189"/>
        <source>Preview</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="204"/>
        <source>As the customer sees it</source>
        <translation>Как видит клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="205"/>
        <source>Plain text</source>
        <translation>Простой текст</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="212"/>
        <source>Shown for a sample customer, with the business name and address saved above.</source>
        <translation>Показано для примерного клиента, с названием и адресом компании, сохранёнными выше.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="226"/>
        <source>A password is set (kept in the system keyring).</source>
        <translation>Пароль задан (хранится в системном хранилище ключей).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="228"/>
        <source>No password is set: the server is used without signing in unless a user name is given.</source>
        <translation>Пароль не задан: без имени пользователя сервер используется без входа.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="247"/>
        <source>Enter the password first.</source>
        <translation>Сначала введите пароль.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="251"/>
        <source>Mail server password</source>
        <translation>Пароль почтового сервера</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="253"/>
        <source>Keep this password for signing in to the mail server. Every desk and worker on this computer uses it.</source>
        <translation>Сохранить этот пароль для входа на почтовый сервер. Его используют все рабочие места и фоновые процессы на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="272"/>
        <source>The password was saved in the system keyring.</source>
        <translation>Пароль сохранён в системном хранилище ключей.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="277"/>
        <source>There is no usable system keyring, so the password is kept for this session only and will be forgotten when the app quits.</source>
        <translation>Системное хранилище ключей недоступно, поэтому пароль сохранён только на этот сеанс и будет забыт при выходе из приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="289"/>
        <source>Type the address to send the test message to.</source>
        <translation>Введите адрес, на который отправить тестовое письмо.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="293"/>
        <source>Save the mail settings first: the test uses the saved ones.</source>
        <translation>Сначала сохраните настройки почты: тест использует сохранённые.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="298"/>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="309"/>
        <source>Sent to %1 through %2. Check that it arrived.</source>
        <translation>Отправлено на %1 через %2. Проверьте, что письмо пришло.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="315"/>
        <source>Not sent: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="320"/>
        <source>Not sent: an unexpected error; the log has the details.</source>
        <translation>Не отправлено: непредвиденная ошибка; подробности в журнале.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_mail.py" line="329"/>
        <source>Subject: %1</source>
        <translation>Тема: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>Subscriptions Admin</source>
        <translation>Subscriptions Admin</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source> — demo</source>
        <translation> — демо</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>Search…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Change your password or sign out</source>
        <translation>Сменить пароль или выйти</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Change my password…</source>
        <translation>Сменить мой пароль…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>Sign out everywhere…</source>
        <translation>Выйти везде…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Every computer that remembers you asks for your password at its next start</source>
        <translation>Каждый компьютер, который вас запомнил, спросит пароль при следующем запуске</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>Your password was changed.</source>
        <translation>Ваш пароль изменён.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Sign out everywhere</source>
        <translation>Выход на всех компьютерах</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Every computer where you chose &quot;Remember me&quot; will ask for your password at its next start, and this desk signs out now.</source>
        <translation>Каждый компьютер, где вы выбрали «Запомнить меня», спросит пароль при следующем запуске, а на этом рабочем месте вы выйдете сейчас.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="270"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанное</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>Scheduler: %s failed</source>
        <translation>Планировщик: ошибка в задании %s</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>Scheduler: paused</source>
        <translation>Планировщик: приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="149"/>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>Scheduler: running</source>
        <translation>Планировщик: работает</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="151"/>
        <source>Scheduler: off</source>
        <translation>Планировщик: выключен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Gateway: healthy</source>
        <translation>Шлюз: работает</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Gateway: OUTAGE</source>
        <translation>Шлюз: СБОЙ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Gateway: probing</source>
        <translation>Шлюз: проверка</translation>
    </message>
</context>
<context>
    <name>MoneyDialog</name>
    <message>
        <location filename="../../ui/pages/dialogs.py" line="86"/>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
</context>
<context>
    <name>NoticeText</name>
    <message>
        <location filename="../../ui/notice_text.py" line="78"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="79"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="80"/>
        <source>Renewal</source>
        <translation>Продление</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="81"/>
        <source>Payment review</source>
        <translation>Проверка платежа</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="82"/>
        <source>Customer notice</source>
        <translation>Уведомление клиенту</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="88"/>
        <source>top-up #%1</source>
        <translation>пополнения №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="89"/>
        <source>refund #%1</source>
        <translation>возврата №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="90"/>
        <source>subscription #%1</source>
        <translation>подписки №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="91"/>
        <source>wallet #%1</source>
        <translation>кошелька №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="92"/>
        <source>customer #%1</source>
        <translation>клиента №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="93"/>
        <source>invoice #%1</source>
        <translation>счёта №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="94"/>
        <source>error item #%1</source>
        <translation>ошибки №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="95"/>
        <source>renewal pass #%1</source>
        <translation>прогона продлений №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="104"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="115"/>
        <source>Top-up of %1 did not go through</source>
        <translation>Пополнение на %1 не прошло</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="125"/>
        <source>Top-up of %1 declined</source>
        <translation>Пополнение на %1 отклонено</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="118"/>
        <source>The payment gateway did not answer for top-up #%1 (%2); it is queued for retry.</source>
        <translation>Платёжный шлюз не ответил по пополнению №%1 (%2); оно поставлено в очередь на повтор.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="127"/>
        <source>Top-up #%1 (%2) was declined: %3</source>
        <translation>Пополнение №%1 (%2) отклонено: %3</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="148"/>
        <source>Wallet #%1</source>
        <translation>Кошелёк №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="146"/>
        <source>Wallet of %1</source>
        <translation>Кошелёк: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="150"/>
        <source>%n subscription(s) renewed</source>
        <translation>
            <numerusform>продлена %n подписка</numerusform>
            <numerusform>продлены %n подписки</numerusform>
            <numerusform>продлено %n подписок</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="151"/>
        <source>Top-up of %1 credited</source>
        <translation>Пополнение на %1 зачислено</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="155"/>
        <source>Refund #%1 did not go through yet</source>
        <translation>Возврат №%1 пока не прошёл</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="156"/>
        <source>The payment gateway did not answer; the refund will be retried.</source>
        <translation>Платёжный шлюз не ответил; возврат будет повторён.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="159"/>
        <source>Refund #%1 was refused by the gateway</source>
        <translation>Шлюз отклонил возврат №%1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="160"/>
        <source>%1. The amount is back in the wallet of %2.</source>
        <translation>%1. Сумма возвращена в кошелёк клиента %2.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="162"/>
        <source>%1. The amount is back in wallet #%2.</source>
        <translation>%1. Сумма возвращена в кошелёк №%2.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="166"/>
        <source>%1 of %2 needs an operator</source>
        <translation>%1: %2 — требуется оператор</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="172"/>
        <source>It cannot be retried automatically</source>
        <translation>Автоматический повтор невозможен</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="174"/>
        <source>%n attempt(s) failed</source>
        <translation>
            <numerusform>%n попытка не удалась</numerusform>
            <numerusform>%n попытки не удались</numerusform>
            <numerusform>%n попыток не удались</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="176"/>
        <source>Escalated by %1</source>
        <translation>Передано оператору: %1</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="183"/>
        <source>Payment gateway outage</source>
        <translation>Сбой платёжного шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="186"/>
        <source>%1 calls to the payment gateway failed in a row. Calls pause until %2, then one test call decides whether they resume; waiting top-ups and refunds keep their place in the error queue.</source>
        <translation>Вызовов платёжного шлюза подряд с ошибкой: %1. Вызовы приостановлены до %2, затем один пробный вызов решит, возобновлять ли их; ожидающие пополнения и возвраты сохраняют место в очереди ошибок.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="194"/>
        <source>Payment gateway recovered</source>
        <translation>Платёжный шлюз восстановлен</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="195"/>
        <source>The payment gateway answers again; waiting retries resume.</source>
        <translation>Платёжный шлюз снова отвечает; ожидающие повторы возобновляются.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="200"/>
        <source>%n failed operation(s) are waiting</source>
        <translation>
            <numerusform>Ожидает %n неудачная операция</numerusform>
            <numerusform>Ожидают %n неудачные операции</numerusform>
            <numerusform>Ожидают %n неудачных операций</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="201"/>
        <source>More than %1 error items are retrying or waiting for an operator.</source>
        <translation>Более %1 элементов очереди ошибок повторяются или ждут оператора.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="203"/>
        <source>%n subscription(s) waiting for funds.</source>
        <translation>
            <numerusform>%n подписка ждёт средств.</numerusform>
            <numerusform>%n подписки ждут средств.</numerusform>
            <numerusform>%n подписок ждут средств.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="210"/>
        <source>%n renewal(s) paid, %1 in total</source>
        <translation>
            <numerusform>Оплачено %n продление, всего %1</numerusform>
            <numerusform>Оплачено %n продления, всего %1</numerusform>
            <numerusform>Оплачено %n продлений, всего %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="213"/>
        <source>Paid from the customers&apos; wallets by the renewal pass; open to see its invoices.</source>
        <translation>Оплачено из кошельков клиентов проходом продления; откройте, чтобы увидеть счета.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="247"/>
        <source>%n renewal(s) are waiting for funds, %1 owed in total</source>
        <translation>
            <numerusform>%n продление ждёт средств, всего к оплате %1</numerusform>
            <numerusform>%n продления ждут средств, всего к оплате %1</numerusform>
            <numerusform>%n продлений ждут средств, всего к оплате %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="248"/>
        <source>The wallets could not pay them; each is pending for its plan&apos;s grace days.</source>
        <translation>Кошельки не смогли их оплатить; каждое ждёт продления в течение льготных дней своего тарифа.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="251"/>
        <source>The first %n have a notice each; Subscriptions, status “pending renewal”, lists them all.</source>
        <translation>
            <numerusform>Отдельное уведомление — у первой %n; все они — в разделе «Подписки», статус «ожидает продления».</numerusform>
            <numerusform>Отдельные уведомления — у первых %n; все они — в разделе «Подписки», статус «ожидает продления».</numerusform>
            <numerusform>Отдельные уведомления — у первых %n; все они — в разделе «Подписки», статус «ожидает продления».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="267"/>
        <source>The first %n have a notice each; Subscriptions, status “expired”, lists them all.</source>
        <translation>
            <numerusform>Отдельное уведомление — у первой %n; все они — в разделе «Подписки», статус «истекла».</numerusform>
            <numerusform>Отдельные уведомления — у первых %n; все они — в разделе «Подписки», статус «истекла».</numerusform>
            <numerusform>Отдельные уведомления — у первых %n; все они — в разделе «Подписки», статус «истекла».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="258"/>
        <source>%n subscription(s) are active again, %1 paid</source>
        <translation>
            <numerusform>%n подписка снова активна, оплачено %1</numerusform>
            <numerusform>%n подписки снова активны, оплачено %1</numerusform>
            <numerusform>%n подписок снова активны, оплачено %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="134"/>
        <source>%1 ending in %2</source>
        <translation>%1, последние цифры %2</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="136"/>
        <source>Automatic top-up of %1 for %2 declined</source>
        <translation>Автопополнение на %1 для клиента %2 отклонено</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="138"/>
        <source>The card %1 was declined (%2); the automatic top-up is off until it is turned on again.</source>
        <translation>Карта %1 отклонена (%2); автопополнение выключено, пока его снова не включат.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="220"/>
        <source>%n subscription(s) held: %1 period(s), %2 to catch up</source>
        <translation>
            <numerusform>%n подписка задержана: периодов — %1, к доплате %2</numerusform>
            <numerusform>%n подписки задержаны: периодов — %1, к доплате %2</numerusform>
            <numerusform>%n подписок задержано: периодов — %1, к доплате %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="226"/>
        <source>Each would pay more than %1 period(s) at once (was the clock moved ahead?). Nothing was charged for them; the others renewed. Renew them on the Scheduler page, or with `renew --catch-up`.</source>
        <translation>Каждая оплатила бы больше %1 период(ов) сразу (часы переведены вперёд?). За них ничего не списано; остальные продлены. Продлите их на странице «Планировщик» или командой `renew --catch-up`.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="259"/>
        <source>Paid from the wallets once funds arrived.</source>
        <translation>Оплачено из кошельков после поступления средств.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="261"/>
        <source>The first %n have a notice each.</source>
        <translation>
            <numerusform>Отдельное уведомление — у первой %n.</numerusform>
            <numerusform>Отдельные уведомления — у первых %n.</numerusform>
            <numerusform>Отдельные уведомления — у первых %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="264"/>
        <source>%n subscription(s) expired in the renewal pass</source>
        <translation>
            <numerusform>%n подписка истекла при проходе продления</numerusform>
            <numerusform>%n подписки истекли при проходе продления</numerusform>
            <numerusform>%n подписок истекли при проходе продления</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="265"/>
        <source>They no longer grant access.</source>
        <translation>Они больше не дают доступа.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="273"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="276"/>
        <source>Renewal of #%1 (%2) is waiting for funds</source>
        <translation>Продление №%1 (%2) ждёт средств</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="277"/>
        <source>The wallet could not pay %1; the subscription is pending.</source>
        <translation>Кошелёк не смог оплатить %1; подписка ожидает оплаты.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="278"/>
        <source>Grace period: %n day(s).</source>
        <translation>
            <numerusform>Льготный период: %n день.</numerusform>
            <numerusform>Льготный период: %n дня.</numerusform>
            <numerusform>Льготный период: %n дней.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="282"/>
        <source>Subscription #%1 (%2) is active again</source>
        <translation>Подписка №%1 (%2) снова активна</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="283"/>
        <source>%1 was paid from the wallet.</source>
        <translation>Из кошелька оплачено %1.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="286"/>
        <source>Subscription #%1 (%2) expired</source>
        <translation>Подписка №%1 (%2) истекла</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="286"/>
        <source>It no longer grants access.</source>
        <translation>Она больше не даёт доступа.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="290"/>
        <source>Subscription #%1 (%2) ends %3</source>
        <translation>Подписка №%1 (%2) заканчивается %3</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="291"/>
        <source>It was canceled and will expire at the end of its period.</source>
        <translation>Она отменена и истечёт в конце периода.</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="294"/>
        <source>Subscription #%1 (%2) may lapse %3</source>
        <translation>Подписка №%1 (%2) может прерваться %3</translation>
    </message>
    <message>
        <location filename="../../ui/notice_text.py" line="295"/>
        <source>The wallet does not hold enough for the next renewal.</source>
        <translation>В кошельке недостаточно средств для следующего продления.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="301"/>
        <source>%n top-up(s) failed within a minute</source>
        <translation>
            <numerusform>%n пополнение не прошло за минуту</numerusform>
            <numerusform>%n пополнения не прошли за минуту</numerusform>
            <numerusform>%n пополнений не прошли за минуту</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="302"/>
        <source>%n renewal(s) waiting for funds within a minute</source>
        <translation>
            <numerusform>%n продление ждёт средств (за минуту)</numerusform>
            <numerusform>%n продления ждут средств (за минуту)</numerusform>
            <numerusform>%n продлений ждут средств (за минуту)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="303"/>
        <source>%n refund(s) failed within a minute</source>
        <translation>
            <numerusform>%n возврат не прошёл за минуту</numerusform>
            <numerusform>%n возврата не прошли за минуту</numerusform>
            <numerusform>%n возвратов не прошли за минуту</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="304"/>
        <source>%n item(s) need an operator</source>
        <translation>
            <numerusform>%n элемент требует оператора</numerusform>
            <numerusform>%n элемента требуют оператора</numerusform>
            <numerusform>%n элементов требуют оператора</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="305"/>
        <source>%n top-up(s) credited within a minute</source>
        <translation>
            <numerusform>%n пополнение зачислено за минуту</numerusform>
            <numerusform>%n пополнения зачислены за минуту</numerusform>
            <numerusform>%n пополнений зачислены за минуту</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="306"/>
        <source>%n automatic top-up(s) declined</source>
        <translation>
            <numerusform>%n автопополнение отклонено</numerusform>
            <numerusform>%n автопополнения отклонено</numerusform>
            <numerusform>%n автопополнений отклонено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="307"/>
        <source>%n subscription(s) active again</source>
        <translation>
            <numerusform>%n подписка снова активна</numerusform>
            <numerusform>%n подписки снова активны</numerusform>
            <numerusform>%n подписок снова активны</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="308"/>
        <source>%n subscription(s) expiring</source>
        <translation>
            <numerusform>%n подписка истекает</numerusform>
            <numerusform>%n подписки истекают</numerusform>
            <numerusform>%n подписок истекают</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="309"/>
        <source>%n subscription(s) expired</source>
        <translation>
            <numerusform>%n подписка истекла</numerusform>
            <numerusform>%n подписки истекли</numerusform>
            <numerusform>%n подписок истекли</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="311"/>
        <source>%n notification(s) within a minute</source>
        <translation>
            <numerusform>%n уведомление за минуту</numerusform>
            <numerusform>%n уведомления за минуту</numerusform>
            <numerusform>%n уведомлений за минуту</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <location filename="../../ui/pages/notifications.py" line="414"/>
        <source>Title or text</source>
        <translation>Заголовок или текст</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="407"/>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="417"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="418"/>
        <location filename="../../ui/pages/notifications.py" line="423"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="418"/>
        <source>Unread</source>
        <translation>Непрочитанные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="418"/>
        <source>Archived</source>
        <translation>Архив</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="421"/>
        <source>Archived: read notifications older than the keeping time set in Settings</source>
        <translation>Архив: прочитанные уведомления старше срока хранения, заданного в настройках</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="423"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="429"/>
        <source>Open subject</source>
        <translation>Открыть объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="430"/>
        <source>Mark read</source>
        <translation>Отметить прочитанным</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="431"/>
        <source>Mark all read</source>
        <translation>Отметить все прочитанными</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="438"/>
        <source>Show what the notification is about (Enter or double-click)</source>
        <translation>Показать объект уведомления (Enter или двойной щелчок)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="461"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанное</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="488"/>
        <source>Mark the selected notifications read (Ctrl+M)</source>
        <translation>Отметить выбранные уведомления прочитанными (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="490"/>
        <source>Select unread notifications</source>
        <translation>Выберите непрочитанные уведомления</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="499"/>
        <source>%n notification(s) selected</source>
        <translation>
            <numerusform>Выбрано %n уведомление</numerusform>
            <numerusform>Выбрано %n уведомления</numerusform>
            <numerusform>Выбрано %n уведомлений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="501"/>
        <source>Select a notification to read it.</source>
        <translation>Выберите уведомление, чтобы прочитать его.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="511"/>
        <source>read %s</source>
        <translation>прочитано %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="513"/>
        <source>unread</source>
        <translation>не прочитано</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="526"/>
        <source>%n notification(s) of this kind came within a minute (%s); the latest:</source>
        <translation>
            <numerusform>%n уведомление этого вида пришло за минуту (%s); последнее:</numerusform>
            <numerusform>%n уведомления этого вида пришли за минуту (%s); последнее:</numerusform>
            <numerusform>%n уведомлений этого вида пришли за минуту (%s); последнее:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="538"/>
        <source>About</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="541"/>
        <source>the invoices of this renewal pass</source>
        <translation>счета этого прогона продлений</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="594"/>
        <location filename="../../ui/pages/notifications.py" line="609"/>
        <source>Marked %n notification(s) read</source>
        <translation>
            <numerusform>Прочитанным отмечено %n уведомление</numerusform>
            <numerusform>Прочитанными отмечено %n уведомления</numerusform>
            <numerusform>Прочитанными отмечено %n уведомлений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationsTableModel</name>
    <message>
        <location filename="../../ui/pages/notifications.py" line="83"/>
        <source>Invoices of a renewal pass</source>
        <translation>Счета прогона продлений</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="106"/>
        <source>Latest: %s</source>
        <translation>Последнее: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="131"/>
        <source>Payment succeeded</source>
        <translation>Оплата прошла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="132"/>
        <source>Renewals paid</source>
        <translation>Продления оплачены</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="133"/>
        <source>Renewals held</source>
        <translation>Продления задержаны</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="134"/>
        <source>Payment failed</source>
        <translation>Оплата не прошла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="135"/>
        <source>Subscription expiring</source>
        <translation>Подписка истекает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="136"/>
        <source>Subscription expired</source>
        <translation>Подписка истекла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="137"/>
        <source>Top-up succeeded</source>
        <translation>Пополнение выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="138"/>
        <source>Top-up failed</source>
        <translation>Пополнение не выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="139"/>
        <source>Automatic top-up declined</source>
        <translation>Автопополнение отклонено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="140"/>
        <source>Refund failed</source>
        <translation>Возврат не выполнен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="141"/>
        <source>Manual intervention needed</source>
        <translation>Требуется вмешательство оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="142"/>
        <source>Gateway outage</source>
        <translation>Сбой платёжного шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="143"/>
        <source>Gateway recovered</source>
        <translation>Платёжный шлюз восстановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="144"/>
        <source>Unresolved errors alert</source>
        <translation>Слишком много нерешённых ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="146"/>
        <source>info</source>
        <translation>информация</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="146"/>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="146"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="157"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="160"/>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="166"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="170"/>
        <source>About</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="171"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="172"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../../ui/pages/operators.py" line="53"/>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="61"/>
        <source>New operator…</source>
        <translation>Новый оператор…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="64"/>
        <source>Change role…</source>
        <translation>Сменить роль…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="67"/>
        <source>Disable…</source>
        <translation>Отключить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="70"/>
        <source>Re-enable…</source>
        <translation>Включить снова…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="73"/>
        <source>Reset password…</source>
        <translation>Сбросить пароль…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="76"/>
        <source>Unlock…</source>
        <translation>Разблокировать…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="79"/>
        <source>Sign out everywhere…</source>
        <translation>Выйти везде…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="92"/>
        <location filename="../../ui/pages/operators.py" line="234"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="92"/>
        <location filename="../../ui/pages/operators.py" line="235"/>
        <location filename="../../ui/pages/operators.py" line="269"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="92"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="92"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="121"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="121"/>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="148"/>
        <source>Select an operator</source>
        <translation>Выберите оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="155"/>
        <source>This is your own account: another administrator changes it. Change your password from the menu under your name.</source>
        <translation>Это ваша собственная учётная запись: её меняет другой администратор. Свой пароль меняйте в меню под вашим именем.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="159"/>
        <source>%s is not locked after failed sign-ins.</source>
        <translation>%s не заблокирован(а) после неудачных попыток входа.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="162"/>
        <source>%s is already active.</source>
        <translation>%s уже активен.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="163"/>
        <source>%s is already disabled.</source>
        <translation>%s уже отключён.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="219"/>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="231"/>
        <source>New operator</source>
        <translation>Новый оператор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="232"/>
        <source>The new operator signs in with this name and password.</source>
        <translation>Новый оператор входит с этим именем и паролем.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="236"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="237"/>
        <location filename="../../ui/pages/operators.py" line="371"/>
        <source>Repeat password</source>
        <translation>Повторите пароль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="239"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="254"/>
        <source>Operator %s created</source>
        <translation>Оператор %s создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="265"/>
        <location filename="../../ui/pages/operators.py" line="270"/>
        <source>Change role</source>
        <translation>Сменить роль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="266"/>
        <source>The role of %1 is %2 now. Choose what they may do from now on.</source>
        <translation>Сейчас у %1 роль «%2». Выберите, что ему можно делать дальше.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="276"/>
        <source>%s has a new role</source>
        <translation>У %s новая роль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="286"/>
        <source>Disable operator</source>
        <translation>Отключить оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="287"/>
        <source>%s will no longer be able to sign in. Their history stays; you can re-enable them later.</source>
        <translation>%s больше не сможет войти. История сохранится; позже его можно включить снова.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="289"/>
        <source>Disable</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="295"/>
        <source>%s was disabled</source>
        <translation>%s отключён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="305"/>
        <source>Re-enable operator</source>
        <translation>Включить оператора снова</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="306"/>
        <source>%s will be able to sign in again, with the same role and password.</source>
        <translation>%s снова сможет войти — с прежними ролью и паролем.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="307"/>
        <source>Re-enable</source>
        <translation>Включить снова</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="313"/>
        <source>%s was re-enabled</source>
        <translation>%s снова включён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="323"/>
        <source>Unlock operator</source>
        <translation>Разблокировать оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="324"/>
        <source>%s was locked after too many failed sign-ins; they may try again at once.</source>
        <translation>%s заблокирован(а) после слишком многих неудачных попыток входа; войти можно будет сразу.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="325"/>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="331"/>
        <source>%s was unlocked</source>
        <translation>%s разблокирован(а)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="341"/>
        <location filename="../../ui/pages/operators.py" line="347"/>
        <source>Sign out everywhere</source>
        <translation>Выход на всех компьютерах</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="343"/>
        <source>Every computer that remembers %s will ask for their password at its next start (a desk they have open now stays signed in until they sign out).</source>
        <translation>Каждый компьютер, который запомнил %s, спросит пароль при следующем запуске (уже открытое рабочее место остаётся в системе, пока оператор не выйдет).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="358"/>
        <source>%s was signed out on every computer</source>
        <translation>%s выведен из системы на всех компьютерах</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="368"/>
        <location filename="../../ui/pages/operators.py" line="372"/>
        <source>Reset password</source>
        <translation>Сбросить пароль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="369"/>
        <source>Choose a new password for %s and tell them in person; they can change it after signing in.</source>
        <translation>Задайте новый пароль для %s и сообщите его лично; после входа его можно сменить.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="371"/>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <location filename="../../ui/pages/operators.py" line="380"/>
        <source>The password of %s was reset</source>
        <translation>Пароль %s сброшен</translation>
    </message>
</context>
<context>
    <name>PagedQueryModel</name>
    <message>
        <location filename="../../ui/sql_model.py" line="377"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <location filename="../../ui/pages/invoice_pdfs.py" line="89"/>
        <source>Save %s as PDF</source>
        <translation>Сохранить %s как PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoice_pdfs.py" line="90"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoice_pdfs.py" line="107"/>
        <source>No program here opens PDF files. The PDF was written to %s; use Save PDF… to keep it elsewhere.</source>
        <translation>На этом компьютере нет программы для файлов PDF. PDF записан в %s; чтобы сохранить его в другом месте, выберите «Сохранить PDF…».</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoice_pdfs.py" line="114"/>
        <source>Saved %s.</source>
        <translation>Сохранено: %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoice_pdfs.py" line="121"/>
        <source>The PDF could not be written to %s: %s.</source>
        <translation>Не удалось записать PDF в %s: %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoice_pdfs.py" line="130"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../ui/pages/words.py" line="602"/>
        <source>create customers</source>
        <translation>создавать клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="603"/>
        <source>change customers</source>
        <translation>изменять клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="604"/>
        <source>top up wallets</source>
        <translation>пополнять кошельки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="605"/>
        <source>subscribe customers</source>
        <translation>оформлять подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="606"/>
        <source>cancel subscriptions</source>
        <translation>отменять подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="607"/>
        <source>reinstate subscriptions</source>
        <translation>восстанавливать подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="608"/>
        <source>change the plan of subscriptions</source>
        <translation>менять тариф подписок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="609"/>
        <source>record usage</source>
        <translation>записывать использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="610"/>
        <source>retry error items</source>
        <translation>повторять ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="611"/>
        <source>cancel scheduled retries</source>
        <translation>отменять запланированные повторы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="612"/>
        <source>resolve error items</source>
        <translation>закрывать ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="613"/>
        <source>escalate error items</source>
        <translation>передавать ошибки на ручной разбор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="614"/>
        <source>change retry strategies</source>
        <translation>менять стратегии повторов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="615"/>
        <source>mark notifications read</source>
        <translation>отмечать уведомления прочитанными</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="616"/>
        <source>run scheduler jobs</source>
        <translation>запускать задания планировщика</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="617"/>
        <source>run a renewal pass</source>
        <translation>запускать прогон продлений</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="618"/>
        <source>send customer notices again</source>
        <translation>повторно отправлять уведомления клиентам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="619"/>
        <source>refund</source>
        <translation>делать возвраты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="620"/>
        <source>adjust balances</source>
        <translation>корректировать балансы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="621"/>
        <source>edit plans and features</source>
        <translation>изменять тарифы и функции</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="622"/>
        <source>manage operators</source>
        <translation>управлять операторами</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="623"/>
        <source>change settings</source>
        <translation>изменять настройки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="624"/>
        <source>configure the gateway</source>
        <translation>настраивать шлюз</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="625"/>
        <source>pause the scheduler</source>
        <translation>приостанавливать планировщик</translation>
    </message>
</context>
<context>
    <name>PlanChangePreview</name>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="52"/>
        <source>Working out what the change moves…</source>
        <translation>Расчёт того, какие суммы переместит смена…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="65"/>
        <source>This plan cannot be chosen: %s</source>
        <translation>Этот тариф выбрать нельзя: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="80"/>
        <source>Credit for the unused part of %s: %s, a credit note against invoice %s.</source>
        <translation>Зачёт за неиспользованную часть %s: %s, кредит-нотой по счёту %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="84"/>
        <source>Nothing of %s is credited back.</source>
        <translation>За %s ничего не возвращается.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="86"/>
        <source>New plan %s for the rest of the period: %s, on a new invoice.</source>
        <translation>Новый тариф %s до конца периода: %s, новым счётом.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="90"/>
        <source>Usage so far, billed now under %s: %s.</source>
        <translation>Использование на сегодня, выставляется сейчас по тарифу %s: %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="92"/>
        <source>Net for the plans: %s taken from the wallet.</source>
        <translation>Итог по тарифам: %s будет списано из кошелька.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="94"/>
        <source>Net for the plans: %s credited to the wallet.</source>
        <translation>Итог по тарифам: %s будет зачислено в кошелёк.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="96"/>
        <source>Net for the plans: no money moves.</source>
        <translation>Итог по тарифам: деньги не перемещаются.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="98"/>
        <source>The period end stays the same; the next renewal charges the new price.</source>
        <translation>Конец периода не меняется; следующее продление списывает новую цену.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="111"/>
        <source>The wallet holds %s: it does not cover the change; top it up first.</source>
        <translation>В кошельке %s: этого не хватает на смену тарифа; сначала пополните его.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="114"/>
        <source>The wallet holds %s: it covers the plans; the part of the usage it cannot pay stays owed.</source>
        <translation>В кошельке %s: этого хватает на тарифы; неоплаченная часть использования останется долгом.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="117"/>
        <source>The wallet holds %s: it covers the change.</source>
        <translation>В кошельке %s: этого хватает на смену тарифа.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="123"/>
        <source>The settlement is still being worked out; a moment, please.</source>
        <translation>Перерасчёт ещё выполняется; подождите немного.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="126"/>
        <source>The wallet holds %s but the switch needs %s; top it up first.</source>
        <translation>В кошельке %s, а для перехода нужно %s; сначала пополните его.</translation>
    </message>
</context>
<context>
    <name>PlanFeatureForm</name>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="48"/>
        <source>%s must be a whole number.</source>
        <translation>%s: требуется целое число.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="52"/>
        <source>%s must lie between %s and %s.</source>
        <translation>%s: значение должно быть от %s до %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="67"/>
        <source>Tier %d (%s): write each tier as up_to:unit price, like 1000:4, and the last one as *:2.</source>
        <translation>Ступень %d (%s): записывайте каждую ступень как до:цена_за_единицу, например 1000:4, а последнюю — как *:2.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="118"/>
        <source> — on this plan</source>
        <translation> — уже в этом тарифе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="120"/>
        <source>Enabled</source>
        <translation>Включена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="125"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="128"/>
        <source>none (not charged)</source>
        <translation>нет (не тарифицируется)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="129"/>
        <source>flat (a price per unit)</source>
        <translation>фиксированная (цена за единицу)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="130"/>
        <source>tiered (each unit at its tier&apos;s price)</source>
        <translation>ступенчатая (каждая единица по цене своей ступени)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="131"/>
        <source>volume (all units at the tier reached)</source>
        <translation>объёмная (все единицы по цене достигнутой ступени)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="132"/>
        <source>package (a price per started package)</source>
        <translation>пакетная (цена за каждый начатый пакет)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="139"/>
        <source>up_to:unit price in minor units, in order; * is the open-ended last tier</source>
        <translation>до:цена_за_единицу в минимальных единицах, по порядку; * — последняя ступень без верхней границы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="140"/>
        <source>5 = %s</source>
        <translation>5 = %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="159"/>
        <source>minor units</source>
        <translation>в мин. единицах</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="161"/>
        <source>Feature</source>
        <translation>Функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="163"/>
        <source>Quota per period</source>
        <translation>Квота на период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="164"/>
        <source>Rate limit</source>
        <translation>Лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="165"/>
        <source>Rate window</source>
        <translation>Окно ограничения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="166"/>
        <source>Pricing</source>
        <translation>Тарификация</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="167"/>
        <location filename="../../ui/pages/plans_forms.py" line="303"/>
        <source>Included units</source>
        <translation>Включённые единицы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="168"/>
        <source>Unit price (%s)</source>
        <translation>Цена за единицу (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="169"/>
        <source>Tiers (%s)</source>
        <translation>Ступени (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="170"/>
        <source>Package size</source>
        <translation>Размер пакета</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="171"/>
        <source>Package price (%s)</source>
        <translation>Цена пакета (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="172"/>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="253"/>
        <source>%s per period</source>
        <translation>%s за период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="256"/>
        <source>%s per %s</source>
        <translation>%s за %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="260"/>
        <source>on/off, nothing to meter</source>
        <translation>вкл./выкл., учёт не ведётся</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="275"/>
        <source>%s in a period cost %s</source>
        <translation>%s за период стоят %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="282"/>
        <source>turned off</source>
        <translation>выключена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="289"/>
        <source>Choose a feature.</source>
        <translation>Выберите функцию.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="293"/>
        <source>The quota</source>
        <translation>Квота</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="296"/>
        <source>The rate limit</source>
        <translation>Лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="308"/>
        <source>The unit price</source>
        <translation>Цена за единицу</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="315"/>
        <source>The package size</source>
        <translation>Размер пакета</translation>
    </message>
</context>
<context>
    <name>PlanFeaturesTableModel</name>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="150"/>
        <source>Feature</source>
        <translation>Функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="154"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="155"/>
        <source>Enabled</source>
        <translation>Включена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="158"/>
        <source>Quota</source>
        <translation>Квота</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="163"/>
        <source>Rate limit</source>
        <translation>Лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="166"/>
        <source>Included</source>
        <translation>Включено ед.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="173"/>
        <source>Pricing</source>
        <translation>Тарификация</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../ui/pages/plans.py" line="56"/>
        <source>Plan code or name</source>
        <translation>Код или название тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="49"/>
        <source>Plans &amp; features</source>
        <translation>Тарифы и функции</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="58"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="59"/>
        <source>All plans</source>
        <translation>Все тарифы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="59"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="59"/>
        <source>Retired</source>
        <translation>Выведенные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="62"/>
        <source>New plan…</source>
        <translation>Новый тариф…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="63"/>
        <source>Edit plan…</source>
        <translation>Изменить тариф…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="64"/>
        <source>New feature…</source>
        <translation>Новая функция…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="65"/>
        <source>Set plan feature…</source>
        <translation>Настроить функцию тарифа…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="78"/>
        <location filename="../../ui/pages/plans.py" line="119"/>
        <source>Plan features</source>
        <translation>Функции тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="117"/>
        <source>Select a plan</source>
        <translation>Выберите тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="120"/>
        <source>Select a plan to see what it grants.</source>
        <translation>Выберите тариф, чтобы увидеть, что он даёт.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="124"/>
        <source>Features of %s</source>
        <translation>Функции тарифа %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="137"/>
        <location filename="../../ui/pages/plans.py" line="208"/>
        <source>Features stay on while a renewal waits for funds</source>
        <translation>Функции доступны, пока продление ждёт средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="151"/>
        <source>New plan</source>
        <translation>Новый тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="153"/>
        <source>Add a plan to the catalogue. It grants no features until you set them; the code cannot change later.</source>
        <translation>Добавить тариф в каталог. Он не даёт никаких функций, пока вы их не настроите; код потом изменить нельзя.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="157"/>
        <location filename="../../ui/pages/plans.py" line="272"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="158"/>
        <location filename="../../ui/pages/plans.py" line="221"/>
        <location filename="../../ui/pages/plans.py" line="272"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="159"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="160"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="161"/>
        <source>Billed every</source>
        <translation>Оплата каждые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="162"/>
        <source>Interval</source>
        <translation>Интервал</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="163"/>
        <location filename="../../ui/pages/plans.py" line="223"/>
        <source>Grace days</source>
        <translation>Льготных дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="166"/>
        <source>Create plan</source>
        <translation>Создать тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="193"/>
        <source>Plan %s created</source>
        <translation>Тариф %s создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="210"/>
        <source>Active (takes new subscriptions)</source>
        <translation>Активен (принимает новые подписки)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="214"/>
        <source>Edit plan</source>
        <translation>Изменение тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="216"/>
        <source>Change plan %s (%s subscriber(s)). A new price applies from each subscription&apos;s next renewal; a retired plan keeps its subscribers but takes no new ones.</source>
        <translation>Изменить тариф %s (подписчиков: %s). Новая цена действует с ближайшего продления каждой подписки; выведенный тариф сохраняет подписчиков, но не принимает новых.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="222"/>
        <source>Price (%s)</source>
        <translation>Цена (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="227"/>
        <source>Save plan</source>
        <translation>Сохранить тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="240"/>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="250"/>
        <source>Plan %s saved</source>
        <translation>Тариф %s сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="260"/>
        <source>boolean (on/off)</source>
        <translation>логическая (вкл./выкл.)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="261"/>
        <source>quota (a limit per period)</source>
        <translation>квота (лимит на период)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="262"/>
        <source>rate (a limit per time window)</source>
        <translation>частота (лимит на временное окно)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="263"/>
        <source>usage (always allowed, charged)</source>
        <translation>использование (всегда разрешено, оплачивается)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="269"/>
        <source>New feature</source>
        <translation>Новая функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="270"/>
        <source>Add a feature that plans can grant. Set it on each plan afterwards.</source>
        <translation>Добавить функцию, которую могут давать тарифы. Затем настройте её в каждом тарифе.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="272"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="272"/>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="273"/>
        <source>Create feature</source>
        <translation>Создать функцию</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="280"/>
        <source>The unit is 1–32 characters, like &apos;call&apos; or &apos;GB&apos;.</source>
        <translation>Единица — от 1 до 32 символов, например &apos;call&apos; или &apos;GB&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="292"/>
        <source>Feature %s created</source>
        <translation>Функция %s создана</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="318"/>
        <source>There are no features yet; create one first.</source>
        <translation>Функций пока нет; сначала создайте функцию.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="325"/>
        <source>Set plan feature</source>
        <translation>Настройка функции тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="327"/>
        <source>Grant a feature on plan %s, or change its limits and usage pricing. Subscribers see the change at once; usage already recorded is priced by the new terms at the next renewal.</source>
        <translation>Добавить функцию в тариф %s или изменить её лимиты и тарификацию использования. Подписчики увидят изменение сразу; уже учтённое использование будет оплачено по новым условиям при следующем продлении.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="332"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="347"/>
        <source>%s on %s saved</source>
        <translation>Функция %s в тарифе %s сохранена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="40"/>
        <source>The code must be 2–64 lowercase letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Код должен состоять из 2–64 строчных латинских букв, цифр, &apos;-&apos; или &apos;_&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="24"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="24"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="110"/>
        <source>not charged</source>
        <translation>не тарифицируется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="112"/>
        <source>%s per %s</source>
        <translation>%s за %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="114"/>
        <source>%s per started package of %s</source>
        <translation>%s за каждый начатый пакет по %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="122"/>
        <source>then %s</source>
        <translation>далее %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="124"/>
        <source>up to %s at %s</source>
        <translation>до %s по %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="126"/>
        <source>tiered</source>
        <translation>ступенчатая</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="126"/>
        <source>volume</source>
        <translation>объёмная</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="129"/>
        <source>, after %s included</source>
        <translation>, сверх %s включённых</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="216"/>
        <source>features stay on during grace</source>
        <translation>функции доступны в льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="218"/>
        <source>features are off while a renewal waits for funds</source>
        <translation>функции отключены, пока продление ждёт средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="221"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="223"/>
        <source>retired: takes no new subscriptions</source>
        <translation>выведен: новые подписки не принимаются</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="225"/>
        <source>Grace</source>
        <translation>Льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="225"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="226"/>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="226"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="227"/>
        <source>created</source>
        <translation>создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="228"/>
        <source>Its features and their pricing are listed below.</source>
        <translation>Функции тарифа и их тарификация приведены ниже.</translation>
    </message>
</context>
<context>
    <name>PlansTableModel</name>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="38"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="39"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="42"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="47"/>
        <source>Interval</source>
        <translation>Интервал</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="48"/>
        <source>Grace days</source>
        <translation>Льготных дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="51"/>
        <source>Access in grace</source>
        <translation>Доступ в льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="55"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="58"/>
        <source>Subscribers</source>
        <translation>Подписчики</translation>
    </message>
</context>
<context>
    <name>RenewalPassDialog</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="535"/>
        <source>Renewals paid</source>
        <translation>Оплаченные продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="537"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="541"/>
        <source>Double-click an invoice to see its lines, payments and credit notes.</source>
        <translation>Дважды щёлкните счёт, чтобы увидеть его строки, оплаты и кредит-ноты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="560"/>
        <source>This renewal pass issued no invoices.</source>
        <translation>Этот прогон продлений не выставил ни одного счёта.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/invoices.py" line="568"/>
        <source>%n invoice(s) issued by the renewal pass of %s.</source>
        <translation>
            <numerusform>%n счёт выставлен прогоном продлений %s.</numerusform>
            <numerusform>%n счёта выставлено прогоном продлений %s.</numerusform>
            <numerusform>%n счетов выставлено прогоном продлений %s.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="570"/>
        <source>%s: total %s, paid %s, owed %s</source>
        <translation>%s: итого %s, оплачено %s, долг %s</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/pages/words.py" line="102"/>
        <source>viewer</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="103"/>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="104"/>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="105"/>
        <source>system</source>
        <translation>система</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roles.py" line="16"/>
        <source>No role may do this.</source>
        <translation>Это не разрешено ни одной роли.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roles.py" line="18"/>
        <source>Your role (%1) may not do this; it needs the %2 role. Ask an administrator.</source>
        <translation>Вашей роли («%1») это не разрешено: нужна роль «%2». Обратитесь к администратору.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roles.py" line="29"/>
        <source>Greyed-out actions here are not available to any role.</source>
        <translation>Серые действия здесь недоступны ни одной роли.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roles.py" line="31"/>
        <source>Signed in as %1: the greyed-out actions here need the %2 role. Ask an administrator if you need them.</source>
        <translation>Вы вошли как «%1»: серым действиям здесь нужна роль «%2». Если они вам нужны, обратитесь к администратору.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roles.py" line="36"/>
        <source>Signed in as %1: the greyed-out actions here need the %2 or %3 role. Ask an administrator if you need them.</source>
        <translation>Вы вошли как «%1»: серым действиям здесь нужна роль «%2» или «%3». Если они вам нужны, обратитесь к администратору.</translation>
    </message>
</context>
<context>
    <name>RowCounts</name>
    <message>
        <location filename="../../ui/pages/base.py" line="433"/>
        <source>%1+ rows</source>
        <translation>более %1 строк</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/base.py" line="434"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n строка</numerusform>
            <numerusform>%n строки</numerusform>
            <numerusform>%n строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/base.py" line="437"/>
        <source>Exported %n row(s)</source>
        <translation>
            <numerusform>Экспортирована %n строка</numerusform>
            <numerusform>Экспортировано %n строки</numerusform>
            <numerusform>Экспортировано %n строк</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulerJobs</name>
    <message>
        <location filename="../../ui/pages/words.py" line="124"/>
        <source>janitor</source>
        <translation>уборка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="125"/>
        <source>renewals</source>
        <translation>продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="126"/>
        <source>retries</source>
        <translation>повторы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="127"/>
        <source>reminders</source>
        <translation>напоминания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="128"/>
        <source>monitoring</source>
        <translation>мониторинг</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="129"/>
        <source>backups</source>
        <translation>резервные копии</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="130"/>
        <source>customer notices</source>
        <translation>уведомления клиентам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="138"/>
        <source>top-ups</source>
        <translation>пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="139"/>
        <source>refunds</source>
        <translation>возвраты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="140"/>
        <source>due</source>
        <translation>к сроку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="141"/>
        <source>renewed</source>
        <translation>продлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="142"/>
        <source>waiting for funds</source>
        <translation>ждут средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="143"/>
        <source>expired</source>
        <translation>истекло</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="144"/>
        <source>errors</source>
        <translation>ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="145"/>
        <source>charged</source>
        <translation>списано</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="146"/>
        <source>owed</source>
        <translation>в долг</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="147"/>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="148"/>
        <source>rescheduled</source>
        <translation>перенесено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="149"/>
        <source>to manual</source>
        <translation>на ручной разбор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="150"/>
        <source>deferred</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="151"/>
        <source>reconciled</source>
        <translation>сверено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="152"/>
        <source>checked</source>
        <translation>проверено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="153"/>
        <source>reminded</source>
        <translation>напомнено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="154"/>
        <source>short of a coming renewal</source>
        <translation>без средств на ближайшее продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="155"/>
        <source>alert</source>
        <translation>тревога</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="156"/>
        <source>gateway</source>
        <translation>шлюз</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="157"/>
        <source>result</source>
        <translation>итог</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="158"/>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="159"/>
        <source>size in bytes</source>
        <translation>размер в байтах</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="160"/>
        <source>seconds</source>
        <translation>секунд</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="161"/>
        <source>older backups deleted</source>
        <translation>удалено старых копий</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="162"/>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="163"/>
        <source>automatic top-ups charged</source>
        <translation>автопополнений списано</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="164"/>
        <source>automatic top-ups waiting for the gateway</source>
        <translation>автопополнений ждут платёжный шлюз</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="165"/>
        <source>automatic top-ups declined</source>
        <translation>автопополнений отклонено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="166"/>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="167"/>
        <source>to retry</source>
        <translation>к повтору</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="168"/>
        <source>failed</source>
        <translation>не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="169"/>
        <source>not sent (no email)</source>
        <translation>без отправки (клиент отказался от писем)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="170"/>
        <source>interrupted sends restarted</source>
        <translation>прерванные отправки возобновлены</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="171"/>
        <source>mail server set</source>
        <translation>почтовый сервер задан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="179"/>
        <source>healthy</source>
        <translation>в порядке</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="180"/>
        <source>outage</source>
        <translation>сбой</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="181"/>
        <source>probing</source>
        <translation>проверка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="190"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="191"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="201"/>
        <source>daily backups are turned off</source>
        <translation>ежедневное копирование отключено</translation>
    </message>
</context>
<context>
    <name>SchedulerJobsModel</name>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="128"/>
        <source>this desk</source>
        <translation>это рабочее место</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="132"/>
        <source>%1, process %2</source>
        <translation>%1, процесс %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="151"/>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="152"/>
        <source>Last run (UTC)</source>
        <translation>Последний запуск (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="153"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="154"/>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="155"/>
        <source>Next run (UTC)</source>
        <translation>Следующий запуск (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="156"/>
        <source>Running</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="157"/>
        <source>Lease owner</source>
        <translation>Владелец блокировки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="188"/>
        <source>paused</source>
        <translation>приостановлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="190"/>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="196"/>
        <source>%1, which has ended (held since %2); the next run takes over</source>
        <translation>%1 — процесс завершился (держал задачу с %2); следующий запуск перехватит её</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="201"/>
        <source>%1 since %2</source>
        <translation>%1 с %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="216"/>
        <source>Lease held by instance %s</source>
        <translation>Блокировку держит экземпляр %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="202"/>
        <source>free (last: %s)</source>
        <translation>свободна (последний: %s)</translation>
    </message>
</context>
<context>
    <name>SchedulerPage</name>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="120"/>
        <source>nothing to do</source>
        <translation>нечего делать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="42"/>
        <source>Scheduler</source>
        <translation>Планировщик</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="59"/>
        <location filename="../../ui/pages/scheduler_page.py" line="360"/>
        <source>Run now</source>
        <translation>Запустить сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="61"/>
        <location filename="../../ui/pages/scheduler_page.py" line="335"/>
        <source>Pause all jobs…</source>
        <translation>Приостановить все задания…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="63"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="90"/>
        <source>Renew them all…</source>
        <translation>Продлить все…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="119"/>
        <source>Scheduler events seen by this window appear here.</source>
        <translation>Здесь появляются события планировщика, полученные этим окном.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="145"/>
        <source>Recent events</source>
        <translation>Последние события</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="233"/>
        <source>The scheduler is not running in this window.</source>
        <translation>В этом окне планировщик не запущен.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="235"/>
        <source>The jobs below are paused.</source>
        <translation>Задания ниже приостановлены.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="237"/>
        <source>The table shows what the instance that last ran each job recorded.</source>
        <translation>В таблице показано то, что записал экземпляр, последним выполнявший каждое задание.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="241"/>
        <source>Paused: no job runs on its timer until the scheduler is resumed.</source>
        <translation>Приостановлен: задания не запускаются по расписанию, пока планировщик не будет возобновлён.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="244"/>
        <source>Running: jobs run on their timers in this window.</source>
        <translation>Работает: задания запускаются по расписанию в этом окне.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="265"/>
        <source>Renewals held: %s</source>
        <translation>Продления задержаны: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="290"/>
        <source>Could not read the job states: %s</source>
        <translation>Не удалось прочитать состояние заданий: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="295"/>
        <source>started</source>
        <translation>запущено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="296"/>
        <source>finished</source>
        <translation>завершено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="297"/>
        <source>FAILED</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="298"/>
        <source>scheduler paused</source>
        <translation>планировщик приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="299"/>
        <source>scheduler resumed</source>
        <translation>планировщик возобновлён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="300"/>
        <source>scheduler stopped</source>
        <translation>планировщик остановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="329"/>
        <source>The scheduler is not running in this window</source>
        <translation>В этом окне планировщик не запущен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="335"/>
        <source>Resume all jobs…</source>
        <translation>Возобновить все задания…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="340"/>
        <source>Select a job</source>
        <translation>Выберите задание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="354"/>
        <source>Run a job now</source>
        <translation>Запуск задания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="356"/>
        <source>Run the %s job now instead of waiting for its timer. It does exactly what its scheduled run would do.</source>
        <translation>Запустить задание %s сейчас, не дожидаясь расписания. Оно сделает ровно то же, что и плановый запуск.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="366"/>
        <source>Running the %s job…</source>
        <translation>Выполняется задание %s…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="377"/>
        <source>The %s job was handed to the scheduler; it runs in a moment.</source>
        <translation>Задание %s передано планировщику и скоро будет выполнено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="387"/>
        <source>The %1 job failed: %2</source>
        <translation>Задание %1 завершилось ошибкой: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="393"/>
        <source>The %1 job finished: %2</source>
        <translation>Задание %1 выполнено: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="395"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="409"/>
        <source>Pause the scheduler</source>
        <translation>Приостановка планировщика</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="411"/>
        <source>Stop renewals, retries, reminders and monitoring from running on their timers, in every app and worker sharing this database, until someone resumes them. Run now still works.</source>
        <translation>Остановить запуск продлений, повторов, напоминаний и мониторинга по расписанию во всех приложениях и фоновых процессах, использующих эту базу данных, пока их не возобновят. Кнопка «Запустить сейчас» продолжит работать.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="415"/>
        <source>Pause</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="420"/>
        <source>Resume the scheduler</source>
        <translation>Возобновление планировщика</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="422"/>
        <source>Let the jobs run on their timers again; runs that fell due while paused are caught up at once.</source>
        <translation>Снова запускать задания по расписанию; запуски, пропущенные во время паузы, будут выполнены сразу.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="425"/>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="434"/>
        <source>Scheduler paused</source>
        <translation>Планировщик приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="434"/>
        <source>Scheduler resumed</source>
        <translation>Планировщик возобновлён</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/pages/settings_form.py" line="162"/>
        <source>a value is needed</source>
        <translation>требуется значение</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="56"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="83"/>
        <source>Payment gateway API key</source>
        <translation>API-ключ платёжного шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="84"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="94"/>
        <source>Paste a new key (%s…)</source>
        <translation>Вставьте новый ключ (%s…)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="96"/>
        <location filename="../../ui/pages/settings_page.py" line="287"/>
        <source>Save key</source>
        <translation>Сохранить ключ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="106"/>
        <source>The key is kept in the system keyring, never in the database or the log. It is not shown again once saved.</source>
        <translation>Ключ хранится в системном хранилище ключей, а не в базе данных или журнале. После сохранения он больше не показывается.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="124"/>
        <source>Billing, reminders and alerts</source>
        <translation>Биллинг, напоминания и оповещения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="127"/>
        <source>Daily renewal time (HH:MM, UTC)</source>
        <translation>Время ежедневного продления (ЧЧ:ММ, UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="127"/>
        <source>for example 02:00</source>
        <translation>например 02:00</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="130"/>
        <source>Periods one pass may charge a subscription unasked</source>
        <translation>Периодов, которые проход списывает с подписки без вопроса</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="131"/>
        <source>1–1000; past it the pass holds the subscription until an operator allows the catch-up</source>
        <translation>1–1000; сверх этого проход задерживает подписку, пока оператор не разрешит доплату</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="133"/>
        <source>Remind this many days before a period ends</source>
        <translation>За сколько дней до конца периода напоминать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="134"/>
        <source>Default grace days</source>
        <translation>Льготных дней по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="135"/>
        <source>Alert when unresolved errors exceed</source>
        <translation>Оповещать, если нерешённых ошибок больше</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="138"/>
        <source>Retry pass every (minutes)</source>
        <translation>Повтор ошибок каждые (минут)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="139"/>
        <source>1–1440; a running scheduler picks it up when it restarts</source>
        <translation>1–1440; работающий планировщик применит значение после перезапуска</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="143"/>
        <source>Tell a customer this many days before a renewal their wallet cannot pay</source>
        <translation>За сколько дней до продления сообщать клиенту, что на кошельке не хватает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="148"/>
        <source>Tell a customer when their balance falls below</source>
        <translation>Сообщать клиенту, когда баланс опускается ниже</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="149"/>
        <source>cents per currency, like {&quot;USD&quot;: 500}; empty: never</source>
        <translation>в центах по валютам, например {&quot;USD&quot;: 500}; пусто — никогда</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="153"/>
        <source>Daily backups kept</source>
        <translation>Хранить ежедневных резервных копий</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="154"/>
        <source>0–365; 0 turns the daily backup off</source>
        <translation>0–365; 0 отключает ежедневное копирование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="158"/>
        <source>Archive read notifications after (days)</source>
        <translation>Прочитанные уведомления в архив через (дней)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="159"/>
        <source>1–3650; archived ones stay under Notifications → Show: Archived</source>
        <translation>1–3650; архивные остаются в «Уведомления» → «Показать: Архив»</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="163"/>
        <source>&quot;Remember me&quot; signs in without a password for (days)</source>
        <translation>«Запомнить меня» входит без пароля (дней)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="164"/>
        <source>1–365; counted again from each use; never for administrators</source>
        <translation>1–365; отсчёт заново с каждого входа; не для администраторов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="170"/>
        <source>Save settings…</source>
        <translation>Сохранить настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="173"/>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="185"/>
        <source>This desktop</source>
        <translation>Это рабочее место</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="193"/>
        <source>A new language applies after the app is restarted.</source>
        <translation>Новый язык применится после перезапуска приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="198"/>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="199"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="200"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="208"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="210"/>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="235"/>
        <source>A key is set.</source>
        <translation>Ключ задан.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="237"/>
        <source>No key is set; this demo database uses a published test key.</source>
        <translation>Ключ не задан; эта демо-база использует общедоступный тестовый ключ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="239"/>
        <source>No key is set: top-ups and refunds fail until an admin sets one.</source>
        <translation>Ключ не задан: пополнения и возвраты не будут проходить, пока администратор его не задаст.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="242"/>
        <source>There is no usable system keyring, so secrets are kept for this session only.</source>
        <translation>Системное хранилище ключей недоступно, поэтому секреты хранятся только до конца сеанса.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="264"/>
        <source>Enter the new key first.</source>
        <translation>Сначала введите новый ключ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="266"/>
        <source>A key is one word of at most %d characters.</source>
        <translation>Ключ — одно слово длиной не более %d символов.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="268"/>
        <source>The simulated gateway accepts only test keys, which start with %s.</source>
        <translation>Имитируемый шлюз принимает только тестовые ключи, начинающиеся с %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="281"/>
        <source>Gateway API key</source>
        <translation>API-ключ шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="283"/>
        <source>Replace the key this app uses for charges and refunds. Every later gateway call from this desk uses the new key.</source>
        <translation>Заменить ключ, который приложение использует для списаний и возвратов. Все последующие вызовы шлюза с этого рабочего места будут использовать новый ключ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="304"/>
        <source>The key was saved in the system keyring.</source>
        <translation>Ключ сохранён в системном хранилище ключей.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="305"/>
        <source>Gateway API key saved in the system keyring</source>
        <translation>API-ключ шлюза сохранён в системном хранилище ключей</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="308"/>
        <source>There is no usable system keyring, so the key is kept for this session only and will be forgotten when the app quits.</source>
        <translation>Системное хранилище ключей недоступно, поэтому ключ сохранён только на этот сеанс и будет забыт при выходе из приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="313"/>
        <source>Gateway API key kept for this session only</source>
        <translation>API-ключ шлюза сохранён только на этот сеанс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="339"/>
        <source>Nothing to save: no setting was changed</source>
        <translation>Нечего сохранять: ни одна настройка не изменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="341"/>
        <source>Change these settings for every desk and worker that shares this database:</source>
        <translation>Изменить эти настройки для всех рабочих мест и фоновых процессов, использующих эту базу данных:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="344"/>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="347"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/settings_page.py" line="355"/>
        <source>%n setting(s) saved</source>
        <translation>
            <numerusform>Сохранена %n настройка</numerusform>
            <numerusform>Сохранено %n настройки</numerusform>
            <numerusform>Сохранено %n настроек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="371"/>
        <source>The language changes when the app is restarted</source>
        <translation>Язык сменится после перезапуска приложения</translation>
    </message>
</context>
<context>
    <name>Severities</name>
    <message>
        <location filename="../../ui/pages/words.py" line="113"/>
        <source>info</source>
        <translation>информация</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="114"/>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="115"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
</context>
<context>
    <name>Subjects</name>
    <message>
        <location filename="../../ui/pages/words.py" line="275"/>
        <source>customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="276"/>
        <source>wallet</source>
        <translation>кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="277"/>
        <source>top-up</source>
        <translation>пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="278"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="279"/>
        <source>subscription</source>
        <translation>подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="280"/>
        <source>plan</source>
        <translation>тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="281"/>
        <source>feature</source>
        <translation>функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="282"/>
        <source>invoice</source>
        <translation>счёт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="283"/>
        <source>ledger entry</source>
        <translation>запись журнала</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="284"/>
        <source>error item</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="285"/>
        <source>notification</source>
        <translation>уведомление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="286"/>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="287"/>
        <source>job</source>
        <translation>задание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="288"/>
        <source>scheduler</source>
        <translation>планировщик</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="289"/>
        <source>settings</source>
        <translation>настройки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="290"/>
        <source>secret</source>
        <translation>секрет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="291"/>
        <source>system</source>
        <translation>система</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="292"/>
        <source>renewal pass</source>
        <translation>прогон продлений</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="293"/>
        <source>customer notice</source>
        <translation>уведомление клиенту</translation>
    </message>
</context>
<context>
    <name>SubscriptionEvents</name>
    <message>
        <location filename="../../ui/pages/words.py" line="467"/>
        <source>subscribed</source>
        <translation>оформлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="468"/>
        <source>subscribed again</source>
        <translation>оформлена заново</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="469"/>
        <source>renewed</source>
        <translation>продлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="470"/>
        <source>renewal short of funds</source>
        <translation>на продление не хватило средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="471"/>
        <source>funds arrived</source>
        <translation>средства поступили</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="472"/>
        <source>grace days passed</source>
        <translation>льготные дни прошли</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="473"/>
        <source>canceled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="474"/>
        <source>reinstated</source>
        <translation>восстановлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="475"/>
        <source>waiting for funds again</source>
        <translation>снова ждёт средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="476"/>
        <source>period ended</source>
        <translation>период закончился</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="477"/>
        <source>plan changed</source>
        <translation>тариф сменён</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="148"/>
        <source>Customer name or email; #id for one subscription</source>
        <translation>Имя или эл. почта клиента; #id — одна подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="137"/>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="151"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="151"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="153"/>
        <location filename="../../ui/pages/subscriptions_models.py" line="273"/>
        <source>Plan</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="153"/>
        <source>All plans</source>
        <translation>Все тарифы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="154"/>
        <source>Renews within 7 days</source>
        <translation>Продление в ближайшие 7 дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="156"/>
        <source>Cancel…</source>
        <translation>Отменить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="157"/>
        <source>Reinstate…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="158"/>
        <source>Change plan…</source>
        <translation>Сменить тариф…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="159"/>
        <source>Record usage…</source>
        <translation>Учесть использование…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="216"/>
        <source>Select one subscription</source>
        <translation>Выберите одну подписку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="222"/>
        <source>Select a subscription to see its history.</source>
        <translation>Выберите подписку, чтобы увидеть её историю.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="248"/>
        <source>Turn auto-renew off for subscription #%d (%s, %s). Its renewal is waiting for funds; it moves from pending renewal to canceled: a later top-up no longer renews it, and it ends at the grace deadline on %s. It can be reinstated until then.</source>
        <translation>Отключить автопродление подписки #%d (%s, %s). Её продление ожидает средств; она перейдёт из статуса «ожидает продления» в «отменена»: последующее пополнение её больше не продлит, и она закончится по истечении льготного периода (%s). До этого момента её можно восстановить.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="259"/>
        <source>Cancel subscription</source>
        <translation>Отменить подписку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="254"/>
        <source>Turn auto-renew off for subscription #%d (%s, %s). It moves from active to canceled; the customer keeps access until the paid period ends on %s, then it expires. It can be reinstated until then.</source>
        <translation>Отключить автопродление подписки #%d (%s, %s). Она перейдёт из статуса «активна» в «отменена»; клиент сохранит доступ до конца оплаченного периода (%s), после чего подписка истечёт. До этого момента её можно восстановить.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="267"/>
        <source>Subscription #%d canceled</source>
        <translation>Подписка #%d отменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="287"/>
        <source>Reinstate subscription</source>
        <translation>Восстановление подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="284"/>
        <source>Turn auto-renew back on for subscription #%d (%s, %s). It moves from canceled to active and renews from the wallet when the period ends on %s.</source>
        <translation>Снова включить автопродление подписки #%d (%s, %s). Она перейдёт из статуса «отменена» в «активна» и будет продлена из кошелька по окончании периода (%s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="175"/>
        <source>Double-click a subscription to open its customer&apos;s page</source>
        <translation>Дважды щёлкните подписку, чтобы открыть карточку её клиента</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="262"/>
        <source>Keep subscription</source>
        <translation>Оставить подписку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="278"/>
        <source>Turn auto-renew back on for subscription #%d (%s, %s). It was canceled while its renewal was waiting for funds: it goes back to waiting for funds (pending renewal), renews as soon as the wallet can pay, and expires at the grace deadline on %s if it cannot.</source>
        <translation>Снова включить автопродление подписки #%d (%s, %s). Она была отменена, когда её продление ожидало средств: она снова будет ожидать средств (статус «ожидает продления»), продлится, как только кошелёк сможет оплатить, а если не сможет — истечёт по окончании льготного периода (%s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="287"/>
        <source>Reinstate</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="292"/>
        <source>Subscription #%d reinstated</source>
        <translation>Подписка #%d восстановлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="308"/>
        <source>There is no other active %s plan to move to.</source>
        <translation>Нет другого активного тарифа в %s, на который можно перейти.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="323"/>
        <location filename="../../ui/pages/subscriptions.py" line="332"/>
        <source>Change plan</source>
        <translation>Сменить тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="324"/>
        <source>Move subscription #%d of %s from %s to another plan now (wallet balance %s).</source>
        <translation>Перевести подписку #%d клиента %s с тарифа %s на другой тариф сейчас (баланс кошелька %s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="331"/>
        <source>New plan</source>
        <translation>Новый тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="331"/>
        <source>Settlement</source>
        <translation>Перерасчёт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="344"/>
        <source>Subscription #%d moved to %s</source>
        <translation>Подписка #%d переведена на тариф %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="359"/>
        <source>Plan %s has no metered features.</source>
        <translation>В тарифе %s нет функций с учётом использования.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="364"/>
        <source>used %s</source>
        <translation>использовано %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="366"/>
        <source> of %s</source>
        <translation> из %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="368"/>
        <source>, turned off</source>
        <translation>, выключена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="376"/>
        <source>Record usage</source>
        <translation>Учёт использования</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="378"/>
        <source>Meter usage for subscription #%d (%s, plan %s). Quota and rate limits are checked; priced usage is charged at the next renewal.</source>
        <translation>Учесть использование по подписке #%d (%s, тариф %s). Квота и ограничения частоты проверяются; платное использование оплачивается при следующем продлении.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="383"/>
        <location filename="../../ui/pages/subscriptions_models.py" line="223"/>
        <source>Feature</source>
        <translation>Функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="383"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="384"/>
        <source>Record</source>
        <translation>Учесть</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="393"/>
        <source>Recorded %s × %s; %s used this period</source>
        <translation>Учтено %s × %s; за период использовано %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="399"/>
        <source>, %s left</source>
        <translation>, осталось %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="401"/>
        <source>, %s to charge at renewal</source>
        <translation>, к оплате при продлении %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="18"/>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="19"/>
        <source>pending renewal</source>
        <translation>ожидает продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="20"/>
        <source>canceled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="21"/>
        <source>expired</source>
        <translation>истекла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="160"/>
        <source>moved to another plan</source>
        <translation>переведена на другой тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="159"/>
        <source>Only an active subscription can be %s; this one is %s.</source>
        <translation>Только активная подписка может быть %s; у этой статус «%s».</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="155"/>
        <source>Only an active subscription or one waiting for funds can be canceled; this one is %s.</source>
        <translation>Отменить можно только активную подписку или ожидающую средств; у этой статус «%s».</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="163"/>
        <source>Only a canceled subscription can be reinstated; this one is %s.</source>
        <translation>Восстановить можно только отменённую подписку; у этой статус «%s».</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="147"/>
        <source>It was canceled while waiting for funds and its grace days have passed; subscribe the customer again instead.</source>
        <translation>Она была отменена в ожидании средств, и льготный период уже прошёл; вместо этого оформите подписку заново.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="153"/>
        <source>The paid period has ended; subscribe the customer again instead.</source>
        <translation>Оплаченный период закончился; вместо этого оформите клиенту новую подписку.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="188"/>
        <source>Subscription</source>
        <translation>Подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="188"/>
        <source>auto-renew</source>
        <translation>автопродление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="189"/>
        <source>on</source>
        <translation>вкл.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="189"/>
        <location filename="../../ui/pages/subscriptions_models.py" line="195"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="190"/>
        <source>period</source>
        <translation>период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="190"/>
        <source>pending since</source>
        <translation>ожидает с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="191"/>
        <source>Features</source>
        <translation>Функции</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="192"/>
        <source>granted</source>
        <translation>доступны</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="192"/>
        <source>not granted</source>
        <translation>недоступны</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="193"/>
        <source>grace</source>
        <translation>льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="193"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="194"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="194"/>
        <source>wallet</source>
        <translation>кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="195"/>
        <source>balance</source>
        <translation>баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="209"/>
        <source>Usage this period</source>
        <translation>Использование за период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="224"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="225"/>
        <source>Used</source>
        <translation>Использовано</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="226"/>
        <source>Limit</source>
        <translation>Лимит</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="227"/>
        <source>Left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="230"/>
        <source>Charge so far</source>
        <translation>Начислено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="231"/>
        <source>The plan grants no features.</source>
        <translation>Тариф не даёт функций.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="232"/>
        <source>Timeline</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="248"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="249"/>
        <source>From → to</source>
        <translation>Из → в</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="250"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="251"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="252"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="255"/>
        <source>No events.</source>
        <translation>Событий нет.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="258"/>
        <source>Charges</source>
        <translation>Списания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="272"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="274"/>
        <source>Usage</source>
        <translation>Использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="275"/>
        <source>Ledger entry</source>
        <translation>Запись журнала</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="276"/>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="279"/>
        <source>No charges.</source>
        <translation>Списаний нет.</translation>
    </message>
</context>
<context>
    <name>SubscriptionsTableModel</name>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="41"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="42"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="43"/>
        <source>Plan</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="44"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="47"/>
        <source>Auto-renew</source>
        <translation>Автопродление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="49"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="49"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="52"/>
        <source>Period end</source>
        <translation>Конец периода</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="56"/>
        <source>Pending since</source>
        <translation>Ожидает с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="60"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../ui/pages/base.py" line="466"/>
        <source>Search…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="478"/>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="706"/>
        <source>Export to CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="706"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../ui/tray.py" line="175"/>
        <source>Open Subscriptions Admin</source>
        <translation>Открыть Subscriptions Admin</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="176"/>
        <source>Run renewals now</source>
        <translation>Выполнить продления сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="177"/>
        <location filename="../../ui/tray.py" line="320"/>
        <source>Pause scheduler…</source>
        <translation>Приостановить планировщик…</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="179"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="190"/>
        <source>Subscriptions Admin</source>
        <translation>Subscriptions Admin</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="204"/>
        <source>Subscriptions Admin — %n unread</source>
        <translation>
            <numerusform>Subscriptions Admin — %n непрочитанное</numerusform>
            <numerusform>Subscriptions Admin — %n непрочитанных</numerusform>
            <numerusform>Subscriptions Admin — %n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="206"/>
        <location filename="../../ui/tray.py" line="284"/>
        <source>The database cannot be written</source>
        <translation>Базу данных нельзя записать</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="287"/>
        <source>The database can be written again</source>
        <translation>Базу данных снова можно записывать</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="288"/>
        <source>Waiting work goes on at the next run.</source>
        <translation>Отложенная работа продолжится при следующем запуске.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="314"/>
        <source>%n notification(s) in all</source>
        <translation>
            <numerusform>всего %n уведомление</numerusform>
            <numerusform>всего %n уведомления</numerusform>
            <numerusform>всего %n уведомлений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="315"/>
        <source>Latest: %s</source>
        <translation>Последнее: %s</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="320"/>
        <source>Resume scheduler…</source>
        <translation>Возобновить планировщик…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188"/>
        <location filename="../../ui/app.py" line="189"/>
        <source>The scheduler is not running in this window</source>
        <translation>В этом окне планировщик не запущен</translation>
    </message>
</context>
<context>
    <name>WalletLedgerTableModel</name>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="135"/>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="136"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="137"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="140"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="147"/>
        <source>Balance after</source>
        <translation>Баланс после</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="152"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="154"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="158"/>
        <source>Reference</source>
        <translation>Основание</translation>
    </message>
</context>
<context>
    <name>WalletsPage</name>
    <message>
        <location filename="../../ui/pages/wallets.py" line="55"/>
        <source>Customer name, email or id; #id for one wallet</source>
        <translation>Имя, эл. почта или ID клиента; #id — один кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="44"/>
        <source>Wallets &amp; ledger</source>
        <translation>Кошельки и журнал</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="58"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="58"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="61"/>
        <source>Refund top-up…</source>
        <translation>Вернуть пополнение…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="62"/>
        <source>Adjust balance…</source>
        <translation>Скорректировать баланс…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="91"/>
        <location filename="../../ui/pages/wallets.py" line="137"/>
        <source>Ledger</source>
        <translation>Журнал операций</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="96"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="102"/>
        <source>Refund charge…</source>
        <translation>Вернуть списание…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="106"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="110"/>
        <source>Export ledger…</source>
        <translation>Экспорт журнала…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="118"/>
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="133"/>
        <source>Select a wallet</source>
        <translation>Выберите кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="136"/>
        <source>Select a wallet to see its ledger.</source>
        <translation>Выберите кошелёк, чтобы увидеть его журнал операций.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="159"/>
        <source>Export the ledger to CSV</source>
        <translation>Экспорт журнала операций в CSV</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="159"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="166"/>
        <source>Exported %n ledger entry(s)</source>
        <translation>
            <numerusform>Экспортирована %n запись журнала</numerusform>
            <numerusform>Экспортировано %n записи журнала</numerusform>
            <numerusform>Экспортировано %n записей журнала</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="183"/>
        <source>Select a renewal, usage or plan-change charge in the ledger</source>
        <translation>Выберите в журнале списание за продление, использование или смену тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="186"/>
        <source>Only renewal, usage and plan-change charges can be refunded into the wallet; refund a top-up to the card with Refund top-up…</source>
        <translation>В кошелёк можно вернуть только списания за продление, использование и смену тарифа; пополнение возвращается на карту кнопкой Вернуть пополнение…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="218"/>
        <source>Nothing is left to refund of charge #%d: %s was paid on invoice %s and %s of it has been credited already (refunds and plan-change credits).</source>
        <translation>По списанию #%d возвращать больше нечего: оплачено %s по счёту %s, и %s из этого уже возвращено (возвраты и зачёты при смене тарифа).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="227"/>
        <source>Give back part or all of %s charge #%d (%s, %s) into the wallet, as a credit note against invoice %s. Paid on that invoice: %s; credited against it so far (refunds and plan-change credits): %s. At most %s is left to refund.</source>
        <translation>Вернуть в кошелёк часть или всё списание (%s) #%d (%s, %s) кредит-нотой по счёту %s. Оплачено по этому счёту: %s; уже возвращено по нему (возвраты и зачёты при смене тарифа): %s. Вернуть можно не более %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="261"/>
        <source>Refunded %s of charge #%d into the wallet, a credit note against invoice %s</source>
        <translation>В кошелёк возвращено %s списания #%d, кредит-нотой по счёту %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="377"/>
        <source>The refund did not go through yet: %s. The %s left the wallet and is queued for retry with the same key, so the card is never paid twice.</source>
        <translation>Возврат пока не прошёл: %s. Сумма %s списана с кошелька и поставлена в очередь на повтор с тем же ключом, поэтому на карту она никогда не поступит дважды.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="216"/>
        <location filename="../../ui/pages/wallets.py" line="242"/>
        <source>Refund charge</source>
        <translation>Возврат списания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="79"/>
        <source>Double-click a wallet to open its customer&apos;s page</source>
        <translation>Дважды щёлкните кошелёк, чтобы открыть карточку его клиента</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="141"/>
        <source>Ledger of %s (%s)</source>
        <translation>Журнал: %s (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="244"/>
        <source>Amount (%s, at most %s)</source>
        <translation>Сумма (%s, не более %s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="245"/>
        <source>Refund into wallet</source>
        <translation>Вернуть в кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="250"/>
        <source>At most %s of this charge is left to refund.</source>
        <translation>По этому списанию можно вернуть не более %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="290"/>
        <location filename="../../ui/pages/wallets.py" line="331"/>
        <location filename="../../ui/pages/wallets.py" line="382"/>
        <source>Refund top-up</source>
        <translation>Возврат пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="291"/>
        <source>Wallet #%d has no paid top-up with anything left to refund.</source>
        <translation>В кошельке #%d нет оплаченных пополнений, по которым можно что-то вернуть.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="298"/>
        <source>#%d — %s on %s, %s left</source>
        <translation>#%d — %s от %s, осталось %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="318"/>
        <source>At most %s can go back to the card</source>
        <translation>На карту можно вернуть не более %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="320"/>
        <source> (%s is left of this top-up, but the wallet holds only %s)</source>
        <translation> (от этого пополнения осталось %s, но в кошельке только %s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="333"/>
        <source>Send money from a paid top-up back to the card of %s. The wallet (balance %s) pays it at once; if the card processor refuses, the amount comes back into the wallet.</source>
        <translation>Вернуть деньги оплаченного пополнения на карту клиента %s. Сумма сразу списывается из кошелька (баланс %s); если процессинг карты откажет, сумма вернётся в кошелёк.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="337"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="337"/>
        <location filename="../../ui/pages/wallets.py" line="403"/>
        <source>Amount (%s)</source>
        <translation>Сумма (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="338"/>
        <source>Refund to card</source>
        <translation>Вернуть на карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="339"/>
        <source>Sending the refund to the card…</source>
        <translation>Отправка возврата на карту…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="346"/>
        <source>At most %s can be refunded from this top-up now.</source>
        <translation>Сейчас по этому пополнению можно вернуть не более %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="354"/>
        <source>Sending the refund of top-up #%d to the card…</source>
        <translation>Отправка возврата пополнения #%d на карту…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="368"/>
        <source>The refund of %s was sent to the card.</source>
        <translation>Возврат %s отправлен на карту.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="370"/>
        <source>The card processor refused the refund of %s (%s); the amount is back in the wallet.</source>
        <translation>Процессинг карты отклонил возврат %s (%s); сумма возвращена в кошелёк.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="394"/>
        <source>e.g. 10.00 to credit, -2.50 to debit</source>
        <translation>например 10.00 — зачислить, -2.50 — списать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="397"/>
        <source>Adjust balance</source>
        <translation>Корректировка баланса</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="399"/>
        <source>Correct the balance of wallet #%d (%s, %s) by a signed amount. The adjustment is a ledger entry of its own; the balance can never go below zero.</source>
        <translation>Скорректировать баланс кошелька #%d (%s, %s) на сумму со знаком. Корректировка записывается в журнал операций отдельной записью; баланс не может стать отрицательным.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="404"/>
        <source>Adjust</source>
        <translation>Скорректировать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="411"/>
        <source>The wallet holds %s; it cannot go below zero.</source>
        <translation>В кошельке %s; баланс не может стать отрицательным.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="423"/>
        <source>Wallet #%d adjusted by %s; balance now %s</source>
        <translation>Баланс кошелька #%d скорректирован на %s; теперь %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="116"/>
        <source>top-up</source>
        <translation>пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="117"/>
        <source>renewal</source>
        <translation>продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="118"/>
        <source>usage</source>
        <translation>использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="119"/>
        <source>plan change</source>
        <translation>смена тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="121"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="120"/>
        <source>plan-change credit</source>
        <translation>зачёт при смене тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="122"/>
        <source>adjustment</source>
        <translation>корректировка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="123"/>
        <source>reversal</source>
        <translation>сторно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="196"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="196"/>
        <source>customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="197"/>
        <source>Balance</source>
        <translation>Баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="197"/>
        <source>opened</source>
        <translation>открыт</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="148"/>
        <source>%n ledger entries</source>
        <translation>
            <numerusform>%n запись в журнале</numerusform>
            <numerusform>%n записи в журнале</numerusform>
            <numerusform>%n записей в журнале</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="198"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="206"/>
        <source>Owes %s on its invoices; the next top-up pays it first.</source>
        <translation>Долг по счетам: %s; следующее пополнение сначала погасит его.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="211"/>
        <source>Refunds not settled yet</source>
        <translation>Незавершённые возвраты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="218"/>
        <source>Recent top-ups</source>
        <translation>Последние пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="219"/>
        <source>refunded</source>
        <translation>возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="228"/>
        <source>Subscriptions paid from this wallet</source>
        <translation>Подписки, оплачиваемые из этого кошелька</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="229"/>
        <source>period ends</source>
        <translation>период до</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="36"/>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="37"/>
        <source>processing</source>
        <translation>обрабатывается</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="38"/>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="39"/>
        <source>failed</source>
        <translation>не прошло</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="40"/>
        <source>retrying</source>
        <translation>повторяется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="41"/>
        <source>manual review</source>
        <translation>ручная проверка</translation>
    </message>
</context>
<context>
    <name>WalletsTableModel</name>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="63"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="66"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="70"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="73"/>
        <source>Balance</source>
        <translation>Баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="79"/>
        <source>Last movement</source>
        <translation>Последнее движение</translation>
    </message>
</context>
<context>
    <name>Windows</name>
    <message>
        <location filename="../../ui/pages/words.py" line="498"/>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="498"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="499"/>
        <source>hour</source>
        <translation>час</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="499"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="500"/>
        <source>minute</source>
        <translation>минуту</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="500"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минута</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="506"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунда</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
</context>
</TS>

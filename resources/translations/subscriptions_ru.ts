<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../ui/pages/audit.py" line="30"/>
        <source>Created a customer</source>
        <translation>Создан клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="31"/>
        <source>Edited a customer</source>
        <translation>Изменён клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="32"/>
        <source>Topped up a wallet</source>
        <translation>Пополнен кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="33"/>
        <source>Adjusted a balance</source>
        <translation>Скорректирован баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="34"/>
        <source>Refunded a top-up</source>
        <translation>Возвращено пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="35"/>
        <source>Refunded a charge</source>
        <translation>Возвращено списание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="36"/>
        <location filename="../../ui/pages/audit.py" line="37"/>
        <source>Reconciled a payment</source>
        <translation>Сверен платёж</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="38"/>
        <source>Subscribed</source>
        <translation>Оформлена подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="39"/>
        <source>Canceled a subscription</source>
        <translation>Отменена подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="40"/>
        <source>Reinstated a subscription</source>
        <translation>Восстановлена подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="41"/>
        <source>Changed a plan</source>
        <translation>Сменён тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="42"/>
        <source>Recorded usage</source>
        <translation>Записано использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="43"/>
        <source>Ran renewals</source>
        <translation>Выполнены продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="44"/>
        <source>Retried a payment</source>
        <translation>Повторён платёж</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="45"/>
        <source>Canceled a scheduled retry</source>
        <translation>Отменён запланированный повтор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="46"/>
        <source>Escalated to manual handling</source>
        <translation>Передано на ручную обработку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="47"/>
        <source>Changed a retry strategy</source>
        <translation>Изменена стратегия повторов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="48"/>
        <source>Resolved an error item</source>
        <translation>Закрыта ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="49"/>
        <source>Created a plan</source>
        <translation>Создан тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="50"/>
        <source>Edited a plan</source>
        <translation>Изменён тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="51"/>
        <source>Changed a plan&apos;s feature</source>
        <translation>Изменена функция тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="52"/>
        <source>Created a feature</source>
        <translation>Создана функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="53"/>
        <source>Created an operator</source>
        <translation>Создан оператор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="54"/>
        <source>Changed an operator&apos;s role</source>
        <translation>Изменена роль оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="55"/>
        <source>Changed an operator</source>
        <translation>Изменён оператор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="56"/>
        <source>Changed settings</source>
        <translation>Изменены настройки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="57"/>
        <source>Changed the gateway simulation</source>
        <translation>Изменена симуляция шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="58"/>
        <source>Set the gateway API key</source>
        <translation>Задан API-ключ шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="59"/>
        <source>Ran a job now</source>
        <translation>Задание запущено вручную</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="60"/>
        <source>Paused the scheduler</source>
        <translation>Планировщик приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="61"/>
        <source>Resumed the scheduler</source>
        <translation>Планировщик возобновлён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="62"/>
        <source>Marked a notification read</source>
        <translation>Уведомление отмечено прочитанным</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="63"/>
        <source>Marked all notifications read</source>
        <translation>Все уведомления отмечены прочитанными</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="64"/>
        <source>Moved the demo clock ahead</source>
        <translation>Демо-часы переведены вперёд</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit.py" line="158"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="158"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="186"/>
        <source>by</source>
        <translation>выполнил</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="194"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="197"/>
        <source>No before/after recorded.</source>
        <translation>Состояние «до» и «после» не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="203"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="204"/>
        <source>Before</source>
        <translation>До</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="205"/>
        <source>After</source>
        <translation>После</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="247"/>
        <source>Target id, “customer #12” or reason</source>
        <translation>ID объекта, «customer #12» или причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="249"/>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="250"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="250"/>
        <location filename="../../ui/pages/audit.py" line="251"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="251"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="256"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="258"/>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="259"/>
        <source>Last day</source>
        <translation>За последние сутки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="260"/>
        <source>Last week</source>
        <translation>За последнюю неделю</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="261"/>
        <source>Last month</source>
        <translation>За последний месяц</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/audit.py" line="295"/>
        <source>%n entries selected</source>
        <translation>
            <numerusform>Выбрана %n запись</numerusform>
            <numerusform>Выбрано %n записи</numerusform>
            <numerusform>Выбрано %n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="297"/>
        <source>Select an entry to compare before and after.</source>
        <translation>Выберите запись, чтобы сравнить состояние до и после.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/pages/audit.py" line="93"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="97"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="100"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="106"/>
        <source>Target</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit.py" line="109"/>
        <source>Reason</source>
        <translation>Причина</translation>
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
        <location filename="../../ui/pages/invoices.py" line="271"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="272"/>
        <source>Issued</source>
        <translation>Выставлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="273"/>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="275"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="274"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="276"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../ui/pages/customers.py" line="48"/>
        <source>since</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="48"/>
        <source>Wallets</source>
        <translation>Кошельки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="49"/>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="49"/>
        <source>period ends</source>
        <translation>период до</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="50"/>
        <source>Recent top-ups</source>
        <translation>Последние пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="50"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="61"/>
        <source>owes %s</source>
        <translation>долг %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="92"/>
        <source>Name, email or id</source>
        <translation>Имя, email или ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="93"/>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="95"/>
        <location filename="../../ui/pages/customers.py" line="273"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="96"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="96"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="96"/>
        <source>Disabled</source>
        <translation>Отключённые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="99"/>
        <source>New customer…</source>
        <translation>Новый клиент…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="100"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="101"/>
        <source>Top up…</source>
        <translation>Пополнить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="102"/>
        <source>Subscribe…</source>
        <translation>Оформить подписку…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="120"/>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="129"/>
        <source>Double-click an invoice to see its lines, payments and credit notes.</source>
        <translation>Дважды щёлкните счёт, чтобы увидеть его строки, оплаты и кредит-ноты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="138"/>
        <location filename="../../ui/pages/customers.py" line="168"/>
        <source>Invoices</source>
        <translation>Счета</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="140"/>
        <source>Double-click a credit note to open the invoice it credits</source>
        <translation>Дважды щёлкните кредит-ноту, чтобы открыть счёт, по которому она выставлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="142"/>
        <location filename="../../ui/pages/customers.py" line="169"/>
        <source>Credit notes</source>
        <translation>Кредит-ноты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="160"/>
        <location filename="../../ui/pages/customers.py" line="163"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="160"/>
        <source>Select a customer to see their invoices.</source>
        <translation>Выберите клиента, чтобы увидеть его счета.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="163"/>
        <source>Select a customer to see their credit notes.</source>
        <translation>Выберите клиента, чтобы увидеть его кредит-ноты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="173"/>
        <source>No invoices yet: the first is issued when the customer subscribes.</source>
        <translation>Счетов пока нет: первый выставляется, когда клиент оформляет подписку.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="175"/>
        <source>No credit notes: refunds of charges and plan-change credits appear here.</source>
        <translation>Кредит-нот нет: здесь появляются возвраты списаний и зачёты при смене тарифа.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="178"/>
        <source>Invoices (%d)</source>
        <translation>Счета (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="179"/>
        <source>Credit notes (%d)</source>
        <translation>Кредит-ноты (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="182"/>
        <source>Owes %s on the invoices below; the next top-up pays it first.</source>
        <translation>Долг по счетам ниже: %s; следующее пополнение сначала погасит его.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="184"/>
        <source>Owes nothing.</source>
        <translation>Долгов нет.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="201"/>
        <source>Select one customer</source>
        <translation>Выберите одного клиента</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="203"/>
        <source>Select a customer to see the details.</source>
        <translation>Выберите клиента, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="234"/>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="235"/>
        <source>Create a customer with a USD wallet.</source>
        <translation>Создать клиента с кошельком в USD.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="237"/>
        <location filename="../../ui/pages/customers.py" line="273"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="237"/>
        <location filename="../../ui/pages/customers.py" line="273"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="255"/>
        <source>Customer %s created</source>
        <translation>Клиент %s создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="271"/>
        <source>Edit customer</source>
        <translation>Изменение клиента</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="272"/>
        <source>Change customer #%d.</source>
        <translation>Изменить клиента #%d.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="288"/>
        <source>Customer updated</source>
        <translation>Клиент изменён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="302"/>
        <source>Top up wallet</source>
        <translation>Пополнение кошелька</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="303"/>
        <source>Charge the card of %s and credit the amount to their %s wallet (balance now %s).</source>
        <translation>Списать сумму с карты клиента %s и зачислить её в кошелёк %s (сейчас на балансе %s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="306"/>
        <source>Amount (%s)</source>
        <translation>Сумма (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="307"/>
        <source>Charge card</source>
        <translation>Списать с карты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="308"/>
        <location filename="../../ui/pages/customers.py" line="315"/>
        <source>Charging the card of %s…</source>
        <translation>Списание с карты клиента %s…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="331"/>
        <source>Top-up of %s succeeded.</source>
        <translation>Пополнение на %s выполнено.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/customers.py" line="333"/>
        <source>%n pending subscription(s) renewed at once.</source>
        <translation>
            <numerusform>%n подписка, ожидавшая продления, сразу продлена.</numerusform>
            <numerusform>%n подписки, ожидавшие продления, сразу продлены.</numerusform>
            <numerusform>%n подписок, ожидавших продления, сразу продлены.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="336"/>
        <source>The card was declined: %s</source>
        <translation>Карта отклонена: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="339"/>
        <source>The top-up did not go through yet: %s. It is in the error queue and will be retried with the same key, so it can never be charged twice.</source>
        <translation>Пополнение пока не прошло: %s. Оно в очереди ошибок и будет повторено с тем же ключом, поэтому карта никогда не будет списана дважды.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="344"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="374"/>
        <source>Subscribe</source>
        <translation>Оформление подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="375"/>
        <source>Start a subscription for %s; the first period is paid from the wallet (balance %s).</source>
        <translation>Оформить подписку для клиента %s; первый период оплачивается из кошелька (баланс %s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="378"/>
        <source>Plan</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="379"/>
        <source>Subscribe and charge</source>
        <translation>Оформить и списать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="385"/>
        <source>Subscribed</source>
        <translation>Подписка оформлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="25"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="25"/>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
</context>
<context>
    <name>CustomersTableModel</name>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="28"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="29"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="30"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="31"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="33"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers_models.py" line="37"/>
        <source>Customer since</source>
        <translation>Клиент с</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="154"/>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="171"/>
        <source>Active subscriptions</source>
        <translation>Активные подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="171"/>
        <source>Open the active subscriptions</source>
        <translation>Открыть активные подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="172"/>
        <location filename="../../ui/pages/dashboard.py" line="323"/>
        <source>Pending renewal</source>
        <translation>Ждут продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="172"/>
        <source>Open the subscriptions waiting for funds</source>
        <translation>Открыть подписки, ожидающие поступления средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="174"/>
        <source>Expiring this week</source>
        <translation>Истекают на этой неделе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="175"/>
        <source>Active or canceled subscriptions whose period ends within %d days</source>
        <translation>Активные или отменённые подписки, период которых заканчивается в ближайшие %d дн.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="177"/>
        <source>Wallet float</source>
        <translation>Остатки в кошельках</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="177"/>
        <source>The sum of all wallet balances; open the wallets</source>
        <translation>Сумма балансов всех кошельков; открыть кошельки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="179"/>
        <source>Revenue this month</source>
        <translation>Выручка за месяц</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="180"/>
        <source>Renewal and usage charges this calendar month (UTC), less refunds of charges</source>
        <translation>Списания за продления и использование в текущем календарном месяце (UTC) за вычетом возвратов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="182"/>
        <source>Unresolved errors</source>
        <translation>Нерешённые ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="182"/>
        <source>Items retrying or waiting for an operator</source>
        <translation>Элементы, которые повторяются или ждут оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="184"/>
        <source>Gateway success, 24 h</source>
        <translation>Успешность шлюза, 24 ч</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="185"/>
        <source>Succeeded charges ÷ all charge attempts the gateway recorded in the last 24 hours</source>
        <translation>Успешные списания ÷ все попытки списания, записанные шлюзом за последние 24 часа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="206"/>
        <location filename="../../ui/pages/dashboard.py" line="309"/>
        <source>Revenue by day, last 30 days</source>
        <translation>Выручка по дням за последние 30 дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="207"/>
        <source>Subscriptions by status</source>
        <translation>Подписки по статусам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="208"/>
        <source>Open error items at the end of each day</source>
        <translation>Открытые элементы очереди ошибок на конец каждого дня</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="219"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="259"/>
        <source>Could not load the numbers: %s</source>
        <translation>Не удалось загрузить показатели: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="273"/>
        <source>Figures as of %s UTC</source>
        <translation>Данные на %s UTC</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="277"/>
        <source>%n subscription(s) in all</source>
        <translation>
            <numerusform>всего %n подписка</numerusform>
            <numerusform>всего %n подписки</numerusform>
            <numerusform>всего %n подписок</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="280"/>
        <source>waiting for a top-up</source>
        <translation>ожидают пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="282"/>
        <source>within %d days</source>
        <translation>в течение %d дн.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="283"/>
        <source>held in customer wallets</source>
        <translation>в кошельках клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="284"/>
        <source>since %s</source>
        <translation>с %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="287"/>
        <source>%1 retrying · %2 manual</source>
        <translation>повтор: %1 · вручную: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="294"/>
        <source>no traffic</source>
        <translation>нет операций</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="294"/>
        <source>no charges in the last 24 h</source>
        <translation>за последние 24 ч списаний не было</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="299"/>
        <source>%1 of %2 charges</source>
        <translation>%1 из %2 списаний</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="313"/>
        <source>(%s; other currencies are not drawn)</source>
        <translation>(%s; другие валюты не показаны)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="322"/>
        <source>Active</source>
        <translation>Активны</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="324"/>
        <source>Canceled</source>
        <translation>Отменены</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="325"/>
        <source>Expired</source>
        <translation>Истекли</translation>
    </message>
</context>
<context>
    <name>DemoClockGroup</name>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="159"/>
        <source>Demo clock</source>
        <translation>Демо-часы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="163"/>
        <source>Jump ahead to see renewals, pending renewals and expiries happen.</source>
        <translation>Переведите часы вперёд, чтобы увидеть продления, ожидание продления и истечение подписок.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="168"/>
        <source>+1 day</source>
        <translation>+1 день</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="168"/>
        <source>+1 week</source>
        <translation>+1 неделя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="168"/>
        <source>+1 month</source>
        <translation>+1 месяц</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="170"/>
        <source>Move the demo clock ahead, then run the renewal pass and the reminders</source>
        <translation>Перевести демо-часы вперёд, затем выполнить продления и разослать напоминания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="183"/>
        <source>Demo time: %s UTC</source>
        <translation>Демо-время: %s UTC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="189"/>
        <source>Moving the clock and renewing…</source>
        <translation>Перевод часов и продление…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="206"/>
        <source>Now %1. Renewal pass: %2 due, %3 renewed, %4 now pending renewal, %5 expired, %6 error(s); %7 charged. %8 reminder(s) sent.</source>
        <translation>Сейчас %1. Продление: к оплате — %2, продлено — %3, ожидают продления — %4, истекло — %5, ошибок — %6; списано %7. Отправлено напоминаний: %8.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="37"/>
        <source>The database is busy: another desk or a background worker kept it locked for too long, so this was not done. Wait a moment and try again.</source>
        <translation>База данных занята: другое рабочее место или фоновый процесс слишком долго держали её заблокированной, поэтому действие не выполнено. Подождите немного и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="43"/>
        <source>The disk is full, so this could not be saved. Free some space on the disk that holds the database (or the file you were saving), then try again.</source>
        <translation>Диск заполнен, поэтому сохранить не удалось. Освободите место на диске, где находится база данных (или файл, который вы сохраняли), и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="48"/>
        <source>The connection to the PostgreSQL database server was lost, so this may not have been done. Check that the server is running and reachable, then refresh and try again.</source>
        <translation>Соединение с сервером базы данных PostgreSQL потеряно, поэтому действие могло не выполниться. Проверьте, что сервер работает и доступен, затем обновите данные и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="117"/>
        <source>Something unexpected went wrong. The details were written to the log.</source>
        <translation>Произошла непредвиденная ошибка. Подробности записаны в журнал.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="126"/>
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
</context>
<context>
    <name>ErrorItemText</name>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="22"/>
        <location filename="../../ui/pages/error_item_text.py" line="67"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="23"/>
        <source>Refund to a card</source>
        <translation>Возврат на карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="24"/>
        <source>Renewal</source>
        <translation>Продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="25"/>
        <source>Payment to review</source>
        <translation>Платёж на проверку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="26"/>
        <source>Customer notice</source>
        <translation>Письмо клиенту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="29"/>
        <source>Passing fault (the gateway or database was busy or down)</source>
        <translation>Временный сбой (шлюз или база данных были заняты или недоступны)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="30"/>
        <source>Outcome unknown (no clear answer came back)</source>
        <translation>Исход неизвестен (ясного ответа не пришло)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="31"/>
        <source>Urgent (money owed to a card)</source>
        <translation>Срочно (деньги причитаются карте)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="32"/>
        <source>Predictable (a rate limit or maintenance)</source>
        <translation>Предсказуемый (ограничение частоты или обслуживание)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="33"/>
        <source>Needs a person (declined or inconsistent)</source>
        <translation>Нужен человек (отказ или несогласованные данные)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="36"/>
        <source>Retry later, waiting longer each time</source>
        <translation>Повторить позже, каждый раз выжидая дольше</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="37"/>
        <source>Ask the gateway what happened, then retry with the same key</source>
        <translation>Спросить шлюз, что произошло, затем повторить с тем же ключом</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="38"/>
        <source>Retry at once, then at a fixed interval</source>
        <translation>Повторить сразу, затем через равные промежутки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="39"/>
        <source>Retry at a fixed interval</source>
        <translation>Повторять через равные промежутки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="40"/>
        <source>Wait for an operator</source>
        <translation>Ждать оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="43"/>
        <source>Retrying</source>
        <translation>Повторяется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="44"/>
        <source>Waiting for an operator</source>
        <translation>Ждёт оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="45"/>
        <source>Resolved</source>
        <translation>Решена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="46"/>
        <source>Canceled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="49"/>
        <source>Succeeded</source>
        <translation>Успешно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="50"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="51"/>
        <source>Deferred</source>
        <translation>Отложена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="52"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="53"/>
        <source>Taken over</source>
        <translation>Перехвачена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="56"/>
        <source>Top-up #%1</source>
        <translation>Пополнение #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="57"/>
        <source>Refund #%1</source>
        <translation>Возврат #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="58"/>
        <source>Subscription #%1</source>
        <translation>Подписка #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="59"/>
        <source>Wallet #%1</source>
        <translation>Кошелёк #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="60"/>
        <source>Customer #%1</source>
        <translation>Клиент #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="61"/>
        <source>Charge #%1</source>
        <translation>Списание #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="62"/>
        <source>Notice #%1</source>
        <translation>Письмо #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="66"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="68"/>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="69"/>
        <source>Subscription</source>
        <translation>Подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="70"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="71"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="72"/>
        <source>Gateway charge</source>
        <translation>Платёж в шлюзе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="73"/>
        <source>Gateway&apos;s answer</source>
        <translation>Ответ шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="74"/>
        <source>Payment key</source>
        <translation>Ключ платежа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="104"/>
        <location filename="../../ui/pages/error_item_text.py" line="233"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="115"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="117"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="161"/>
        <source>held by %1 until %2</source>
        <translation>занята: %1 до %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="166"/>
        <source>free</source>
        <translation>свободна</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="168"/>
        <source>Subject</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="169"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="171"/>
        <source>Kind of failure</source>
        <translation>Вид сбоя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="174"/>
        <source>What happens next</source>
        <translation>Что будет дальше</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="176"/>
        <location filename="../../ui/pages/error_item_text.py" line="207"/>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="177"/>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="181"/>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="182"/>
        <source>Lease</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="183"/>
        <source>Amount at risk</source>
        <translation>Сумма под риском</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="185"/>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="188"/>
        <source>Updated</source>
        <translation>Изменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="193"/>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="194"/>
        <source>%1 by %2</source>
        <translation>%1, закрыл %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="199"/>
        <source>Resolution</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="200"/>
        <source>%1 failed</source>
        <translation>%1 — сбой</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="201"/>
        <source>Error item #%1</source>
        <translation>Ошибка #%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="211"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="212"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="213"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="214"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_item_text.py" line="230"/>
        <source>No attempts recorded.</source>
        <translation>Попыток не записано.</translation>
    </message>
</context>
<context>
    <name>ErrorItemsTableModel</name>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="98"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="99"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="102"/>
        <source>Subject</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="108"/>
        <source>Error class</source>
        <translation>Класс ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="112"/>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="113"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="116"/>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="123"/>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="127"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="128"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="129"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>ErrorQueuePage</name>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="40"/>
        <source>Message, #id or “topup #12”</source>
        <translation>Сообщение, #id или «topup #12»</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="42"/>
        <source>Error queue</source>
        <translation>Очередь ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="44"/>
        <location filename="../../ui/pages/error_queue_models.py" line="192"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="46"/>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="47"/>
        <source>Retrying</source>
        <translation>Повторяются</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="48"/>
        <source>Manual</source>
        <translation>Ручные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="49"/>
        <source>Resolved</source>
        <translation>Решённые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="50"/>
        <source>Canceled</source>
        <translation>Отменённые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="51"/>
        <location filename="../../ui/pages/error_queue.py" line="56"/>
        <location filename="../../ui/pages/error_queue.py" line="59"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="56"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="59"/>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="62"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="64"/>
        <source>Any</source>
        <translation>Любой</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="65"/>
        <source>Older than 1 h</source>
        <translation>Старше 1 ч</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="66"/>
        <source>Older than 1 day</source>
        <translation>Старше 1 дня</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="67"/>
        <source>Older than 7 days</source>
        <translation>Старше 7 дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="72"/>
        <location filename="../../ui/pages/error_queue.py" line="284"/>
        <location filename="../../ui/pages/error_queue.py" line="288"/>
        <source>Retry now</source>
        <translation>Повторить сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="73"/>
        <source>Cancel retry…</source>
        <translation>Отменить повтор…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="74"/>
        <source>Escalate to manual…</source>
        <translation>Передать на ручную обработку…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="75"/>
        <source>Change strategy…</source>
        <translation>Сменить стратегию…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="76"/>
        <source>Resolve with note…</source>
        <translation>Закрыть с примечанием…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="82"/>
        <source>Only open items can be retried.</source>
        <translation>Повторить можно только открытые элементы.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="83"/>
        <source>Run the selected items now, through the same lease as the retry pass</source>
        <translation>Выполнить выбранные элементы сейчас, с той же блокировкой, что и при плановом повторе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="88"/>
        <source>Only open items have a retry to cancel.</source>
        <translation>Отменить повтор можно только у открытых элементов.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="89"/>
        <source>Stop retrying; the items close as canceled</source>
        <translation>Прекратить повторы; элементы закрываются как отменённые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="94"/>
        <source>Only open items can be escalated.</source>
        <translation>Передать на ручную обработку можно только открытые элементы.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="95"/>
        <source>Stop automatic attempts and wait for an operator</source>
        <translation>Остановить автоматические попытки и ждать оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="100"/>
        <source>Only open items can change strategy.</source>
        <translation>Сменить стратегию можно только у открытых элементов.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="101"/>
        <source>Retry on another strategy from now on</source>
        <translation>Повторять по другой стратегии начиная с этого момента</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="106"/>
        <source>Only open or canceled items can be resolved.</source>
        <translation>Закрыть можно только открытые или отменённые элементы.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="107"/>
        <source>Close the items as settled by hand, with a note saying how</source>
        <translation>Закрыть элементы как урегулированные вручную, с примечанием о том, как именно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="190"/>
        <source>No open error item for %s #%d</source>
        <translation>Нет открытого элемента очереди ошибок для %s #%d</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="198"/>
        <source>Select one or more error items</source>
        <translation>Выберите один или несколько элементов очереди ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="205"/>
        <source>#%d is %s.</source>
        <translation>#%d: статус %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="212"/>
        <source>Select an error item to see its attempts.</source>
        <translation>Выберите элемент очереди ошибок, чтобы увидеть его попытки.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="222"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="223"/>
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>Выбран %n элемент</numerusform>
            <numerusform>Выбрано %n элемента</numerusform>
            <numerusform>Выбрано %n элементов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="237"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="238"/>
        <source>Items: %s</source>
        <translation>Элементы: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="285"/>
        <source>Retry %n item(s) now?</source>
        <translation>
            <numerusform>Повторить %n элемент сейчас?</numerusform>
            <numerusform>Повторить %n элемента сейчас?</numerusform>
            <numerusform>Повторить %n элементов сейчас?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="295"/>
        <source>Retried %d: %d resolved, %d still open</source>
        <translation>Повторено: %d; решено: %d, ещё открыто: %d</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="297"/>
        <source>Retrying %n item(s)…</source>
        <translation>
            <numerusform>Повтор %n элемента…</numerusform>
            <numerusform>Повтор %n элементов…</numerusform>
            <numerusform>Повтор %n элементов…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="309"/>
        <source>Cancel scheduled retry</source>
        <translation>Отмена запланированного повтора</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="310"/>
        <source>Cancel the retries of %n item(s)? They close as canceled and are not tried again.</source>
        <translation>
            <numerusform>Отменить повторы для %n элемента? Он будет закрыт как отменённый и больше не повторится.</numerusform>
            <numerusform>Отменить повторы для %n элементов? Они будут закрыты как отменённые и больше не повторятся.</numerusform>
            <numerusform>Отменить повторы для %n элементов? Они будут закрыты как отменённые и больше не повторятся.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="312"/>
        <location filename="../../ui/pages/error_queue.py" line="332"/>
        <location filename="../../ui/pages/error_queue.py" line="367"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="313"/>
        <source>Cancel retries</source>
        <translation>Отменить повторы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="321"/>
        <source>Canceled %n item(s)</source>
        <translation>
            <numerusform>Отменён %n элемент</numerusform>
            <numerusform>Отменено %n элемента</numerusform>
            <numerusform>Отменено %n элементов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="329"/>
        <source>Escalate to manual</source>
        <translation>Передача на ручную обработку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="330"/>
        <source>Escalate %n item(s) to manual? Automatic attempts stop until an operator acts.</source>
        <translation>
            <numerusform>Передать %n элемент на ручную обработку? Автоматические попытки прекратятся до действий оператора.</numerusform>
            <numerusform>Передать %n элемента на ручную обработку? Автоматические попытки прекратятся до действий оператора.</numerusform>
            <numerusform>Передать %n элементов на ручную обработку? Автоматические попытки прекратятся до действий оператора.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="333"/>
        <source>Escalate</source>
        <translation>Передать</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="340"/>
        <source>Escalated %n item(s) to manual</source>
        <translation>
            <numerusform>На ручную обработку передан %n элемент</numerusform>
            <numerusform>На ручную обработку передано %n элемента</numerusform>
            <numerusform>На ручную обработку передано %n элементов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="352"/>
        <source>backoff — exponential, with jitter</source>
        <translation>backoff — экспоненциальная задержка со случайным разбросом</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="353"/>
        <source>reconcile — ask the gateway by key, then retry with the same key</source>
        <translation>reconcile — запросить шлюз по ключу, затем повторить с тем же ключом</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="354"/>
        <source>urgent — immediate attempts, then every 5 minutes</source>
        <translation>urgent — немедленные попытки, затем каждые 5 минут</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="355"/>
        <source>fixed — every 10 minutes</source>
        <translation>fixed — каждые 10 минут</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="356"/>
        <source>manual — no automatic attempts</source>
        <translation>manual — без автоматических попыток</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="364"/>
        <location filename="../../ui/pages/error_queue.py" line="369"/>
        <source>Change strategy</source>
        <translation>Смена стратегии</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="365"/>
        <source>Change the retry strategy of %n item(s)?</source>
        <translation>
            <numerusform>Сменить стратегию повтора для %n элемента?</numerusform>
            <numerusform>Сменить стратегию повтора для %n элементов?</numerusform>
            <numerusform>Сменить стратегию повтора для %n элементов?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="368"/>
        <location filename="../../ui/pages/error_queue_models.py" line="194"/>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="376"/>
        <source>%n item(s) now on %s</source>
        <translation>
            <numerusform>%n элемент теперь на стратегии %s</numerusform>
            <numerusform>%n элемента теперь на стратегии %s</numerusform>
            <numerusform>%n элементов теперь на стратегии %s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="383"/>
        <source>Resolve with note</source>
        <translation>Закрытие с примечанием</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="384"/>
        <source>Mark %n item(s) resolved? Say how they were settled.</source>
        <translation>
            <numerusform>Отметить %n элемент как решённый? Укажите, как он был урегулирован.</numerusform>
            <numerusform>Отметить %n элемента как решённые? Укажите, как они были урегулированы.</numerusform>
            <numerusform>Отметить %n элементов как решённые? Укажите, как они были урегулированы.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="386"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue.py" line="387"/>
        <source>Resolve</source>
        <translation>Закрыть</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="393"/>
        <source>Resolved %n item(s)</source>
        <translation>
            <numerusform>Закрыт %n элемент</numerusform>
            <numerusform>Закрыто %n элемента</numerusform>
            <numerusform>Закрыто %n элементов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="34"/>
        <source>%d s</source>
        <translation>%d с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="36"/>
        <source>%d min</source>
        <translation>%d мин</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="38"/>
        <source>%d h %d min</source>
        <translation>%d ч %d мин</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="39"/>
        <source>%d d %d h</source>
        <translation>%d д %d ч</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="184"/>
        <source>held by %s until %s</source>
        <translation>занята %s до %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="189"/>
        <source>free</source>
        <translation>свободна</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="191"/>
        <source>Subject</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="193"/>
        <source>Error class</source>
        <translation>Класс ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="195"/>
        <location filename="../../ui/pages/error_queue_models.py" line="221"/>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="196"/>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="197"/>
        <source>Lease</source>
        <translation>Блокировка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="198"/>
        <source>Amount at risk</source>
        <translation>Сумма под риском</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="200"/>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="203"/>
        <source>Updated</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="206"/>
        <source>by</source>
        <translation>закрыл</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="209"/>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="213"/>
        <source>Resolution</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="214"/>
        <source>Error item</source>
        <translation>Элемент очереди ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="224"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="225"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="226"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="227"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="243"/>
        <source>No attempts recorded.</source>
        <translation>Попыток не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_models.py" line="245"/>
        <source>Context</source>
        <translation>Контекст</translation>
    </message>
</context>
<context>
    <name>FailedReportPanel</name>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="136"/>
        <source>By operation</source>
        <translation>По операциям</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="136"/>
        <source>By error class</source>
        <translation>По классам ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="136"/>
        <source>By status</source>
        <translation>По статусам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="144"/>
        <source>Renewals refused for lack of funds; a top-up renews them at once</source>
        <translation>Продления, отклонённые из-за нехватки средств; пополнение сразу их продлевает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="154"/>
        <source>Failed operations</source>
        <translation>Неудачные операции</translation>
    </message>
</context>
<context>
    <name>FailedReportTableModel</name>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="24"/>
        <location filename="../../ui/pages/error_queue_report.py" line="32"/>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="25"/>
        <source>Items</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="26"/>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="27"/>
        <source>Oldest open</source>
        <translation>Самый старый открытый</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="28"/>
        <source>At risk</source>
        <translation>Под риском</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="29"/>
        <source>Recovered</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="33"/>
        <source>Error class</source>
        <translation>Класс ошибки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="34"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="84"/>
        <source>Amounts still open, summed in minor units across currencies</source>
        <translation>Суммы ещё открытых элементов, сложенные в минимальных единицах по всем валютам</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="101"/>
        <source>Open %d · retrying %d · manual %d · resolved %d · canceled %d</source>
        <translation>Открыто: %d · повторяются: %d · вручную: %d · решено: %d · отменено: %d</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="115"/>
        <source>No subscription is waiting for funds</source>
        <translation>Нет подписок, ожидающих средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/error_queue_report.py" line="120"/>
        <source>Subscriptions waiting for funds: %d · oldest %s · at risk %s</source>
        <translation>Подписки, ожидающие средств: %d · самая давняя: %s · под риском: %s</translation>
    </message>
</context>
<context>
    <name>GatewaySimulationGroup</name>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="28"/>
        <source>The minimum latency is above the maximum.</source>
        <translation>Минимальная задержка больше максимальной.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="41"/>
        <source>Latency from (ms)</source>
        <translation>Задержка от (мс)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="42"/>
        <source>Latency up to (ms)</source>
        <translation>Задержка до (мс)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="43"/>
        <source>Server error rate</source>
        <translation>Доля ошибок сервера</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="43"/>
        <source>0–1, e.g. 0.05</source>
        <translation>0–1, например 0.05</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="44"/>
        <source>Timeout-after-success rate</source>
        <translation>Доля тайм-аутов после успеха</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="44"/>
        <source>0–1, e.g. 0.02</source>
        <translation>0–1, например 0.02</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="45"/>
        <source>Decline rate</source>
        <translation>Доля отказов</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="45"/>
        <source>0–1, e.g. 0.1</source>
        <translation>0–1, например 0.1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="46"/>
        <source>Outage (every call fails)</source>
        <translation>Сбой (все вызовы завершаются ошибкой)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="47"/>
        <source>Random seed</source>
        <translation>Начальное значение генератора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="47"/>
        <source>empty: a new sequence each start</source>
        <translation>пусто — новая последовательность при каждом запуске</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="57"/>
        <source>Your role (%s) may look at these knobs; only an admin changes them.</source>
        <translation>Ваша роль (%s) позволяет просматривать эти параметры; изменять их может только администратор.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="60"/>
        <source>Circuit breaker: …</source>
        <translation>Защита от сбоев: …</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="63"/>
        <source>Apply…</source>
        <translation>Применить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="66"/>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="89"/>
        <source>Circuit breaker OPEN since %1 after %2 failures in a row; </source>
        <translation>Защита от сбоев СРАБОТАЛА в %1 (сбоев подряд: %2); </translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="94"/>
        <source>calls are refused until %s.</source>
        <translation>вызовы отклоняются до %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="96"/>
        <source>the next call is let through as a probe.</source>
        <translation>следующий вызов будет пропущен как пробный.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="100"/>
        <source>Circuit breaker half open: one probe call is out.</source>
        <translation>Защита от сбоев в режиме проверки: выполняется один пробный вызов.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/scheduler_panels.py" line="102"/>
        <source>Circuit breaker closed: calls go through (%n failure(s) in a row).</source>
        <translation>
            <numerusform>Защита от сбоев не активна: вызовы проходят (%n сбой подряд).</numerusform>
            <numerusform>Защита от сбоев не активна: вызовы проходят (%n сбоя подряд).</numerusform>
            <numerusform>Защита от сбоев не активна: вызовы проходят (%n сбоев подряд).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="124"/>
        <source>Nothing to apply: no knob was changed</source>
        <translation>Нечего применять: ни один параметр не изменён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="36"/>
        <location filename="../../ui/pages/scheduler_panels.py" line="128"/>
        <source>Gateway simulation</source>
        <translation>Имитация платёжного шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="130"/>
        <source>Change how the simulated gateway behaves, at once, for every desk and worker sharing this database:</source>
        <translation>Сразу изменить поведение имитируемого шлюза для всех рабочих мест и фоновых процессов, использующих эту базу данных:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="135"/>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_panels.py" line="144"/>
        <source>Gateway simulation changed (%s)</source>
        <translation>Параметры имитации шлюза изменены (%s)</translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message>
        <location filename="../../ui/search.py" line="31"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="35"/>
        <source>Name, email or id…</source>
        <translation>Имя, email или ID…</translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="38"/>
        <source>Type at least two characters, or an id.</source>
        <translation>Введите не менее двух символов или ID.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/search.py" line="71"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/search.py" line="71"/>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
</context>
<context>
    <name>Intervals</name>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="50"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="52"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n неделя</numerusform>
            <numerusform>%n недели</numerusform>
            <numerusform>%n недель</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="54"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n месяц</numerusform>
            <numerusform>%n месяца</numerusform>
            <numerusform>%n месяцев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="56"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="75"/>
        <source>day</source>
        <translation>день</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="76"/>
        <source>week</source>
        <translation>неделя</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="77"/>
        <source>month</source>
        <translation>месяц</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="78"/>
        <source>year</source>
        <translation>год</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="83"/>
        <source>%s / %s</source>
        <translation>%s / %s</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="329"/>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="335"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="339"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="340"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="341"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="342"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="343"/>
        <source>Pricing</source>
        <translation>Тарификация</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="344"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="345"/>
        <location filename="../../ui/pages/invoices.py" line="353"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="353"/>
        <source>Ledger entry</source>
        <translation>Запись журнала</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="353"/>
        <source>Paid at</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="361"/>
        <source>Lines</source>
        <translation>Строки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="362"/>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="363"/>
        <source>Credit notes</source>
        <translation>Кредит-ноты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="381"/>
        <source>Invoice %s</source>
        <translation>Счёт %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="382"/>
        <source>Invoice %s · %s</source>
        <translation>Счёт %s · %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="383"/>
        <source>Customer %s (#%d), wallet #%d</source>
        <translation>Клиент %s (#%d), кошелёк #%d</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="385"/>
        <source>subscription #%d</source>
        <translation>подписка #%d</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="386"/>
        <source>issued %s</source>
        <translation>выставлен %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="388"/>
        <source>period %s</source>
        <translation>период %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="390"/>
        <source>Total %s</source>
        <translation>Итого %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="391"/>
        <source>paid %s</source>
        <translation>оплачено %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="392"/>
        <source>credited %s</source>
        <translation>возвращено кредит-нотами %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="393"/>
        <source>owed %s</source>
        <translation>долг %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="394"/>
        <source>%s left to refund</source>
        <translation>%s ещё можно вернуть</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="421"/>
        <source>This invoice has no lines.</source>
        <translation>В этом счёте нет строк.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="422"/>
        <source>Nothing has been paid on this invoice yet.</source>
        <translation>По этому счёту ещё ничего не оплачено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="423"/>
        <source>No credit note has been issued against this invoice.</source>
        <translation>По этому счёту не выставлено ни одной кредит-ноты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="424"/>
        <source>Payments (%d)</source>
        <translation>Оплаты (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="425"/>
        <source>Credit notes (%d)</source>
        <translation>Кредит-ноты (%d)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="430"/>
        <source>The invoice could not be loaded.</source>
        <translation>Не удалось загрузить счёт.</translation>
    </message>
</context>
<context>
    <name>InvoiceTable</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="228"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="229"/>
        <source>Issued</source>
        <translation>Выставлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="230"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="235"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="231"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="232"/>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="234"/>
        <source>Credited</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="233"/>
        <source>Owed</source>
        <translation>Долг</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="238"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="243"/>
        <source>Double-click an invoice to see its lines, payments and credit notes</source>
        <translation>Дважды щёлкните счёт, чтобы увидеть его строки, оплаты и кредит-ноты</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="75"/>
        <source>first period</source>
        <translation>первый период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="76"/>
        <source>renewal</source>
        <translation>продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="77"/>
        <location filename="../../ui/pages/invoices.py" line="93"/>
        <source>usage</source>
        <translation>использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="78"/>
        <source>plan change</source>
        <translation>смена тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="85"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="85"/>
        <source>plan-change credit</source>
        <translation>зачёт при смене тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="92"/>
        <source>plan</source>
        <translation>тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="94"/>
        <source>prorated plan</source>
        <translation>тариф пропорционально</translation>
    </message>
</context>
<context>
    <name>JobResults</name>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="74"/>
        <source>charged %s</source>
        <translation>списано %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="75"/>
        <source>owed %s</source>
        <translation>долг %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="80"/>
        <source>gateway healthy</source>
        <translation>шлюз в порядке</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="81"/>
        <source>gateway outage</source>
        <translation>шлюз недоступен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="82"/>
        <source>gateway probing</source>
        <translation>шлюз проверяется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="86"/>
        <source>alert raised</source>
        <translation>поднята тревога</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="88"/>
        <source>%1 due</source>
        <translation>к выполнению: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="89"/>
        <source>%1 renewed</source>
        <translation>продлено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="90"/>
        <source>%1 waiting for funds</source>
        <translation>ждут средств: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="91"/>
        <source>%1 expired</source>
        <translation>истекло: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="92"/>
        <source>%1 failed</source>
        <translation>с ошибкой: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="93"/>
        <source>%1 checked</source>
        <translation>проверено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="94"/>
        <source>%1 reminded</source>
        <translation>напомнено: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="95"/>
        <source>%1 succeeded</source>
        <translation>успешно: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="96"/>
        <source>%1 to retry later</source>
        <translation>повторить позже: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="97"/>
        <source>%1 sent to manual handling</source>
        <translation>на ручную обработку: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="98"/>
        <source>%1 deferred while the gateway is down</source>
        <translation>отложено, пока шлюз недоступен: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="99"/>
        <source>%1 top-ups reconciled</source>
        <translation>сверено пополнений: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="100"/>
        <source>%1 refunds reconciled</source>
        <translation>сверено возвратов: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="101"/>
        <source>%1 reconciled</source>
        <translation>сверено: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="42"/>
        <source>Create the administrator</source>
        <translation>Создание администратора</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="42"/>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="46"/>
        <source>This database has no operators yet. Choose the administrator&apos;s name and password.</source>
        <translation>В этой базе данных ещё нет операторов. Задайте имя и пароль администратора.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="48"/>
        <source>Sign in to Subscriptions Admin.</source>
        <translation>Вход в Subscriptions Admin.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="55"/>
        <source>Demo operators: admin / admin-demo-pass, operator / operator-demo-pass, viewer / viewer-demo-pass.</source>
        <translation>Демо-операторы: admin / admin-demo-pass, operator / operator-demo-pass, viewer / viewer-demo-pass.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="66"/>
        <source>Remember me on this computer</source>
        <translation>Запомнить меня на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="71"/>
        <source>Remember me (unavailable: no system keyring)</source>
        <translation>Запомнить меня (недоступно: нет системного хранилища ключей)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="74"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="76"/>
        <source>Repeat password</source>
        <translation>Повторите пароль</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="99"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="108"/>
        <source>the two passwords differ</source>
        <translation>пароли не совпадают</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="34"/>
        <source>Subscriptions Admin</source>
        <translation>Subscriptions Admin</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="34"/>
        <source> — demo</source>
        <translation> — демо</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>Search…</source>
        <translation>Поиск…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="149"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанное</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Scheduler: %s failed</source>
        <translation>Планировщик: ошибка в задании %s</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Scheduler: paused</source>
        <translation>Планировщик: приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="119"/>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>Scheduler: running</source>
        <translation>Планировщик: работает</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="121"/>
        <source>Scheduler: off</source>
        <translation>Планировщик: выключен</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Gateway: healthy</source>
        <translation>Шлюз: работает</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Gateway: OUTAGE</source>
        <translation>Шлюз: СБОЙ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
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
    <name>NotificationsPage</name>
    <message>
        <location filename="../../ui/pages/notifications.py" line="169"/>
        <source>Title or text</source>
        <translation>Заголовок или текст</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="170"/>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="173"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="173"/>
        <location filename="../../ui/pages/notifications.py" line="176"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="173"/>
        <source>Unread</source>
        <translation>Непрочитанные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="176"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="182"/>
        <source>Open subject</source>
        <translation>Открыть объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="183"/>
        <source>Mark read</source>
        <translation>Отметить прочитанным</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="184"/>
        <source>Mark all read</source>
        <translation>Отметить все прочитанными</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="191"/>
        <source>Show what the notification is about (Enter or double-click)</source>
        <translation>Показать объект уведомления (Enter или двойной щелчок)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="208"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n непрочитанное</numerusform>
            <numerusform>%n непрочитанных</numerusform>
            <numerusform>%n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="224"/>
        <source>Mark the selected notifications read (Ctrl+M)</source>
        <translation>Отметить выбранные уведомления прочитанными (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="226"/>
        <source>Select unread notifications</source>
        <translation>Выберите непрочитанные уведомления</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="235"/>
        <source>%n notification(s) selected</source>
        <translation>
            <numerusform>Выбрано %n уведомление</numerusform>
            <numerusform>Выбрано %n уведомления</numerusform>
            <numerusform>Выбрано %n уведомлений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="237"/>
        <source>Select a notification to read it.</source>
        <translation>Выберите уведомление, чтобы прочитать его.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="247"/>
        <source>read %s</source>
        <translation>прочитано %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="249"/>
        <source>unread</source>
        <translation>не прочитано</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="260"/>
        <source>About</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="263"/>
        <source>the invoices of this renewal pass</source>
        <translation>счета этого прогона продлений</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="311"/>
        <location filename="../../ui/pages/notifications.py" line="326"/>
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
        <location filename="../../ui/pages/notifications.py" line="49"/>
        <source>Payment succeeded</source>
        <translation>Оплата прошла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="50"/>
        <source>Renewals paid</source>
        <translation>Продления оплачены</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="51"/>
        <source>Payment failed</source>
        <translation>Оплата не прошла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="52"/>
        <source>Subscription expiring</source>
        <translation>Подписка истекает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="53"/>
        <source>Subscription expired</source>
        <translation>Подписка истекла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="54"/>
        <source>Top-up succeeded</source>
        <translation>Пополнение выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="55"/>
        <source>Top-up failed</source>
        <translation>Пополнение не выполнено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="56"/>
        <source>Refund failed</source>
        <translation>Возврат не выполнен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="57"/>
        <source>Manual intervention needed</source>
        <translation>Требуется вмешательство оператора</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="58"/>
        <source>Gateway outage</source>
        <translation>Сбой платёжного шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="59"/>
        <source>Gateway recovered</source>
        <translation>Платёжный шлюз восстановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="60"/>
        <source>Unresolved errors alert</source>
        <translation>Слишком много нерешённых ошибок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="62"/>
        <source>info</source>
        <translation>информация</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="62"/>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="62"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="65"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="68"/>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="74"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="78"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../ui/pages/notifications.py" line="79"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <location filename="../../ui/pages/base.py" line="239"/>
        <location filename="../../ui/pages/subscriptions_models.py" line="138"/>
        <source>Your role (%s) may not do this.</source>
        <translation>Вашей роли (%s) это действие недоступно.</translation>
    </message>
</context>
<context>
    <name>PagedQueryModel</name>
    <message>
        <location filename="../../ui/sql_model.py" line="268"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
</context>
<context>
    <name>PlanChangePreview</name>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="50"/>
        <source>Working out what the change moves…</source>
        <translation>Расчёт того, какие суммы переместит смена…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="63"/>
        <source>This plan cannot be chosen: %s</source>
        <translation>Этот тариф выбрать нельзя: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="78"/>
        <source>Credit for the unused part of %s: %s, a credit note against invoice %s.</source>
        <translation>Зачёт за неиспользованную часть %s: %s, кредит-нотой по счёту %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="82"/>
        <source>Nothing of %s is credited back.</source>
        <translation>За %s ничего не возвращается.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="84"/>
        <source>New plan %s for the rest of the period: %s, on a new invoice.</source>
        <translation>Новый тариф %s до конца периода: %s, новым счётом.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="88"/>
        <source>Usage so far, billed now under %s: %s.</source>
        <translation>Использование на сегодня, выставляется сейчас по тарифу %s: %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="90"/>
        <source>Net for the plans: %s taken from the wallet.</source>
        <translation>Итог по тарифам: %s будет списано из кошелька.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="92"/>
        <source>Net for the plans: %s credited to the wallet.</source>
        <translation>Итог по тарифам: %s будет зачислено в кошелёк.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="94"/>
        <source>Net for the plans: no money moves.</source>
        <translation>Итог по тарифам: деньги не перемещаются.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="96"/>
        <source>The period end stays the same; the next renewal charges the new price.</source>
        <translation>Конец периода не меняется; следующее продление списывает новую цену.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="109"/>
        <source>The wallet holds %s: it does not cover the change; top it up first.</source>
        <translation>В кошельке %s: этого не хватает на смену тарифа; сначала пополните его.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="112"/>
        <source>The wallet holds %s: it covers the plans; the part of the usage it cannot pay stays owed.</source>
        <translation>В кошельке %s: этого хватает на тарифы; неоплаченная часть использования останется долгом.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="115"/>
        <source>The wallet holds %s: it covers the change.</source>
        <translation>В кошельке %s: этого хватает на смену тарифа.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="121"/>
        <source>The settlement is still being worked out; a moment, please.</source>
        <translation>Перерасчёт ещё выполняется; подождите немного.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="124"/>
        <source>The wallet holds %s but the switch needs %s; top it up first.</source>
        <translation>В кошельке %s, а для перехода нужно %s; сначала пополните его.</translation>
    </message>
</context>
<context>
    <name>PlanFeatureForm</name>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="45"/>
        <source>%s must be a whole number.</source>
        <translation>%s: требуется целое число.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="49"/>
        <source>%s must lie between %s and %s.</source>
        <translation>%s: значение должно быть от %s до %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="63"/>
        <source>Tier %d (%s): write each tier as up_to:unit price, like 1000:4, and the last one as *:2.</source>
        <translation>Ступень %d (%s): записывайте каждую ступень как до:цена_за_единицу, например 1000:4, а последнюю — как *:2.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="114"/>
        <source> — on this plan</source>
        <translation> — уже в этом тарифе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="116"/>
        <source>Enabled</source>
        <translation>Включена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="121"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="124"/>
        <source>none (not charged)</source>
        <translation>нет (не тарифицируется)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="125"/>
        <source>flat (a price per unit)</source>
        <translation>фиксированная (цена за единицу)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="126"/>
        <source>tiered (each unit at its tier&apos;s price)</source>
        <translation>ступенчатая (каждая единица по цене своей ступени)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="127"/>
        <source>volume (all units at the tier reached)</source>
        <translation>объёмная (все единицы по цене достигнутой ступени)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="128"/>
        <source>package (a price per started package)</source>
        <translation>пакетная (цена за каждый начатый пакет)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="135"/>
        <source>up_to:unit price in minor units, in order; * is the open-ended last tier</source>
        <translation>до:цена_за_единицу в минимальных единицах, по порядку; * — последняя ступень без верхней границы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="136"/>
        <source>5 = %s</source>
        <translation>5 = %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="154"/>
        <source>minor units</source>
        <translation>в мин. единицах</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="156"/>
        <source>Feature</source>
        <translation>Функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="158"/>
        <source>Quota per period</source>
        <translation>Квота на период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="159"/>
        <source>Rate limit</source>
        <translation>Лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="160"/>
        <source>Rate window</source>
        <translation>Окно ограничения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="161"/>
        <source>Pricing</source>
        <translation>Тарификация</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="162"/>
        <location filename="../../ui/pages/plans_forms.py" line="298"/>
        <source>Included units</source>
        <translation>Включённые единицы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="163"/>
        <source>Unit price (%s)</source>
        <translation>Цена за единицу (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="164"/>
        <source>Tiers (%s)</source>
        <translation>Ступени (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="165"/>
        <source>Package size</source>
        <translation>Размер пакета</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="166"/>
        <source>Package price (%s)</source>
        <translation>Цена пакета (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="167"/>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="248"/>
        <source>%s per period</source>
        <translation>%s за период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="251"/>
        <source>%s per %s</source>
        <translation>%s за %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="255"/>
        <source>on/off, nothing to meter</source>
        <translation>вкл./выкл., учёт не ведётся</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="270"/>
        <source>%s in a period cost %s</source>
        <translation>%s за период стоят %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="277"/>
        <source>turned off</source>
        <translation>выключена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="284"/>
        <source>Choose a feature.</source>
        <translation>Выберите функцию.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="288"/>
        <source>The quota</source>
        <translation>Квота</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="291"/>
        <source>The rate limit</source>
        <translation>Лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="303"/>
        <source>The unit price</source>
        <translation>Цена за единицу</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="310"/>
        <source>The package size</source>
        <translation>Размер пакета</translation>
    </message>
</context>
<context>
    <name>PlanFeaturesTableModel</name>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="148"/>
        <source>Feature</source>
        <translation>Функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="152"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="153"/>
        <source>Enabled</source>
        <translation>Включена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="156"/>
        <source>Quota</source>
        <translation>Квота</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="161"/>
        <source>Rate limit</source>
        <translation>Лимит частоты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="164"/>
        <source>Included</source>
        <translation>Включено ед.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="171"/>
        <source>Pricing</source>
        <translation>Тарификация</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../ui/pages/plans.py" line="50"/>
        <source>Plan code or name</source>
        <translation>Код или название тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="51"/>
        <source>Plans &amp; features</source>
        <translation>Тарифы и функции</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="53"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="54"/>
        <source>All plans</source>
        <translation>Все тарифы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="54"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="54"/>
        <source>Retired</source>
        <translation>Выведенные</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="57"/>
        <source>New plan…</source>
        <translation>Новый тариф…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="58"/>
        <source>Edit plan…</source>
        <translation>Изменить тариф…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="59"/>
        <source>New feature…</source>
        <translation>Новая функция…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="60"/>
        <source>Set plan feature…</source>
        <translation>Настроить функцию тарифа…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="73"/>
        <location filename="../../ui/pages/plans.py" line="111"/>
        <source>Plan features</source>
        <translation>Функции тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="83"/>
        <source>Read-only: your role (%s) may not change plans or features.</source>
        <translation>Только просмотр: ваша роль (%s) не позволяет изменять тарифы и функции.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="109"/>
        <source>Select a plan</source>
        <translation>Выберите тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="112"/>
        <source>Select a plan to see what it grants.</source>
        <translation>Выберите тариф, чтобы увидеть, что он даёт.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="116"/>
        <source>Features of %s</source>
        <translation>Функции тарифа %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="129"/>
        <location filename="../../ui/pages/plans.py" line="199"/>
        <source>Features stay on while a renewal waits for funds</source>
        <translation>Функции доступны, пока продление ждёт средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="142"/>
        <source>New plan</source>
        <translation>Новый тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="144"/>
        <source>Add a plan to the catalogue. It grants no features until you set them; the code cannot change later.</source>
        <translation>Добавить тариф в каталог. Он не даёт никаких функций, пока вы их не настроите; код потом изменить нельзя.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="148"/>
        <location filename="../../ui/pages/plans.py" line="263"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="149"/>
        <location filename="../../ui/pages/plans.py" line="212"/>
        <location filename="../../ui/pages/plans.py" line="263"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="150"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="151"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="152"/>
        <source>Billed every</source>
        <translation>Оплата каждые</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="153"/>
        <source>Interval</source>
        <translation>Интервал</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="154"/>
        <location filename="../../ui/pages/plans.py" line="214"/>
        <source>Grace days</source>
        <translation>Льготных дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="157"/>
        <source>Create plan</source>
        <translation>Создать тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="184"/>
        <source>Plan %s created</source>
        <translation>Тариф %s создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="201"/>
        <source>Active (takes new subscriptions)</source>
        <translation>Активен (принимает новые подписки)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="205"/>
        <source>Edit plan</source>
        <translation>Изменение тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="207"/>
        <source>Change plan %s (%s subscriber(s)). A new price applies from each subscription&apos;s next renewal; a retired plan keeps its subscribers but takes no new ones.</source>
        <translation>Изменить тариф %s (подписчиков: %s). Новая цена действует с ближайшего продления каждой подписки; выведенный тариф сохраняет подписчиков, но не принимает новых.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="213"/>
        <source>Price (%s)</source>
        <translation>Цена (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="218"/>
        <source>Save plan</source>
        <translation>Сохранить тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="231"/>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="241"/>
        <source>Plan %s saved</source>
        <translation>Тариф %s сохранён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="251"/>
        <source>boolean (on/off)</source>
        <translation>логическая (вкл./выкл.)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="252"/>
        <source>quota (a limit per period)</source>
        <translation>квота (лимит на период)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="253"/>
        <source>rate (a limit per time window)</source>
        <translation>частота (лимит на временное окно)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="254"/>
        <source>usage (always allowed, charged)</source>
        <translation>использование (всегда разрешено, оплачивается)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="260"/>
        <source>New feature</source>
        <translation>Новая функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="261"/>
        <source>Add a feature that plans can grant. Set it on each plan afterwards.</source>
        <translation>Добавить функцию, которую могут давать тарифы. Затем настройте её в каждом тарифе.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="263"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="263"/>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="264"/>
        <source>Create feature</source>
        <translation>Создать функцию</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="271"/>
        <source>The unit is 1–32 characters, like &apos;call&apos; or &apos;GB&apos;.</source>
        <translation>Единица — от 1 до 32 символов, например &apos;call&apos; или &apos;GB&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="283"/>
        <source>Feature %s created</source>
        <translation>Функция %s создана</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="309"/>
        <source>There are no features yet; create one first.</source>
        <translation>Функций пока нет; сначала создайте функцию.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="316"/>
        <source>Set plan feature</source>
        <translation>Настройка функции тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="318"/>
        <source>Grant a feature on plan %s, or change its limits and usage pricing. Subscribers see the change at once; usage already recorded is priced by the new terms at the next renewal.</source>
        <translation>Добавить функцию в тариф %s или изменить её лимиты и тарификацию использования. Подписчики увидят изменение сразу; уже учтённое использование будет оплачено по новым условиям при следующем продлении.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="323"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans.py" line="338"/>
        <source>%s on %s saved</source>
        <translation>Функция %s в тарифе %s сохранена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_forms.py" line="37"/>
        <source>The code must be 2–64 lowercase letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Код должен состоять из 2–64 строчных латинских букв, цифр, &apos;-&apos; или &apos;_&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="23"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="23"/>
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
        <location filename="../../ui/pages/plans_models.py" line="214"/>
        <source>features stay on during grace</source>
        <translation>функции доступны в льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="216"/>
        <source>features are off while a renewal waits for funds</source>
        <translation>функции отключены, пока продление ждёт средств</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="219"/>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="221"/>
        <source>retired: takes no new subscriptions</source>
        <translation>выведен: новые подписки не принимаются</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="223"/>
        <source>Grace</source>
        <translation>Льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="223"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="224"/>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="224"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="225"/>
        <source>created</source>
        <translation>создан</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="226"/>
        <source>Its features and their pricing are listed below.</source>
        <translation>Функции тарифа и их тарификация приведены ниже.</translation>
    </message>
</context>
<context>
    <name>PlansTableModel</name>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="37"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="38"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="41"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="46"/>
        <source>Interval</source>
        <translation>Интервал</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="47"/>
        <source>Grace days</source>
        <translation>Льготных дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="50"/>
        <source>Access in grace</source>
        <translation>Доступ в льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="54"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/plans_models.py" line="57"/>
        <source>Subscribers</source>
        <translation>Подписчики</translation>
    </message>
</context>
<context>
    <name>RenewalPassDialog</name>
    <message>
        <location filename="../../ui/pages/invoices.py" line="449"/>
        <source>Renewals paid</source>
        <translation>Оплаченные продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="451"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="455"/>
        <source>Double-click an invoice to see its lines, payments and credit notes.</source>
        <translation>Дважды щёлкните счёт, чтобы увидеть его строки, оплаты и кредит-ноты.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="474"/>
        <source>This renewal pass issued no invoices.</source>
        <translation>Этот прогон продлений не выставил ни одного счёта.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/invoices.py" line="482"/>
        <source>%n invoice(s) issued by the renewal pass of %s.</source>
        <translation>
            <numerusform>%n счёт выставлен прогоном продлений %s.</numerusform>
            <numerusform>%n счёта выставлено прогоном продлений %s.</numerusform>
            <numerusform>%n счетов выставлено прогоном продлений %s.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/invoices.py" line="484"/>
        <source>%s: total %s, paid %s, owed %s</source>
        <translation>%s: итого %s, оплачено %s, долг %s</translation>
    </message>
</context>
<context>
    <name>RowCounts</name>
    <message numerus="yes">
        <location filename="../../ui/pages/base.py" line="276"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n строка</numerusform>
            <numerusform>%n строки</numerusform>
            <numerusform>%n строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/base.py" line="279"/>
        <source>Exported %n row(s)</source>
        <translation>
            <numerusform>Экспортирована %n строка</numerusform>
            <numerusform>Экспортировано %n строки</numerusform>
            <numerusform>Экспортировано %n строк</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulerJobsModel</name>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="126"/>
        <source>this desk</source>
        <translation>это рабочее место</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="130"/>
        <source>%1, process %2</source>
        <translation>%1, процесс %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="149"/>
        <source>Job</source>
        <translation>Задание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="150"/>
        <source>Last run (UTC)</source>
        <translation>Последний запуск (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="151"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="152"/>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="153"/>
        <source>Next run (UTC)</source>
        <translation>Следующий запуск (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="154"/>
        <source>Running</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="155"/>
        <source>Lease owner</source>
        <translation>Владелец блокировки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="186"/>
        <source>paused</source>
        <translation>приостановлено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="188"/>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="206"/>
        <source>Lease held by instance %s</source>
        <translation>Блокировку держит экземпляр %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="192"/>
        <source>free (last: %s)</source>
        <translation>свободна (последний: %s)</translation>
    </message>
</context>
<context>
    <name>SchedulerPage</name>
    <message>
        <location filename="../../ui/pages/scheduler_jobs.py" line="118"/>
        <source>nothing to do</source>
        <translation>нечего делать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="42"/>
        <source>Scheduler</source>
        <translation>Планировщик</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="51"/>
        <location filename="../../ui/pages/scheduler_page.py" line="231"/>
        <source>Run now</source>
        <translation>Запустить сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="53"/>
        <location filename="../../ui/pages/scheduler_page.py" line="206"/>
        <source>Pause all jobs…</source>
        <translation>Приостановить все задания…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="55"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="80"/>
        <source>Scheduler events seen by this window appear here.</source>
        <translation>Здесь появляются события планировщика, полученные этим окном.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="92"/>
        <source>Recent events</source>
        <translation>Последние события</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="151"/>
        <source>The scheduler is not running in this window.</source>
        <translation>В этом окне планировщик не запущен.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="153"/>
        <source>The jobs below are paused.</source>
        <translation>Задания ниже приостановлены.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="155"/>
        <source>The table shows what the instance that last ran each job recorded.</source>
        <translation>В таблице показано то, что записал экземпляр, последним выполнявший каждое задание.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="159"/>
        <source>Paused: no job runs on its timer until the scheduler is resumed.</source>
        <translation>Приостановлен: задания не запускаются по расписанию, пока планировщик не будет возобновлён.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="162"/>
        <source>Running: jobs run on their timers in this window.</source>
        <translation>Работает: задания запускаются по расписанию в этом окне.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="169"/>
        <source>Could not read the job states: %s</source>
        <translation>Не удалось прочитать состояние заданий: %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="174"/>
        <source>started</source>
        <translation>запущено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="175"/>
        <source>finished</source>
        <translation>завершено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="176"/>
        <source>FAILED</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="177"/>
        <source>scheduler paused</source>
        <translation>планировщик приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="178"/>
        <source>scheduler resumed</source>
        <translation>планировщик возобновлён</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="179"/>
        <source>scheduler stopped</source>
        <translation>планировщик остановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="200"/>
        <source>The scheduler is not running in this window</source>
        <translation>В этом окне планировщик не запущен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="206"/>
        <source>Resume all jobs…</source>
        <translation>Возобновить все задания…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="211"/>
        <source>Select a job</source>
        <translation>Выберите задание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="225"/>
        <source>Run a job now</source>
        <translation>Запуск задания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="227"/>
        <source>Run the %s job now instead of waiting for its timer. It does exactly what its scheduled run would do.</source>
        <translation>Запустить задание %s сейчас, не дожидаясь расписания. Оно сделает ровно то же, что и плановый запуск.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="237"/>
        <source>Running the %s job…</source>
        <translation>Выполняется задание %s…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="247"/>
        <source>The %s job was handed to the scheduler; it runs in a moment.</source>
        <translation>Задание %s передано планировщику и скоро будет выполнено.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="255"/>
        <source>The %1 job failed: %2</source>
        <translation>Задание %1 завершилось ошибкой: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="258"/>
        <source>The %1 job finished: %2</source>
        <translation>Задание %1 выполнено: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="260"/>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="274"/>
        <source>Pause the scheduler</source>
        <translation>Приостановка планировщика</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="276"/>
        <source>Stop renewals, retries, reminders and monitoring from running on their timers, in every app and worker sharing this database, until someone resumes them. Run now still works.</source>
        <translation>Остановить запуск продлений, повторов, напоминаний и мониторинга по расписанию во всех приложениях и фоновых процессах, использующих эту базу данных, пока их не возобновят. Кнопка «Запустить сейчас» продолжит работать.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="280"/>
        <source>Pause</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="285"/>
        <source>Resume the scheduler</source>
        <translation>Возобновление планировщика</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="287"/>
        <source>Let the jobs run on their timers again; runs that fell due while paused are caught up at once.</source>
        <translation>Снова запускать задания по расписанию; запуски, пропущенные во время паузы, будут выполнены сразу.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="290"/>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="299"/>
        <source>Scheduler paused</source>
        <translation>Планировщик приостановлен</translation>
    </message>
    <message>
        <location filename="../../ui/pages/scheduler_page.py" line="299"/>
        <source>Scheduler resumed</source>
        <translation>Планировщик возобновлён</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/pages/settings_form.py" line="116"/>
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
        <location filename="../../ui/pages/settings_page.py" line="77"/>
        <source>Payment gateway API key</source>
        <translation>API-ключ платёжного шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="78"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="88"/>
        <source>Paste a new key (%s…)</source>
        <translation>Вставьте новый ключ (%s…)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="90"/>
        <location filename="../../ui/pages/settings_page.py" line="251"/>
        <source>Save key</source>
        <translation>Сохранить ключ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="100"/>
        <source>The key is kept in the system keyring, never in the database or the log. It is not shown again once saved.</source>
        <translation>Ключ хранится в системном хранилище ключей, а не в базе данных или журнале. После сохранения он больше не показывается.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="118"/>
        <source>Billing, reminders and alerts</source>
        <translation>Биллинг, напоминания и оповещения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="121"/>
        <source>Daily renewal time (HH:MM, UTC)</source>
        <translation>Время ежедневного продления (ЧЧ:ММ, UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="121"/>
        <source>for example 02:00</source>
        <translation>например 02:00</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="122"/>
        <source>Remind this many days before a period ends</source>
        <translation>За сколько дней до конца периода напоминать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="123"/>
        <source>Default grace days</source>
        <translation>Льготных дней по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="124"/>
        <source>Alert when unresolved errors exceed</source>
        <translation>Оповещать, если нерешённых ошибок больше</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="127"/>
        <source>Retry pass every (minutes)</source>
        <translation>Повтор ошибок каждые (минут)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="128"/>
        <source>1–1440; a running scheduler picks it up when it restarts</source>
        <translation>1–1440; работающий планировщик применит значение после перезапуска</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="139"/>
        <source>Your role (%s) may look at these settings; only an admin changes them.</source>
        <translation>Ваша роль (%s) позволяет просматривать эти настройки; изменять их может только администратор.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="143"/>
        <source>Save settings…</source>
        <translation>Сохранить настройки…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="146"/>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="159"/>
        <source>This desktop</source>
        <translation>Это рабочее место</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="167"/>
        <source>A new language applies after the app is restarted.</source>
        <translation>Новый язык применится после перезапуска приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="172"/>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="173"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="174"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="182"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="184"/>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="205"/>
        <source>A key is set.</source>
        <translation>Ключ задан.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="207"/>
        <source>No key is set; this demo database uses a published test key.</source>
        <translation>Ключ не задан; эта демо-база использует общедоступный тестовый ключ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="209"/>
        <source>No key is set: top-ups and refunds fail until an admin sets one.</source>
        <translation>Ключ не задан: пополнения и возвраты не будут проходить, пока администратор его не задаст.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="228"/>
        <source>Enter the new key first.</source>
        <translation>Сначала введите новый ключ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="230"/>
        <source>A key is one word of at most %d characters.</source>
        <translation>Ключ — одно слово длиной не более %d символов.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="232"/>
        <source>The simulated gateway accepts only test keys, which start with %s.</source>
        <translation>Имитируемый шлюз принимает только тестовые ключи, начинающиеся с %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="245"/>
        <source>Gateway API key</source>
        <translation>API-ключ шлюза</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="247"/>
        <source>Replace the key this app uses for charges and refunds. Every later gateway call from this desk uses the new key.</source>
        <translation>Заменить ключ, который приложение использует для списаний и возвратов. Все последующие вызовы шлюза с этого рабочего места будут использовать новый ключ.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="268"/>
        <source>The key was saved in the system keyring.</source>
        <translation>Ключ сохранён в системном хранилище ключей.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="269"/>
        <source>Gateway API key saved in the system keyring</source>
        <translation>API-ключ шлюза сохранён в системном хранилище ключей</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="272"/>
        <source>There is no usable system keyring, so the key is kept for this session only and will be forgotten when the app quits.</source>
        <translation>Системное хранилище ключей недоступно, поэтому ключ сохранён только на этот сеанс и будет забыт при выходе из приложения.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="276"/>
        <source>Gateway API key kept for this session only</source>
        <translation>API-ключ шлюза сохранён только на этот сеанс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="295"/>
        <source>Nothing to save: no setting was changed</source>
        <translation>Нечего сохранять: ни одна настройка не изменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="297"/>
        <source>Change these settings for every desk and worker that shares this database:</source>
        <translation>Изменить эти настройки для всех рабочих мест и фоновых процессов, использующих эту базу данных:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="300"/>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="303"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/settings_page.py" line="311"/>
        <source>%n setting(s) saved</source>
        <translation>
            <numerusform>Сохранена %n настройка</numerusform>
            <numerusform>Сохранено %n настройки</numerusform>
            <numerusform>Сохранено %n настроек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="327"/>
        <source>The language changes when the app is restarted</source>
        <translation>Язык сменится после перезапуска приложения</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="145"/>
        <source>Customer name or email; #id for one subscription</source>
        <translation>Имя или email клиента; #id — одна подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="147"/>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="149"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="149"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="151"/>
        <location filename="../../ui/pages/subscriptions_models.py" line="265"/>
        <source>Plan</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="151"/>
        <source>All plans</source>
        <translation>Все тарифы</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="152"/>
        <source>Renews within 7 days</source>
        <translation>Продление в ближайшие 7 дней</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="154"/>
        <source>Cancel…</source>
        <translation>Отменить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="155"/>
        <source>Reinstate…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="156"/>
        <source>Change plan…</source>
        <translation>Сменить тариф…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="157"/>
        <source>Record usage…</source>
        <translation>Учесть использование…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="204"/>
        <source>Select one subscription</source>
        <translation>Выберите одну подписку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="210"/>
        <source>Select a subscription to see its history.</source>
        <translation>Выберите подписку, чтобы увидеть её историю.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="231"/>
        <source>Turn auto-renew off for subscription #%d (%s, %s). Its renewal is waiting for funds; it moves from pending renewal to canceled: a later top-up no longer renews it, and it ends at the grace deadline on %s. It can be reinstated until then.</source>
        <translation>Отключить автопродление подписки #%d (%s, %s). Её продление ожидает средств; она перейдёт из статуса «ожидает продления» в «отменена»: последующее пополнение её больше не продлит, и она закончится по истечении льготного периода (%s). До этого момента её можно восстановить.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="242"/>
        <source>Cancel subscription</source>
        <translation>Отменить подписку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="237"/>
        <source>Turn auto-renew off for subscription #%d (%s, %s). It moves from active to canceled; the customer keeps access until the paid period ends on %s, then it expires. It can be reinstated until then.</source>
        <translation>Отключить автопродление подписки #%d (%s, %s). Она перейдёт из статуса «активна» в «отменена»; клиент сохранит доступ до конца оплаченного периода (%s), после чего подписка истечёт. До этого момента её можно восстановить.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="250"/>
        <source>Subscription #%d canceled</source>
        <translation>Подписка #%d отменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="270"/>
        <source>Reinstate subscription</source>
        <translation>Восстановление подписки</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="267"/>
        <source>Turn auto-renew back on for subscription #%d (%s, %s). It moves from canceled to active and renews from the wallet when the period ends on %s.</source>
        <translation>Снова включить автопродление подписки #%d (%s, %s). Она перейдёт из статуса «отменена» в «активна» и будет продлена из кошелька по окончании периода (%s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="245"/>
        <source>Keep subscription</source>
        <translation>Оставить подписку</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="261"/>
        <source>Turn auto-renew back on for subscription #%d (%s, %s). It was canceled while its renewal was waiting for funds: it goes back to waiting for funds (pending renewal), renews as soon as the wallet can pay, and expires at the grace deadline on %s if it cannot.</source>
        <translation>Снова включить автопродление подписки #%d (%s, %s). Она была отменена, когда её продление ожидало средств: она снова будет ожидать средств (статус «ожидает продления»), продлится, как только кошелёк сможет оплатить, а если не сможет — истечёт по окончании льготного периода (%s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="270"/>
        <source>Reinstate</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="275"/>
        <source>Subscription #%d reinstated</source>
        <translation>Подписка #%d восстановлена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="291"/>
        <source>There is no other active %s plan to move to.</source>
        <translation>Нет другого активного тарифа в %s, на который можно перейти.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="306"/>
        <location filename="../../ui/pages/subscriptions.py" line="315"/>
        <source>Change plan</source>
        <translation>Сменить тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="307"/>
        <source>Move subscription #%d of %s from %s to another plan now (wallet balance %s).</source>
        <translation>Перевести подписку #%d клиента %s с тарифа %s на другой тариф сейчас (баланс кошелька %s).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="314"/>
        <source>New plan</source>
        <translation>Новый тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="314"/>
        <source>Settlement</source>
        <translation>Перерасчёт</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="327"/>
        <source>Subscription #%d moved to %s</source>
        <translation>Подписка #%d переведена на тариф %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="342"/>
        <source>Plan %s has no metered features.</source>
        <translation>В тарифе %s нет функций с учётом использования.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="347"/>
        <source>used %s</source>
        <translation>использовано %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="349"/>
        <source> of %s</source>
        <translation> из %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="351"/>
        <source>, turned off</source>
        <translation>, выключена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="359"/>
        <source>Record usage</source>
        <translation>Учёт использования</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="361"/>
        <source>Meter usage for subscription #%d (%s, plan %s). Quota and rate limits are checked; priced usage is charged at the next renewal.</source>
        <translation>Учесть использование по подписке #%d (%s, тариф %s). Квота и ограничения частоты проверяются; платное использование оплачивается при следующем продлении.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="366"/>
        <location filename="../../ui/pages/subscriptions_models.py" line="215"/>
        <source>Feature</source>
        <translation>Функция</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="366"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="367"/>
        <source>Record</source>
        <translation>Учесть</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="376"/>
        <source>Recorded %s × %s; %s used this period</source>
        <translation>Учтено %s × %s; за период использовано %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="382"/>
        <source>, %s left</source>
        <translation>, осталось %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions.py" line="384"/>
        <source>, %s to charge at renewal</source>
        <translation>, к оплате при продлении %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="15"/>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="16"/>
        <source>pending renewal</source>
        <translation>ожидает продления</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="17"/>
        <source>canceled</source>
        <translation>отменена</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="18"/>
        <source>expired</source>
        <translation>истекла</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="153"/>
        <source>moved to another plan</source>
        <translation>переведена на другой тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="152"/>
        <source>Only an active subscription can be %s; this one is %s.</source>
        <translation>Только активная подписка может быть %s; у этой статус «%s».</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="148"/>
        <source>Only an active subscription or one waiting for funds can be canceled; this one is %s.</source>
        <translation>Отменить можно только активную подписку или ожидающую средств; у этой статус «%s».</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="156"/>
        <source>Only a canceled subscription can be reinstated; this one is %s.</source>
        <translation>Восстановить можно только отменённую подписку; у этой статус «%s».</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="140"/>
        <source>It was canceled while waiting for funds and its grace days have passed; subscribe the customer again instead.</source>
        <translation>Она была отменена в ожидании средств, и льготный период уже прошёл; вместо этого оформите подписку заново.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="146"/>
        <source>The paid period has ended; subscribe the customer again instead.</source>
        <translation>Оплаченный период закончился; вместо этого оформите клиенту новую подписку.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="181"/>
        <source>Subscription</source>
        <translation>Подписка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="181"/>
        <source>auto-renew</source>
        <translation>автопродление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="182"/>
        <source>on</source>
        <translation>вкл.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="182"/>
        <location filename="../../ui/pages/subscriptions_models.py" line="188"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="183"/>
        <source>period</source>
        <translation>период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="183"/>
        <source>pending since</source>
        <translation>ожидает с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="184"/>
        <source>Features</source>
        <translation>Функции</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="185"/>
        <source>granted</source>
        <translation>доступны</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="185"/>
        <source>not granted</source>
        <translation>недоступны</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="186"/>
        <source>grace</source>
        <translation>льготный период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="186"/>
        <source>days</source>
        <translation>дн.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="187"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="187"/>
        <source>wallet</source>
        <translation>кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="188"/>
        <source>balance</source>
        <translation>баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="201"/>
        <source>Usage this period</source>
        <translation>Использование за период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="216"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="217"/>
        <source>Used</source>
        <translation>Использовано</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="218"/>
        <source>Limit</source>
        <translation>Лимит</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="219"/>
        <source>Left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="222"/>
        <source>Charge so far</source>
        <translation>Начислено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="223"/>
        <source>The plan grants no features.</source>
        <translation>Тариф не даёт функций.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="224"/>
        <source>Timeline</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="240"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="241"/>
        <source>From → to</source>
        <translation>Из → в</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="242"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="243"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="244"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="247"/>
        <source>No events.</source>
        <translation>Событий нет.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="250"/>
        <source>Charges</source>
        <translation>Списания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="264"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="266"/>
        <source>Usage</source>
        <translation>Использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="267"/>
        <source>Ledger entry</source>
        <translation>Запись журнала</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="268"/>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="271"/>
        <source>No charges.</source>
        <translation>Списаний нет.</translation>
    </message>
</context>
<context>
    <name>SubscriptionsTableModel</name>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="35"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="36"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="37"/>
        <source>Plan</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="38"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="41"/>
        <source>Auto-renew</source>
        <translation>Автопродление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="43"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="43"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="46"/>
        <source>Period end</source>
        <translation>Конец периода</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="50"/>
        <source>Pending since</source>
        <translation>Ожидает с</translation>
    </message>
    <message>
        <location filename="../../ui/pages/subscriptions_models.py" line="54"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../ui/pages/base.py" line="307"/>
        <source>Search…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="319"/>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="537"/>
        <source>Export to CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <location filename="../../ui/pages/base.py" line="537"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../ui/tray.py" line="79"/>
        <source>Open Subscriptions Admin</source>
        <translation>Открыть Subscriptions Admin</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="80"/>
        <source>Run renewals now</source>
        <translation>Выполнить продления сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="81"/>
        <location filename="../../ui/tray.py" line="121"/>
        <source>Pause scheduler…</source>
        <translation>Приостановить планировщик…</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="83"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="93"/>
        <source>Subscriptions Admin</source>
        <translation>Subscriptions Admin</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="107"/>
        <source>Subscriptions Admin — %n unread</source>
        <translation>
            <numerusform>Subscriptions Admin — %n непрочитанное</numerusform>
            <numerusform>Subscriptions Admin — %n непрочитанных</numerusform>
            <numerusform>Subscriptions Admin — %n непрочитанных</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="121"/>
        <source>Resume scheduler…</source>
        <translation>Возобновить планировщик…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="134"/>
        <location filename="../../ui/app.py" line="135"/>
        <source>The scheduler is not running in this window</source>
        <translation>В этом окне планировщик не запущен</translation>
    </message>
</context>
<context>
    <name>WalletLedgerTableModel</name>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="129"/>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="130"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="131"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="134"/>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="141"/>
        <source>Balance after</source>
        <translation>Баланс после</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="146"/>
        <source>Actor</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="147"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="150"/>
        <source>Reference</source>
        <translation>Основание</translation>
    </message>
</context>
<context>
    <name>WalletsPage</name>
    <message>
        <location filename="../../ui/pages/wallets.py" line="52"/>
        <source>Customer name, email or id; #id for one wallet</source>
        <translation>Имя, email или ID клиента; #id — один кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="54"/>
        <source>Wallets &amp; ledger</source>
        <translation>Кошельки и журнал</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="56"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="56"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="59"/>
        <source>Refund top-up…</source>
        <translation>Вернуть пополнение…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="60"/>
        <source>Adjust balance…</source>
        <translation>Скорректировать баланс…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="78"/>
        <location filename="../../ui/pages/wallets.py" line="123"/>
        <source>Ledger</source>
        <translation>Журнал операций</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="82"/>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="88"/>
        <source>Refund charge…</source>
        <translation>Вернуть списание…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="92"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="96"/>
        <source>Export ledger…</source>
        <translation>Экспорт журнала…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="104"/>
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="119"/>
        <source>Select a wallet</source>
        <translation>Выберите кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="122"/>
        <source>Select a wallet to see its ledger.</source>
        <translation>Выберите кошелёк, чтобы увидеть его журнал операций.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="127"/>
        <source>Ledger of wallet #%d</source>
        <translation>Журнал операций кошелька #%d</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="145"/>
        <source>Export the ledger to CSV</source>
        <translation>Экспорт журнала операций в CSV</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="145"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="152"/>
        <source>Exported %n ledger entry(s)</source>
        <translation>
            <numerusform>Экспортирована %n запись журнала</numerusform>
            <numerusform>Экспортировано %n записи журнала</numerusform>
            <numerusform>Экспортировано %n записей журнала</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="169"/>
        <source>Select a renewal, usage or plan-change charge in the ledger</source>
        <translation>Выберите в журнале списание за продление, использование или смену тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="172"/>
        <source>Only renewal, usage and plan-change charges can be refunded into the wallet; refund a top-up to the card with Refund top-up…</source>
        <translation>В кошелёк можно вернуть только списания за продление, использование и смену тарифа; пополнение возвращается на карту кнопкой Вернуть пополнение…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="204"/>
        <source>Nothing is left to refund of charge #%d: %s was paid on invoice %s and %s of it has been credited already (refunds and plan-change credits).</source>
        <translation>По списанию #%d возвращать больше нечего: оплачено %s по счёту %s, и %s из этого уже возвращено (возвраты и зачёты при смене тарифа).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="213"/>
        <source>Give back part or all of %s charge #%d (%s, %s) into the wallet, as a credit note against invoice %s. Paid on that invoice: %s; credited against it so far (refunds and plan-change credits): %s. At most %s is left to refund.</source>
        <translation>Вернуть в кошелёк часть или всё списание (%s) #%d (%s, %s) кредит-нотой по счёту %s. Оплачено по этому счёту: %s; уже возвращено по нему (возвраты и зачёты при смене тарифа): %s. Вернуть можно не более %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="247"/>
        <source>Refunded %s of charge #%d into the wallet, a credit note against invoice %s</source>
        <translation>В кошелёк возвращено %s списания #%d, кредит-нотой по счёту %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="360"/>
        <source>The refund did not go through yet: %s. The %s left the wallet and is queued for retry with the same key, so the card is never paid twice.</source>
        <translation>Возврат пока не прошёл: %s. Сумма %s списана с кошелька и поставлена в очередь на повтор с тем же ключом, поэтому на карту она никогда не поступит дважды.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="202"/>
        <location filename="../../ui/pages/wallets.py" line="228"/>
        <source>Refund charge</source>
        <translation>Возврат списания</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="230"/>
        <source>Amount (%s, at most %s)</source>
        <translation>Сумма (%s, не более %s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="231"/>
        <source>Refund into wallet</source>
        <translation>Вернуть в кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="236"/>
        <source>At most %s of this charge is left to refund.</source>
        <translation>По этому списанию можно вернуть не более %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="272"/>
        <location filename="../../ui/pages/wallets.py" line="313"/>
        <location filename="../../ui/pages/wallets.py" line="365"/>
        <source>Refund top-up</source>
        <translation>Возврат пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="273"/>
        <source>Wallet #%d has no paid top-up with anything left to refund.</source>
        <translation>В кошельке #%d нет оплаченных пополнений, по которым можно что-то вернуть.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="280"/>
        <source>#%d — %s on %s, %s left</source>
        <translation>#%d — %s от %s, осталось %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="300"/>
        <source>At most %s can go back to the card</source>
        <translation>На карту можно вернуть не более %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="302"/>
        <source> (%s is left of this top-up, but the wallet holds only %s)</source>
        <translation> (от этого пополнения осталось %s, но в кошельке только %s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="315"/>
        <source>Send money from a paid top-up back to the card of %s. The wallet (balance %s) pays it at once; if the card processor refuses, the amount comes back into the wallet.</source>
        <translation>Вернуть деньги оплаченного пополнения на карту клиента %s. Сумма сразу списывается из кошелька (баланс %s); если процессинг карты откажет, сумма вернётся в кошелёк.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="319"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="319"/>
        <location filename="../../ui/pages/wallets.py" line="386"/>
        <source>Amount (%s)</source>
        <translation>Сумма (%s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="320"/>
        <source>Refund to card</source>
        <translation>Вернуть на карту</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="321"/>
        <source>Sending the refund to the card…</source>
        <translation>Отправка возврата на карту…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="328"/>
        <source>At most %s can be refunded from this top-up now.</source>
        <translation>Сейчас по этому пополнению можно вернуть не более %s.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="337"/>
        <source>Sending the refund of top-up #%d to the card…</source>
        <translation>Отправка возврата пополнения #%d на карту…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="351"/>
        <source>The refund of %s was sent to the card.</source>
        <translation>Возврат %s отправлен на карту.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="353"/>
        <source>The card processor refused the refund of %s (%s); the amount is back in the wallet.</source>
        <translation>Процессинг карты отклонил возврат %s (%s); сумма возвращена в кошелёк.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="377"/>
        <source>e.g. 10.00 to credit, -2.50 to debit</source>
        <translation>например 10.00 — зачислить, -2.50 — списать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="380"/>
        <source>Adjust balance</source>
        <translation>Корректировка баланса</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="382"/>
        <source>Correct the balance of wallet #%d (%s, %s) by a signed amount. The adjustment is a ledger entry of its own; the balance can never go below zero.</source>
        <translation>Скорректировать баланс кошелька #%d (%s, %s) на сумму со знаком. Корректировка записывается в журнал операций отдельной записью; баланс не может стать отрицательным.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="387"/>
        <source>Adjust</source>
        <translation>Скорректировать</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="394"/>
        <source>The wallet holds %s; it cannot go below zero.</source>
        <translation>В кошельке %s; баланс не может стать отрицательным.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets.py" line="407"/>
        <source>Wallet #%d adjusted by %s; balance now %s</source>
        <translation>Баланс кошелька #%d скорректирован на %s; теперь %s</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="110"/>
        <source>top-up</source>
        <translation>пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="111"/>
        <source>renewal</source>
        <translation>продление</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="112"/>
        <source>usage</source>
        <translation>использование</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="113"/>
        <source>plan change</source>
        <translation>смена тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="115"/>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="114"/>
        <source>plan-change credit</source>
        <translation>зачёт при смене тарифа</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="116"/>
        <source>adjustment</source>
        <translation>корректировка</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="117"/>
        <source>reversal</source>
        <translation>сторно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="188"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="188"/>
        <source>customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="189"/>
        <source>Balance</source>
        <translation>Баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="189"/>
        <source>opened</source>
        <translation>открыт</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="134"/>
        <source>%n ledger entries</source>
        <translation>
            <numerusform>%n запись в журнале</numerusform>
            <numerusform>%n записи в журнале</numerusform>
            <numerusform>%n записей в журнале</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="190"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="199"/>
        <source>Owes %s on its invoices; the next top-up pays it first.</source>
        <translation>Долг по счетам: %s; следующее пополнение сначала погасит его.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="204"/>
        <source>Refunds not settled yet</source>
        <translation>Незавершённые возвраты</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="211"/>
        <source>Recent top-ups</source>
        <translation>Последние пополнения</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="212"/>
        <source>refunded</source>
        <translation>возвращено</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="223"/>
        <source>Subscriptions paid from this wallet</source>
        <translation>Подписки, оплачиваемые из этого кошелька</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="224"/>
        <source>period ends</source>
        <translation>период до</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="33"/>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="34"/>
        <source>processing</source>
        <translation>обрабатывается</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="35"/>
        <source>succeeded</source>
        <translation>успешно</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="36"/>
        <source>failed</source>
        <translation>не прошло</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="37"/>
        <source>retrying</source>
        <translation>повторяется</translation>
    </message>
    <message>
        <location filename="../../ui/pages/words.py" line="38"/>
        <source>manual review</source>
        <translation>ручная проверка</translation>
    </message>
</context>
<context>
    <name>WalletsTableModel</name>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="58"/>
        <source>Wallet</source>
        <translation>Кошелёк</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="61"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="65"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="68"/>
        <source>Balance</source>
        <translation>Баланс</translation>
    </message>
    <message>
        <location filename="../../ui/pages/wallets_models.py" line="74"/>
        <source>Last movement</source>
        <translation>Последнее движение</translation>
    </message>
</context>
</TS>

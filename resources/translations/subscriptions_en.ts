<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/audit.py" line="298"/>
        <source>%n entries selected</source>
        <translation>
            <numerusform>%n entry selected</numerusform>
            <numerusform>%n entries selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutoTopUpPanel</name>
    <message numerus="yes">
        <location filename="../../ui/pages/auto_topup.py" line="135"/>
        <source>%n day(s) before a renewal the wallet cannot pay, charge %1 the shortfall rounded up to %2</source>
        <translation>
            <numerusform>%n day before a renewal the wallet cannot pay, charge %1 the shortfall rounded up to %2</numerusform>
            <numerusform>%n days before a renewal the wallet cannot pay, charge %1 the shortfall rounded up to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatchUpPrompt</name>
    <message numerus="yes">
        <location filename="../../ui/pages/catch_up.py" line="113"/>
        <source>Caught up: %n renewal(s) paid.</source>
        <translation>
            <numerusform>Caught up: %n renewal paid.</numerusform>
            <numerusform>Caught up: %n renewals paid.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/customer_page.py" line="320"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/customers.py" line="446"/>
        <source>%n pending subscription(s) renewed at once.</source>
        <translation>
            <numerusform>%n pending subscription renewed at once.</numerusform>
            <numerusform>%n pending subscriptions renewed at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/dashboard.py" line="349"/>
        <source>%n subscription(s) in all</source>
        <translation>
            <numerusform>%n subscription in all</numerusform>
            <numerusform>%n subscriptions in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorQueuePage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="256"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="257"/>
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>%n item selected</numerusform>
            <numerusform>%n items selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="271"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="319"/>
        <source>Retry %n item(s) now?</source>
        <translation>
            <numerusform>Retry %n item now?</numerusform>
            <numerusform>Retry %n items now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="327"/>
        <source>Retrying %n item(s)…</source>
        <translation>
            <numerusform>Retrying %n item…</numerusform>
            <numerusform>Retrying %n items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="346"/>
        <source>%n not attempted: the payment gateway is still refusing calls</source>
        <translation>
            <numerusform>%n not attempted: the payment gateway is still refusing calls</numerusform>
            <numerusform>%n not attempted: the payment gateway is still refusing calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="352"/>
        <source>%n with no recorded outcome: another runner took it, see its attempts</source>
        <translation>
            <numerusform>%n with no recorded outcome: another runner took it, see its attempts</numerusform>
            <numerusform>%n with no recorded outcome: another runner took it, see its attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="361"/>
        <source>Cancel the retries of %n item(s)? They close as canceled and are not tried again.</source>
        <translation>
            <numerusform>Cancel the retries of %n item? It closes as canceled and is not tried again.</numerusform>
            <numerusform>Cancel the retries of %n items? They close as canceled and are not tried again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="372"/>
        <source>Canceled %n item(s)</source>
        <translation>
            <numerusform>Canceled %n item</numerusform>
            <numerusform>Canceled %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="381"/>
        <source>Escalate %n item(s) to manual? Automatic attempts stop until an operator acts.</source>
        <translation>
            <numerusform>Escalate %n item to manual? Automatic attempts stop until an operator acts.</numerusform>
            <numerusform>Escalate %n items to manual? Automatic attempts stop until an operator acts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="391"/>
        <source>Escalated %n item(s) to manual</source>
        <translation>
            <numerusform>Escalated %n item to manual</numerusform>
            <numerusform>Escalated %n items to manual</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="418"/>
        <source>Change the retry strategy of %n item(s)?</source>
        <translation>
            <numerusform>Change the retry strategy of %n item?</numerusform>
            <numerusform>Change the retry strategy of %n items?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="429"/>
        <source>%n item(s) now on %s</source>
        <translation>
            <numerusform>%n item now on %s</numerusform>
            <numerusform>%n items now on %s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="437"/>
        <source>Mark %n item(s) resolved? Say how they were settled.</source>
        <translation>
            <numerusform>Mark %n item resolved? Say how it was settled.</numerusform>
            <numerusform>Mark %n items resolved? Say how they were settled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="446"/>
        <source>Resolved %n item(s)</source>
        <translation>
            <numerusform>Resolved %n item</numerusform>
            <numerusform>Resolved %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GatewaySimulationGroup</name>
    <message numerus="yes">
        <location filename="../../ui/pages/scheduler_panels.py" line="95"/>
        <source>Circuit breaker closed: calls go through (%n failure(s) in a row).</source>
        <translation>
            <numerusform>Circuit breaker closed: calls go through (%n failure in a row).</numerusform>
            <numerusform>Circuit breaker closed: calls go through (%n failures in a row).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message numerus="yes">
        <location filename="../../ui/search.py" line="78"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Intervals</name>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="53"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="55"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="57"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="59"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="270"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeText</name>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="150"/>
        <source>%n subscription(s) renewed</source>
        <translation>
            <numerusform>%n subscription renewed</numerusform>
            <numerusform>%n subscriptions renewed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="174"/>
        <source>%n attempt(s) failed</source>
        <translation>
            <numerusform>%n attempt failed</numerusform>
            <numerusform>%n attempts failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="200"/>
        <source>%n failed operation(s) are waiting</source>
        <translation>
            <numerusform>%n failed operation is waiting</numerusform>
            <numerusform>%n failed operations are waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="203"/>
        <source>%n subscription(s) waiting for funds.</source>
        <translation>
            <numerusform>%n subscription waiting for funds.</numerusform>
            <numerusform>%n subscriptions waiting for funds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="210"/>
        <source>%n renewal(s) paid, %1 in total</source>
        <translation>
            <numerusform>%n renewal paid, %1 in total</numerusform>
            <numerusform>%n renewals paid, %1 in total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="247"/>
        <source>%n renewal(s) are waiting for funds, %1 owed in total</source>
        <translation>
            <numerusform>%n renewal is waiting for funds, %1 owed in total</numerusform>
            <numerusform>%n renewals are waiting for funds, %1 owed in total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="258"/>
        <source>%n subscription(s) are active again, %1 paid</source>
        <translation>
            <numerusform>%n subscription is active again, %1 paid</numerusform>
            <numerusform>%n subscriptions are active again, %1 paid</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="261"/>
        <source>The first %n have a notice each.</source>
        <translation>
            <numerusform>The first %n has a notice of its own.</numerusform>
            <numerusform>The first %n have a notice each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="264"/>
        <source>%n subscription(s) expired in the renewal pass</source>
        <translation>
            <numerusform>%n subscription expired in the renewal pass</numerusform>
            <numerusform>%n subscriptions expired in the renewal pass</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="251"/>
        <source>The first %n have a notice each; Subscriptions, status “pending renewal”, lists them all.</source>
        <translation>
            <numerusform>The first %n has a notice of its own; Subscriptions, status “pending renewal”, lists them all.</numerusform>
            <numerusform>The first %n have a notice each; Subscriptions, status “pending renewal”, lists them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="220"/>
        <source>%n subscription(s) held: %1 period(s), %2 to catch up</source>
        <translation>
            <numerusform>%n subscription held: %1 period(s), %2 to catch up</numerusform>
            <numerusform>%n subscriptions held: %1 period(s), %2 to catch up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="267"/>
        <source>The first %n have a notice each; Subscriptions, status “expired”, lists them all.</source>
        <translation>
            <numerusform>The first %n has a notice of its own; Subscriptions, status “expired”, lists them all.</numerusform>
            <numerusform>The first %n have a notice each; Subscriptions, status “expired”, lists them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="278"/>
        <source>Grace period: %n day(s).</source>
        <translation>
            <numerusform>Grace period: %n day.</numerusform>
            <numerusform>Grace period: %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="301"/>
        <source>%n top-up(s) failed within a minute</source>
        <translation>
            <numerusform>%n top-up failed within a minute</numerusform>
            <numerusform>%n top-ups failed within a minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="302"/>
        <source>%n renewal(s) waiting for funds within a minute</source>
        <translation>
            <numerusform>%n renewal waiting for funds within a minute</numerusform>
            <numerusform>%n renewals waiting for funds within a minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="303"/>
        <source>%n refund(s) failed within a minute</source>
        <translation>
            <numerusform>%n refund failed within a minute</numerusform>
            <numerusform>%n refunds failed within a minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="304"/>
        <source>%n item(s) need an operator</source>
        <translation>
            <numerusform>%n item needs an operator</numerusform>
            <numerusform>%n items need an operator</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="305"/>
        <source>%n top-up(s) credited within a minute</source>
        <translation>
            <numerusform>%n top-up credited within a minute</numerusform>
            <numerusform>%n top-ups credited within a minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="306"/>
        <source>%n automatic top-up(s) declined</source>
        <translation>
            <numerusform>%n automatic top-up declined</numerusform>
            <numerusform>%n automatic top-ups declined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="307"/>
        <source>%n subscription(s) active again</source>
        <translation>
            <numerusform>%n subscription active again</numerusform>
            <numerusform>%n subscriptions active again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="308"/>
        <source>%n subscription(s) expiring</source>
        <translation>
            <numerusform>%n subscription expiring</numerusform>
            <numerusform>%n subscriptions expiring</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="309"/>
        <source>%n subscription(s) expired</source>
        <translation>
            <numerusform>%n subscription expired</numerusform>
            <numerusform>%n subscriptions expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/notice_text.py" line="311"/>
        <source>%n notification(s) within a minute</source>
        <translation>
            <numerusform>%n notification within a minute</numerusform>
            <numerusform>%n notifications within a minute</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="461"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="499"/>
        <source>%n notification(s) selected</source>
        <translation>
            <numerusform>%n notification selected</numerusform>
            <numerusform>%n notifications selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="526"/>
        <source>%n notification(s) of this kind came within a minute (%s); the latest:</source>
        <translation>
            <numerusform>%n notification of this kind came within a minute (%s); the latest:</numerusform>
            <numerusform>%n notifications of this kind came within a minute (%s); the latest:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="594"/>
        <location filename="../../ui/pages/notifications.py" line="609"/>
        <source>Marked %n notification(s) read</source>
        <translation>
            <numerusform>Marked %n notification read</numerusform>
            <numerusform>Marked %n notifications read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenewalPassDialog</name>
    <message numerus="yes">
        <location filename="../../ui/pages/invoices.py" line="568"/>
        <source>%n invoice(s) issued by the renewal pass of %s.</source>
        <translation>
            <numerusform>%n invoice issued by the renewal pass of %s.</numerusform>
            <numerusform>%n invoices issued by the renewal pass of %s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowCounts</name>
    <message numerus="yes">
        <location filename="../../ui/pages/base.py" line="434"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/base.py" line="437"/>
        <source>Exported %n row(s)</source>
        <translation>
            <numerusform>Exported %n row</numerusform>
            <numerusform>Exported %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/settings_page.py" line="355"/>
        <source>%n setting(s) saved</source>
        <translation>
            <numerusform>%n setting saved</numerusform>
            <numerusform>%n settings saved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="204"/>
        <source>Subscriptions Admin — %n unread</source>
        <translation>
            <numerusform>Subscriptions Admin — %n unread</numerusform>
            <numerusform>Subscriptions Admin — %n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray.py" line="314"/>
        <source>%n notification(s) in all</source>
        <translation>
            <numerusform>%n notification in all</numerusform>
            <numerusform>%n notifications in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WalletsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="118"/>
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="148"/>
        <source>%n ledger entries</source>
        <translation>
            <numerusform>%n ledger entry</numerusform>
            <numerusform>%n ledger entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="166"/>
        <source>Exported %n ledger entry(s)</source>
        <translation>
            <numerusform>Exported %n ledger entry</numerusform>
            <numerusform>Exported %n ledger entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Windows</name>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="498"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="499"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="500"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="506"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
</TS>

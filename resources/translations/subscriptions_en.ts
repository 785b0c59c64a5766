<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/audit.py" line="295"/>
        <source>%n entries selected</source>
        <translation>
            <numerusform>%n entry selected</numerusform>
            <numerusform>%n entries selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/customers.py" line="333"/>
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
        <location filename="../../ui/pages/dashboard.py" line="277"/>
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
        <location filename="../../ui/pages/error_queue.py" line="222"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="223"/>
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>%n item selected</numerusform>
            <numerusform>%n items selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="237"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="285"/>
        <source>Retry %n item(s) now?</source>
        <translation>
            <numerusform>Retry %n item now?</numerusform>
            <numerusform>Retry %n items now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="297"/>
        <source>Retrying %n item(s)…</source>
        <translation>
            <numerusform>Retrying %n item…</numerusform>
            <numerusform>Retrying %n items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="310"/>
        <source>Cancel the retries of %n item(s)? They close as canceled and are not tried again.</source>
        <translation>
            <numerusform>Cancel the retries of %n item? It closes as canceled and is not tried again.</numerusform>
            <numerusform>Cancel the retries of %n items? They close as canceled and are not tried again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="321"/>
        <source>Canceled %n item(s)</source>
        <translation>
            <numerusform>Canceled %n item</numerusform>
            <numerusform>Canceled %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="330"/>
        <source>Escalate %n item(s) to manual? Automatic attempts stop until an operator acts.</source>
        <translation>
            <numerusform>Escalate %n item to manual? Automatic attempts stop until an operator acts.</numerusform>
            <numerusform>Escalate %n items to manual? Automatic attempts stop until an operator acts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="340"/>
        <source>Escalated %n item(s) to manual</source>
        <translation>
            <numerusform>Escalated %n item to manual</numerusform>
            <numerusform>Escalated %n items to manual</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="365"/>
        <source>Change the retry strategy of %n item(s)?</source>
        <translation>
            <numerusform>Change the retry strategy of %n item?</numerusform>
            <numerusform>Change the retry strategy of %n items?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="376"/>
        <source>%n item(s) now on %s</source>
        <translation>
            <numerusform>%n item now on %s</numerusform>
            <numerusform>%n items now on %s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="384"/>
        <source>Mark %n item(s) resolved? Say how they were settled.</source>
        <translation>
            <numerusform>Mark %n item resolved? Say how it was settled.</numerusform>
            <numerusform>Mark %n items resolved? Say how they were settled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/error_queue.py" line="393"/>
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
        <location filename="../../ui/pages/scheduler_panels.py" line="102"/>
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
        <location filename="../../ui/search.py" line="71"/>
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
        <location filename="../../ui/pages/words.py" line="50"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="52"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="54"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/words.py" line="56"/>
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
        <location filename="../../ui/main_window.py" line="149"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="208"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="235"/>
        <source>%n notification(s) selected</source>
        <translation>
            <numerusform>%n notification selected</numerusform>
            <numerusform>%n notifications selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/notifications.py" line="311"/>
        <location filename="../../ui/pages/notifications.py" line="326"/>
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
        <location filename="../../ui/pages/invoices.py" line="482"/>
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
        <location filename="../../ui/pages/base.py" line="276"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/base.py" line="279"/>
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
        <location filename="../../ui/pages/settings_page.py" line="311"/>
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
        <location filename="../../ui/tray.py" line="107"/>
        <source>Subscriptions Admin — %n unread</source>
        <translation>
            <numerusform>Subscriptions Admin — %n unread</numerusform>
            <numerusform>Subscriptions Admin — %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WalletsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="104"/>
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="134"/>
        <source>%n ledger entries</source>
        <translation>
            <numerusform>%n ledger entry</numerusform>
            <numerusform>%n ledger entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/wallets.py" line="152"/>
        <source>Exported %n ledger entry(s)</source>
        <translation>
            <numerusform>Exported %n ledger entry</numerusform>
            <numerusform>Exported %n ledger entries</numerusform>
        </translation>
    </message>
</context>
</TS>

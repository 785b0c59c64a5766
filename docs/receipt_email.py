"""Draw docs/screenshots/receipt-email.png: a receipt email as a mail client shows it.

The message is the sender's own: the receipt template rendered for a sample customer, built into
the same EmailMessage the notices job hands to the mail server (headers, text, HTML, the invoice's
PDF attached). Its HTML part is laid out by Qt's rich text under a header block (From, To, Subject,
Date, the attachment), the way a mail client's reading pane shows it.

    QT_QPA_PLATFORM=offscreen python docs/receipt_email.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen, QTextDocument  # noqa: E402

from services.mail_delivery import MailServer, OutgoingNotice, build_message  # noqa: E402
from services.mail_templates import Business, render, sample_params  # noqa: E402

WIDTH = 820
BUSINESS = Business("Northwind Hosting", "12 Harbour Street\nBristol BS1 4QA\nUnited Kingdom")
SERVER = MailServer("smtp.northwind.example", 587, "starttls", "billing", "billing@northwind.example")
SENT_AT = datetime(2026, 3, 5, 2, 0, 14)


def receipt_message():
    params = {**sample_params("receipt"), "balance_minor": 4710}
    notice = OutgoingNotice(
        42, 7, "Ada Lovelace", "ada@example.com", "receipt", "en", params, "invoice", 42,
        "<177266881400.4242.notice42@northwind.example>", 1,
    )  # fmt: skip
    pdf = ("INV-2026-000042.pdf", b"%PDF-1.4 (the invoice)", "application/pdf")
    mail = render("receipt", "en", params, notice.customer_name, BUSINESS, attached=[pdf[0]])
    return build_message(notice, mail, SERVER, BUSINESS, SENT_AT, [pdf])


def draw(out: Path) -> None:
    message = receipt_message()
    html = message.get_body(("html",)).get_content()
    attachments = [part.get_filename() for part in message.iter_attachments()]
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setHtml(html)
    document.setTextWidth(WIDTH)

    header_rows = [
        ("From", str(message["From"])),
        ("To", str(message["To"])),
        ("Date", "Thu, 5 Mar 2026, 02:00"),
    ]
    top_bar, pad = 36, 22
    subject_height, row_height = 34, 22
    header_height = pad + subject_height + row_height * len(header_rows) + 14 + 34 + pad
    height = top_bar + header_height + int(document.size().height()) + 1
    image = QImage(WIDTH, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    # The client's own toolbar strip.
    painter.fillRect(0, 0, WIDTH, top_bar, QColor("#e9ecf1"))
    painter.setPen(QColor("#5f6b7a"))
    painter.setFont(QFont("DejaVu Sans", 9))
    painter.drawText(QRectF(pad, 0, WIDTH - 2 * pad, top_bar), Qt.AlignmentFlag.AlignVCenter, "Inbox  ›  Receipt")
    painter.drawText(
        QRectF(pad, 0, WIDTH - 2 * pad, top_bar),
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
        "Reply    Forward    Archive",
    )

    # Subject, then From / To / Date, then the attachment.
    y = top_bar + pad
    painter.setPen(QColor("#1d2733"))
    painter.setFont(QFont("DejaVu Sans", 15, QFont.Weight.Bold))
    painter.drawText(QRectF(pad, y, WIDTH - 2 * pad, subject_height), Qt.AlignmentFlag.AlignVCenter, message["Subject"])
    y += subject_height
    for label, value in header_rows:
        painter.setFont(QFont("DejaVu Sans", 10))
        painter.setPen(QColor("#7a8594"))
        painter.drawText(QRectF(pad, y, 60, row_height), Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(QColor("#1d2733"))
        painter.drawText(QRectF(pad + 60, y, WIDTH - 2 * pad - 60, row_height), Qt.AlignmentFlag.AlignVCenter, value)
        y += row_height
    y += 14
    for name in attachments:
        chip = QRectF(pad, y, 210, 30)
        painter.setPen(QPen(QColor("#cfd6df"), 1))
        painter.setBrush(QColor("#f7f8fa"))
        painter.drawRoundedRect(chip, 5, 5)
        badge = QRectF(pad + 6, y + 5, 34, 20)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#c62828"))
        painter.drawRoundedRect(badge, 3, 3)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(QFont("DejaVu Sans", 8, QFont.Weight.Bold))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "PDF")
        painter.setPen(QColor("#1d2733"))
        painter.setFont(QFont("DejaVu Sans", 9))
        painter.drawText(QRectF(pad + 48, y, 160, 30), Qt.AlignmentFlag.AlignVCenter, name)
    y += 34 + pad
    painter.setPen(QPen(QColor("#e3e7ec"), 1))
    painter.drawLine(0, int(y) - 1, WIDTH, int(y) - 1)

    # The HTML part, as the message carries it.
    painter.translate(0, y)
    document.drawContents(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(out)


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    draw(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "receipt-email.png")

"""Draw the first page of a receipt PDF as a picture for README: docs/screenshots/receipt-pdf.png.

A small demo business renews for a month, a customer who used more than the plan includes gets a
renewal invoice, and the invoice is laid out by the same code that writes its PDF (ui.pdf.text_document)
and painted onto a white A4 image. With --pdf it writes the PDF itself too:

    python docs/receipt_pdf.py [OUT.png] [--pdf OUT.pdf] [--language en|ru]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from models.db import database, init_database  # noqa: E402
from models.migrations import migrate  # noqa: E402
from models.tables import Invoice, Plan, Subscription  # noqa: E402
from services.auth import Actor  # noqa: E402
from services.clock import FixedClock  # noqa: E402
from services.demo import create_demo  # noqa: E402
from services.files import write_private_file  # noqa: E402
from services.invoice_documents import DocumentKind, load_document  # noqa: E402
from ui.pdf import A4_UNITS, document_pdf, ensure_gui_application, text_document  # noqa: E402

MOMENT = datetime(2026, 3, 2, 9, 30)
BUSINESS = {"business.address": "12 Harbour Street\nBristol BS1 4RN\nUnited Kingdom\nVAT GB 123 4567 89"}
SCALE = 1.5  # A4 at 144 dpi: 1190×1684 pixels


def demo_invoice(folder: Path) -> str:
    """The number of a renewal invoice with usage lines, from a demo business that ran for a month."""
    from scheduler.core import build_core

    init_database(str(folder / "demo.sqlite3"))
    database.connect(reuse_if_open=True)
    migrate()
    clock = FixedClock(MOMENT - timedelta(days=32))
    core = build_core(clock, gateway_sleep=lambda seconds: None)
    create_demo(clock, customers=120, seed=7, overdue_share=0.0)
    system = Actor("demo", "system")
    core.settings.update(system, BUSINESS)
    # One Pro customer uses more than the plan includes: its renewal invoice has usage lines to show.
    sub = (
        Subscription.select()
        .join(Plan)
        .where((Plan.code == "pro") & (Subscription.status == "active") & (Subscription.period_end > clock.now()))
        .order_by(Subscription.period_end.desc())
        .first()
    )
    core.payments.top_up(system, sub.customer_id, "120.00")
    core.features.record_usage(system, sub.id, "sms", 1850, idempotency_key="receipt-demo-sms")
    core.features.record_usage(system, sub.id, "storage_gb", 140, idempotency_key="receipt-demo-storage")
    for _ in range(32):
        clock.advance(days=1)
        core.renewals.renew_due_subscriptions()
    invoice = (
        Invoice.select()
        .where((Invoice.subscription == sub.id) & (Invoice.kind == "renewal"))
        .order_by(Invoice.id.desc())
        .get()
    )
    return invoice.number


def page_image(document) -> QImage:
    """The first page as the PDF lays it out, white, at SCALE times its size in points."""
    page = text_document(document)
    image = QImage(int(A4_UNITS.width() * SCALE), int(A4_UNITS.height() * SCALE), QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    page.drawContents(painter, QRectF(0, 0, A4_UNITS.width(), A4_UNITS.height()))
    painter.end()
    return image


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("png", nargs="?", type=Path, default=ROOT / "docs" / "screenshots" / "receipt-pdf.png")
    parser.add_argument("--pdf", type=Path, help="also write the PDF itself here")
    parser.add_argument("--language", choices=("en", "ru"), default="en")
    args = parser.parse_args()
    ensure_gui_application()
    with tempfile.TemporaryDirectory() as folder:
        number = demo_invoice(Path(folder))
        document = load_document(DocumentKind.INVOICE, number, args.language)
        if args.pdf:
            write_private_file(args.pdf, document_pdf(document))
        if not page_image(document).save(str(args.png)):
            print(f"error: cannot write {args.png}", file=sys.stderr)
            return 2
        database.close()
    print(f"{args.png}: {document.title} {document.number}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The action row wraps its buttons instead of widening the pane."""

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ui.flow_layout import FlowLayout


def test_buttons_wrap_onto_a_second_line_when_the_row_is_narrow(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    row = FlowLayout(host)
    buttons = [QPushButton(f"A rather long action {n}…", host) for n in range(4)]
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    note = QLabel("why some are off", host)
    row.insertWidget(0, note)
    widest = max(b.sizeHint().width() for b in buttons)
    assert row.minimumSize().width() == widest  # never asks for more than one button's width
    assert row.sizeHint().width() > 4 * widest  # all on one line when there is room

    host.resize(row.sizeHint().width(), row.heightForWidth(row.sizeHint().width()))
    host.show()
    qtbot.waitExposed(host)
    assert len({b.geometry().top() for b in buttons}) == 1 and note.geometry().left() == 0

    narrow = widest + 10
    host.resize(narrow, row.heightForWidth(narrow))
    row.setGeometry(host.rect())
    tops = [b.geometry().top() for b in buttons]
    assert len(set(tops)) == 4 and tops == sorted(tops)  # one per line, in order
    assert all(b.geometry().right() < narrow for b in buttons)

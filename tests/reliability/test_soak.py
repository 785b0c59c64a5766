"""Half a year of demo time on the real desktop, offscreen: memory levels off, the WAL stays small and
the notification table holds about two weeks of notices while the archive takes the rest.

Each sample is taken after a day's jump (see ``soak_desk.py``); the bounds compare the last months
with the first, so they say "does not keep growing" rather than naming a machine's figures.
"""

import json
import subprocess
import sys
from collections import Counter

import pytest

from tests.conftest import POSTGRES_URL
from tests.reliability.conftest import child_env
from tests.reliability.soak_desk import top_up_rounds

DAYS = 180
MIB_IN_KIB = 1024
MIB_IN_BYTES = 1024 * 1024

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(POSTGRES_URL), reason="the soak measures the SQLite file's WAL"),
]


def test_half_a_year_on_the_desktop_stays_bounded(tmp_path):
    db = tmp_path / "soak.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "tests.reliability.soak_desk", "--db", str(db), "--days", str(DAYS)],
        capture_output=True,
        text=True,
        timeout=1200,
        env={**child_env(), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.splitlines()[-1])
    samples = report["samples"]
    assert [s["day"] for s in samples] == list(range(1, DAYS + 1))
    assert report["clean"]  # every thread ended in time at quit
    by_day = {s["day"]: s for s in samples}
    top_ups = Counter()
    for outcomes in report["top_ups"]:
        top_ups.update(outcomes)
    assert len(report["top_ups"]) == top_up_rounds(DAYS)  # every weekly round of top-ups ran to its end
    assert not [outcome for outcome in top_ups if outcome.startswith("crashed")]
    assert top_ups["succeeded"] > 0 and sum(top_ups.values()) > top_ups["succeeded"]  # and the gateway failed some

    # Memory levels off: the last four months add little to what the first two months reached.
    settled = by_day[60]["rss_kib"]
    assert max(s["rss_kib"] for s in samples) - settled < 24 * MIB_IN_KIB

    # The WAL is checkpointed as it goes: never more than a few MiB.
    assert max(s["wal_bytes"] for s in samples) < 32 * MIB_IN_BYTES

    # The hot table holds what is recent; the archive keeps everything older that was read.
    early_peak = max(by_day[d]["notifications"] for d in range(15, 61))
    assert max(by_day[d]["notifications"] for d in range(61, DAYS + 1)) < 2 * early_peak
    assert by_day[DAYS]["archived"] > 4 * early_peak
    total = by_day[DAYS]["notifications"] + by_day[DAYS]["archived"]
    assert by_day[DAYS]["notifications"] < total / 4

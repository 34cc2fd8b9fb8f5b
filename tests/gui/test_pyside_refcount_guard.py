"""Guard against the PySide6 release that drains the refcount of None (DESIGN.md section 7).

PySide6 6.12.0 on Python 3.11 decrements None's refcount on every call to a method that returns nothing,
and the process aborts after a few thousand calls. The check runs in a child process so that a bad build
fails this test instead of crashing the whole suite.
"""

import subprocess
import sys
import textwrap

CALL_VOID_METHODS = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QObject

    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        holder.setObjectName("probe")
        holder.blockSignals(False)
    print(before - sys.getrefcount(None))
    """
)


def test_void_calls_do_not_drain_the_refcount_of_none() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CALL_VOID_METHODS], check=False, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"PySide6 crashed the interpreter: {result.stderr[-500:]}"
    assert abs(int(result.stdout)) < 100, f"None lost {result.stdout.strip()} references"

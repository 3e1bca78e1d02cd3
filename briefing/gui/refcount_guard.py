"""Protection against a reference-counting defect in some PySide6 builds on Python 3.11.

In the PySide6 6.12.0 wheels, a Qt method that returns nothing (setText, processEvents, …)
gives back one reference to None that it never took. Python 3.12 and later are unaffected,
because None, True and False are immortal there (PEP 683). On older Pythons a long session
would end with "Fatal Python error: deallocating None" after some thousands of calls.

`protect_singletons()` checks for the defect and, only when it is present, raises the
reference counts of None, True and False so far that they can never reach zero: the same
protection Python 3.12 gives them. It changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 40  # more calls than a session could ever make
_done = False


def defect_present() -> bool:
    """True when calling a Qt method that returns nothing loses a reference to None."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 10


def protect_singletons() -> bool:
    """Apply the protection when needed; returns True when it was applied (once)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not defect_present():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _MARGIN
    _done = True
    return True

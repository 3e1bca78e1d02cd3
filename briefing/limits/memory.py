"""Memory freed by the program given back to the system.

On Linux the C library keeps freed memory for reuse, in one pool per thread that has allocated,
so after the work of a thread that has finished with it (a preview's pages loaded on its worker,
a layout let go) the process still holds it. `give_back_freed_memory` asks the library to
return what it can; elsewhere it does nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys


def give_back_freed_memory() -> None:
    """Return the C library's freed memory to the system (Linux; a few milliseconds)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)

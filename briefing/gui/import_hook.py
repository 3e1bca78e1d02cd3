"""Python's own `import` back in place once PySide6 has loaded.

Importing PySide6 replaces `builtins.__import__` with a hook for its `from __feature__ import
snake_case, true_property` switches. After each import the hook reads the source of every
module seen for the first time, looking for the word "PySide6", so that a feature switched on
in one module does not leak into another: about 25 ms of CPU over the 170 modules the window
loads, some tenth of its start-up. The app switches no feature on (nothing in it imports
`__feature__`), so every module sees PySide's defaults with or without the hook.

What stays: `builtins.__orig_import__`, the import the hook hands on to, which Shiboken looks
up by name and which makes `from PySide6.QtX import *` create the module's classes (PySide
creates each class when first used, through the modules' attribute look-up, not the import).
A hook someone else installed after PySide's is left alone.
"""

from __future__ import annotations

import builtins


def drop_feature_hook() -> bool:
    """Load PySide6 (which installs its hook) and put its saved import back as `__import__`;
    True when the hook was PySide's and is now gone."""
    import PySide6  # noqa: F401  (installs the hook on first import)

    feature_hook = getattr(builtins, "__feature_import__", None)
    saved = getattr(builtins, "__orig_import__", None)
    if feature_hook is None or saved is None or builtins.__import__ is not feature_hook:
        return False
    builtins.__import__ = saved
    return True

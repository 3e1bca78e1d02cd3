"""The desktop app (PySide6). The only package that imports Qt; start it with app.run()."""

from __future__ import annotations

from briefing.gui.import_hook import drop_feature_hook
from briefing.gui.refcount_guard import protect_singletons


def _prepare() -> None:
    drop_feature_hook()
    protect_singletons()
    # Imported once PySide's import hook is gone (it would read this module's source).
    from briefing.gui.idle_collect import hold_for_start_up

    hold_for_start_up()  # Python's collector, rarely until the first window is up


_prepare()

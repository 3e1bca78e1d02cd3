"""The desktop app (PySide6). The only package that imports Qt; start it with app.run()."""

from __future__ import annotations

from briefing.gui.refcount_guard import protect_singletons

protect_singletons()

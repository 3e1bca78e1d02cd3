"""The desktop app (PySide6). The only package that imports Qt; start it with app.run()."""

from __future__ import annotations

from briefing.gui.import_hook import drop_feature_hook
from briefing.gui.refcount_guard import protect_singletons

drop_feature_hook()
protect_singletons()

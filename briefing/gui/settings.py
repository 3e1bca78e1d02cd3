"""The app's remembered settings (window layout, folders, recent packs) over QSettings."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT = 8


def app_data_dir() -> Path:
    """The user's data folder for the app (recovery files, default library)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


class Settings:
    """Typed access to QSettings("Briefing", "Briefing"); tests pass their own QSettings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings("Briefing", "Briefing")

    # -- window layout ---------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_window_geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self.store.setValue("window/state", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self.store.setValue(f"splitters/{name}", value)

    def flag(self, name: str, default: bool) -> bool:
        """A remembered on/off choice (e.g. whether the article text shows)."""
        value = self.store.value(f"flags/{name}", None)
        if value is None:
            return default
        return str(value).lower() in ("true", "1")

    def set_flag(self, name: str, value: bool) -> None:
        self.store.setValue(f"flags/{name}", bool(value))

    def reopen_last(self) -> bool:
        """Whether the app opens the last pack on start (on unless the user turns it off)."""
        return self.flag("reopen-last", True)

    def set_reopen_last(self, value: bool) -> None:
        self.set_flag("reopen-last", value)

    # -- folders -----------------------------------------------------------------------------
    def library_folder(self) -> Path:
        """The chosen library folder, or the library's own default one."""
        value = self.store.value("folders/library", "")
        if value:
            return Path(str(value))
        from briefing.library.store import default_root

        return default_root()

    def set_library_folder(self, folder: Path) -> None:
        self.store.setValue("folders/library", str(folder))

    def export_folder(self) -> Path | None:
        value = self.store.value("folders/export", "")
        return Path(str(value)) if value else None

    def set_export_folder(self, folder: Path) -> None:
        self.store.setValue("folders/export", str(folder))

    def open_folder(self) -> Path | None:
        value = self.store.value("folders/open", "")
        return Path(str(value)) if value else None

    def set_open_folder(self, folder: Path) -> None:
        self.store.setValue("folders/open", str(folder))

    # -- recent packs ----------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        """Recent packs, newest first; files that no longer exist are dropped."""
        value = self.store.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a lone entry as a string
            value = [value] if value else []
        paths = [Path(str(v)) for v in value] if isinstance(value, list) else []
        kept = [p for p in paths if p.is_file()][:MAX_RECENT]
        if len(kept) != len(paths):
            self._store_recent(kept)
        return kept

    def add_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        paths = [p for p in self.recent_files() if p != path]
        self._store_recent([path, *paths][:MAX_RECENT])

    def _store_recent(self, paths: list[Path]) -> None:
        self.store.setValue("recent/files", [str(p) for p in paths])

    # -- export ---------------------------------------------------------------------------------
    def export_rates(self) -> dict[str, float]:
        """Seconds per item of each build stage, as this computer's exports measured them (for
        the estimate of time left; see briefing.build.estimate)."""
        try:
            value = json.loads(str(self.store.value("export/rates", "") or "{}"))
        except ValueError:
            return {}
        if not isinstance(value, dict):
            return {}
        return {
            str(stage): float(rate)
            for stage, rate in value.items()
            if isinstance(rate, int | float) and 0 < rate < 10
        }

    def set_export_rates(self, rates: dict[str, float]) -> None:
        self.store.setValue("export/rates", json.dumps(rates, sort_keys=True))

    # -- helpers -------------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def sync(self) -> None:
        self.store.sync()

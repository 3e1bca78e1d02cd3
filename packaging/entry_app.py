"""The bundled `briefing-app` program (windowed on Windows): opens the desktop app."""

from __future__ import annotations

import sys

from briefing.cli.gui import app_main

if __name__ == "__main__":
    sys.exit(app_main())

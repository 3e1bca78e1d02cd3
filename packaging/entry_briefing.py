"""The bundled `briefing` program (console): the command line, or the app when run bare."""

from __future__ import annotations

import sys

from briefing.cli import main

if __name__ == "__main__":
    sys.exit(main())

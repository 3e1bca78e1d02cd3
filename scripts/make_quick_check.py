"""Make briefing/packfile/quick_check.py again from the shipped pack schema.

Run from the repository root after changing the schema (or upgrading fastjsonschema):
    python scripts/make_quick_check.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.packfile.schema import quick_check_source  # noqa: E402

TARGET = ROOT / "briefing" / "packfile" / "quick_check.py"


def main() -> int:
    TARGET.write_text(quick_check_source(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

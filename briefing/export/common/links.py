"""Link safety, one rule for every writer: a link is live only when its address has one of the
document model's LINK_SCHEMES and no control characters; any other address stays plain text."""

from __future__ import annotations

from briefing.document.model import LINK_SCHEMES


def safe_href(href: str) -> str:
    """The link target if it is an address in LINK_SCHEMES with no control characters, else ""."""
    value = href.strip()
    if not value.lower().startswith(LINK_SCHEMES):
        return ""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return ""
    return value

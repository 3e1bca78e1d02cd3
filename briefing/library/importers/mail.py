"""Emails saved as .eml (newsletters) and web pages saved as one file (.mhtml, .mht).

Both are MIME messages, read with the standard library's email parser. An email gives its
subject as the title, its sender as the source and its date; its text is the HTML part's main
text (through the web page reader), else the plain-text part. A single-file web page is the HTML
part of the archive, read as a saved web page. Nothing is fetched; attachments are ignored.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from briefing.library.importers.plain import read_txt
from briefing.library.importers.source import ImportFailure, SourceText, normalise_newlines
from briefing.library.importers.webpage import read_html


def _message(name: str, data: bytes) -> EmailMessage:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception:  # the parser is lenient; anything it raises means a damaged file
        raise ImportFailure(
            name, "the file is damaged: save it again and import the copy."
        ) from None
    assert isinstance(message, EmailMessage)
    return message


def _part_text(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset or damaged encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _first(message: EmailMessage, subtype: str) -> EmailMessage | None:
    for part in message.walk():
        if part.get_content_type() == f"text/{subtype}" and not part.is_attachment():
            return part
    return None


def read_eml(name: str, data: bytes) -> SourceText:
    message = _message(name, data)
    html, plain = _first(message, "html"), _first(message, "plain")
    if html is not None and _part_text(html).strip():
        source = read_html(name, _part_text(html).encode("utf-8"))
    elif plain is not None and _part_text(plain).strip():
        source = read_txt(name, normalise_newlines(_part_text(plain)).encode("utf-8"))
    else:
        raise ImportFailure(
            name,
            "the email has no text to import (perhaps only attachments): "
            "save the attachment itself and import that.",
        )
    meta = dict(source.meta)
    subject = " ".join(str(message.get("subject", "")).split())
    if subject:
        meta["title"] = subject
    sender = message.get("from")
    if sender is not None:
        addresses = getattr(sender, "addresses", ())
        who = addresses[0].display_name or addresses[0].addr_spec if addresses else str(sender)
        if who.strip():
            meta["source"] = " ".join(who.split())
    sent = message.get("date")
    if sent:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            meta["published"] = parsedate_to_datetime(str(sent)).date()
    source.meta = meta
    source.format = "html"  # one article with the title above: split as a saved page
    return source


def read_mhtml(name: str, data: bytes) -> SourceText:
    message = _message(name, data)
    html = _first(message, "html")
    if html is None or not _part_text(html).strip():
        raise ImportFailure(
            name,
            "no web page was found inside this file. Open it in Edge or "
            "Chrome and save it again as 'Webpage, Single File'.",
        )
    return read_html(name, _part_text(html).encode("utf-8"))

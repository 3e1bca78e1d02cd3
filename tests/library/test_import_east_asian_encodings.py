"""Japanese, Chinese and Korean articles saved in their own legacy encodings with no declared
character set (a .txt from an older program, a saved page with no charset) are read as the
text they hold, not stored as garbled Windows-1252; Western text keeps Windows-1252."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.library.importers import import_path, read_source

if TYPE_CHECKING:
    from pathlib import Path

ARTICLES = {
    "shift_jis": (
        "東京都の住宅費用",
        "東京都は住宅の費用が上がり続けていると発表しました。"
        "区役所は一時的な住まいを探す世帯を支援します。",
    ),
    "gb18030": (
        "伦敦的临时住房",
        "伦敦市议会表示，临时住房的费用持续上涨。议会将为寻找住所的家庭提供帮助，并审查预算。",
    ),
    "euc_kr": (
        "서울의 임시 주택",
        "서울시는 임시 주택 비용이 계속 오르고 있다고 밝혔습니다. "
        "구청은 집을 찾는 가구를 지원합니다.",
    ),
}


@pytest.mark.parametrize("encoding", list(ARTICLES))
def test_a_text_file_in_a_legacy_east_asian_encoding(tmp_path: Path, encoding: str):
    title, body = ARTICLES[encoding]
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(f"{title}\n\n{body}\n\n{body}\n".encode(encoding))
    [article] = import_path(path)
    assert article.title == title
    assert body in article.body


@pytest.mark.parametrize("encoding", list(ARTICLES))
def test_a_saved_page_with_no_charset_in_a_legacy_east_asian_encoding(
    tmp_path: Path, encoding: str
):
    title, body = ARTICLES[encoding]
    page = (
        f"<!doctype html><html><head><title>{title}</title><style>body {{ margin: 0 }}"
        f"</style></head><body><article><h1>{title}</h1><p>{body}</p><p>{body}</p>"
        "</article></body></html>"
    )
    path = tmp_path / f"{encoding}.html"
    path.write_bytes(page.encode(encoding))
    source = read_source(path)
    assert source.meta.get("title") == title and body in source.text


def test_western_text_keeps_windows_1252(tmp_path: Path):
    path = tmp_path / "precepts.txt"
    text = (
        "Parish precepts rise again\n\nThe café’s rent rose by £5,000 – a “significant” "
        "increase, the clerk said. Señor Müller agreed.\n"
    )
    path.write_bytes(text.encode("cp1252"))
    source = read_source(path)
    assert source.encoding == "cp1252"
    assert "café’s rent rose by £5,000 – a “significant”" in source.text

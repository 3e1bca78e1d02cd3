"""A briefing's metadata is the pack's, never its template's: a council template's custom
properties (with a Microsoft sensitivity label), SharePoint customXml items, its thumbnail, its
application properties and document variables stay out of every Word file built on it, so a
public version never carries the template's "OFFICIAL-SENSITIVE" label."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from briefing.export.registry import render
from tests.cli.housing_pack import housing_pack

REFERENCE = Path(__file__).resolve().parents[2] / "assets" / "templates" / "reference.docx"
LABEL_ID = "3f8a2c1e-0b6d-4c55-9a7e-2d1f4b8c9e10"
CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" '
    f'name="MSIP_Label_{LABEL_ID}_Name"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property>'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="CaseReference">'
    "<vt:lpwstr>HR-2025-0042 grievance</vt:lpwstr></property></Properties>"
)
LABEL_INFO = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata">'
    f'<clbl:label id="{{{LABEL_ID}}}" enabled="1" method="Privileged" siteId="{{x}}" '
    'removed="0"/></clbl:labelList>'
)
SHAREPOINT = (
    '<?xml version="1.0"?><p:properties xmlns:p="http://schemas.microsoft.com/office/'
    '2006/metadata/properties"><documentManagement><Owner>j.smith@example.gov.uk'
    "</Owner></documentManagement></p:properties>"
)
APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
    'openxmlformats.org/officeDocument/2006/extended-properties"><Template>HR casework.dotm'
    "</Template><Company>Example Borough Council HR</Company><Manager>J. Smith</Manager>"
    "</Properties>"
)
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def labelled_template(folder: Path) -> Path:
    """The reference template as a council's would arrive: labelled, with SharePoint data."""
    from PIL import Image

    thumb = io.BytesIO()
    Image.new("RGB", (32, 45), "white").save(thumb, "JPEG")
    target = folder / "council-template.docx"
    with zipfile.ZipFile(REFERENCE) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    (
                        b'<Default Extension="jpeg" ContentType="image/jpeg"/>'
                        b'<Override PartName="/docProps/custom.xml" ContentType="application/'
                        b'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                        b'<Override PartName="/docMetadata/LabelInfo.xml" ContentType="application/'
                        b'vnd.ms-office.classificationlabels+xml"/>'
                        b'<Override PartName="/customXml/item2.xml" ContentType="application/xml"/>'
                        b"</Types>"
                    ),
                )
            elif info.filename == "_rels/.rels":
                data = data.replace(
                    b"</Relationships>",
                    (
                        f'<Relationship Id="rId90" Type="{_R}/custom-properties" '
                        'Target="docProps/custom.xml"/>'
                        f'<Relationship Id="rId91" Type="{_PKG}/metadata/thumbnail" '
                        'Target="docProps/thumbnail.jpeg"/>'
                        '<Relationship Id="rId92" Type="http://schemas.microsoft.com/office/2020/02/'
                        'relationships/classificationlabels" Target="docMetadata/LabelInfo.xml"/>'
                        "</Relationships>"
                    ).encode(),
                )
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    (
                        f'<Relationship Id="rId90" Type="{_R}/customXml" '
                        'Target="../customXml/item2.xml"/></Relationships>'
                    ).encode(),
                )
            elif info.filename == "docProps/app.xml":
                data = APP.encode()
            elif info.filename == "word/settings.xml":
                data = data.replace(
                    b"</w:settings>",
                    b'<w:docVars><w:docVar w:name="Case" '
                    b'w:val="HR-2025-0042"/></w:docVars></w:settings>',
                )
            out.writestr(info, data)
        out.writestr("docProps/custom.xml", CUSTOM)
        out.writestr("docProps/thumbnail.jpeg", thumb.getvalue())
        out.writestr("docMetadata/LabelInfo.xml", LABEL_INFO)
        out.writestr("customXml/item2.xml", SHAREPOINT)
    return target


LEAKS = (
    "OFFICIAL-SENSITIVE",
    "MSIP_Label",
    LABEL_ID,
    "HR-2025-0042",
    "j.smith@example",
    "Example Borough Council HR",
    "HR casework.dotm",
)


def leaks_in(docx: bytes) -> list[str]:
    found = []
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        names = package.namelist()
        found += [
            n
            for n in names
            if n.startswith(("docProps/custom", "docProps/thumbnail", "docMetadata/", "customXml/"))
        ]
        for name in names:
            text = package.read(name).decode("utf-8", "replace")
            found += [f"{leak} in {name}" for leak in LEAKS if leak in text]
    return found


def test_the_templates_own_metadata_never_reaches_the_word_file(tmp_path, make_sample_document):
    template = labelled_template(tmp_path)
    assert leaks_in(template.read_bytes())  # the fixture carries all of it
    document = make_sample_document(template=template, marking="OFFICIAL")
    built = render("docx", document).data
    assert leaks_in(built) == []
    with zipfile.ZipFile(io.BytesIO(built)) as package:
        core = package.read("docProps/core.xml").decode()
    assert "<cp:category>OFFICIAL</cp:category>" in core  # the pack's own marking


def test_a_public_version_built_on_a_labelled_template_carries_no_label(tmp_path):
    labelled_template(tmp_path)
    pack = housing_pack(tmp_path, "Costs rose sharply.")
    text = pack.read_text(encoding="utf-8").replace(
        "budget:",
        "classification: OFFICIAL\nlayout:\n  template: council-template.docx\nbudget:",
        1,
    )
    pack.write_text(text, encoding="utf-8")
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "build",
            str(pack),
            "--format",
            "docx",
            "--audience",
            "public",
        ],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    built = (tmp_path / "Housing test pack (public).docx").read_bytes()
    assert leaks_in(built) == []
    # Word and LibreOffice open it: the package is whole without the parts taken out.
    with zipfile.ZipFile(io.BytesIO(built)) as package:
        assert package.testzip() is None
        types = package.read("[Content_Types].xml").decode()
    assert "custom-properties" not in types and "classificationlabels" not in types

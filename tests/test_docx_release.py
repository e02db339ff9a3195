"""The DOCX reader frees python-docx's package (its parsed XML) when it returns, without waiting for Python's
cyclic collector: python-docx's parts and package refer to each other, so their trees would otherwise live until
the collector's next pass (``readers.docx.release_package``)."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import docx
import pytest
from docx.opc.part import XmlPart
from docx.oxml.xmlchemy import BaseOxmlElement

from parsers.readers.docx import read_docx, release_package

DOCX = sorted((Path(__file__).parent / "fixtures" / "rendered").glob("*.docx"))


def _oxml_elements() -> int:
    """python-docx's element proxies alive (each holds its document's libxml2 tree)."""
    return sum(1 for o in gc.get_objects() if isinstance(o, BaseOxmlElement))


@pytest.fixture
def no_collector():
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_fixtures_exist() -> None:
    assert len(DOCX) >= 5


def test_reading_leaves_no_tree_alive(no_collector: None) -> None:
    before = _oxml_elements()
    for path in DOCX:
        read_docx(path.read_bytes())
    assert _oxml_elements() == before


def test_python_docx_alone_keeps_its_trees(no_collector: None) -> None:
    """The test above can fail: a package opened and dropped without the release keeps its trees."""
    before = _oxml_elements()
    document = docx.Document(io.BytesIO(DOCX[0].read_bytes()))
    del document
    assert _oxml_elements() > before


def test_release_empties_every_loaded_part(no_collector: None) -> None:
    before = _oxml_elements()
    document = docx.Document(io.BytesIO(DOCX[0].read_bytes()))
    package = document.part.package
    parts = list(package.iter_parts())
    assert sum(isinstance(p, XmlPart) for p in parts) >= 4  # document, styles, settings, numbering, core …
    release_package(package)
    assert all(not vars(p) for p in parts)
    del document
    assert _oxml_elements() == before


def test_text_is_read_alike_twice() -> None:
    """The release changes nothing a later read sees (python-docx shares no part between packages)."""
    for path in DOCX:
        data = path.read_bytes()
        first = read_docx(data)
        assert read_docx(data).text == first.text

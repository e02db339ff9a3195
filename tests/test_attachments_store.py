"""The attachments pipeline's file store, made by several worker processes starting at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from crawler.pipelines import AttachmentsPipeline
from crawler.spiders.generic import GenericSpider


def test_a_store_folder_another_worker_makes_first_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = tmp_path / "raw"
    real_exists = Path.exists

    def other_worker_wins(path: Path, *args: object, **kwargs: object) -> bool:
        # another worker makes the folder between Scrapy's question whether it exists and its mkdir
        if path == raw and not real_exists(path):
            raw.mkdir()
            return False
        return real_exists(path)

    monkeypatch.setattr(Path, "exists", other_worker_wins)
    crawler = get_crawler(GenericSpider, {"FILES_STORE": str(raw)})
    pipeline = AttachmentsPipeline.from_crawler(crawler)  # before: FileExistsError, and the worker died
    assert raw.is_dir()
    assert Path(pipeline.store.basedir) == raw  # type: ignore[attr-defined]

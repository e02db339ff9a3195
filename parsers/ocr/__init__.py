"""OCR of scanned reports: page images (:mod:`.pages`), preprocessing (:mod:`.preprocess`), ruled tables from
the image (:mod:`.grid`), the engine behind one function (:mod:`.engine`), words and boxes to the extracted-text
convention (:mod:`.layout`), a document's pages on every core (:mod:`.document`) and misread digits decided by
the identities (:mod:`.correct`). The reader is :mod:`parsers.readers.ocr`."""

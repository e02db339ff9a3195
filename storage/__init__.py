"""Storage: the layer below the crawler and the command line, and the one place that writes.

- :mod:`storage.store` — :class:`~storage.store.Store`, SQLite (``data/nianbao.db``) and the raw archive;
- :mod:`storage.archive` — the content-addressed raw archive (``data/raw/<sha[:2]>/<sha>``);
- :mod:`storage.harvested` — how a harvested document becomes a report (crawl and reparse share it);
- :mod:`storage.recovery` — what a killed harvest leaves, put right on the next start;
- :mod:`storage.summary` — a run's figures, read back from the store.

It imports only :mod:`parsers` (below it); never :mod:`crawler` or :mod:`nianbao` (above it).
"""

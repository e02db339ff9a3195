"""The Scrapy project: portal spiders (one base spider per CMS family), replay/recording download handlers,
request accounting, and the pipelines that hand reports to :class:`storage.store.Store`.

Entry points: ``nianbao harvest`` and ``nianbao crawl URL`` (both through :mod:`crawler.run`), or plain
``scrapy crawl NAME`` from the repository root (``scrapy.cfg``).
"""

"""Spiders: one base spider per CMS family (``trs_list``, ``trs_folder``), one module per portal, and the
generic spider behind ``nianbao crawl URL``. ``nianbao checkall`` checks every spider's name, file name and
docstring."""

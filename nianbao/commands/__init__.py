"""Sub-commands of the ``nianbao`` command line; each module has ``add_parser`` and ``run``."""

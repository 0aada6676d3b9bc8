"""argmap: take a text apart into its arguments.

Importing this package never imports Qt; only :mod:`argmap.ui` and :mod:`argmap.app` do.
"""

__version__ = "0.1.0"

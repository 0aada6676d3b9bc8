"""One module per headless command; see :mod:`argmap.cli`."""

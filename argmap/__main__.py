"""``python -m argmap``: the same entry point as the ``argmap`` script."""

import sys

from argmap.cli import main

if __name__ == "__main__":
    sys.exit(main())

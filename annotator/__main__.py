"""`python -m annotator` runs the command line."""
import sys

from annotator.cli import main

if __name__ == "__main__":  # not when a second process of an import loads this module (multiprocessing spawn)
    sys.exit(main())

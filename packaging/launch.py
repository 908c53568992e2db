"""The bundle's entry point: the `annotator` command."""
import multiprocessing
import sys

from annotator.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a second process of an import starts this program again: it reads, then ends
    sys.exit(main())

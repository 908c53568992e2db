"""The bundle's entry point: the `annotator` command."""
import sys

from annotator.cli import main

sys.exit(main())

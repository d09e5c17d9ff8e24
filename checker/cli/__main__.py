"""`python -m budsjett_lint.checker.cli`: the command line, as `budsjett-lint` runs it."""

import sys

from . import main

sys.exit(main())

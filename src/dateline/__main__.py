"""``python -m dateline``: the same command as ``dateline``."""

import sys

from dateline.cli.main import main

sys.exit(main())

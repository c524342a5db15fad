"""``python -m hub.cli``: the same as ``bianmin-hub``."""

import sys

from hub.cli import main

sys.exit(main())

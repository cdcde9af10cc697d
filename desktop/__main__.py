"""`python -m desktop` is the same as `gdpr-desk`."""

import sys

from desktop.cli import main

sys.exit(main())

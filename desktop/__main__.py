"""`python -m desktop` is the same as `gdpr-desk`."""

import sys

from desktop.cli import main

# The guard matters: the demo-data builder starts a worker process, which re-imports this module
# on platforms that spawn rather than fork.
if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Django's command-line utility; the same as the ``waishi`` command."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from waishi.__main__ import main  # noqa: E402

if __name__ == "__main__":
    main()

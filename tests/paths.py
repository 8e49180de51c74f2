"""Where things are, for tests in any folder: the repository root, found once here."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEDERATION_DIR = ROOT / "tests" / "federation"  # the npm folder of the composition test

"""`python -m hub` runs the `tatawwu` command."""

from hub.entry.cli import main

main()

"""`python -m hub` runs the `tatawwu` command."""

from hub.cli import main

main()

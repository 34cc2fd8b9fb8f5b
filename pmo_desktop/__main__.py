"""Run the `pmo-desktop` command with `python -m pmo_desktop`."""

from pmo_desktop.cli import main

raise SystemExit(main())

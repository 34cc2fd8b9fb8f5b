"""The `pmo-desktop` command: open the app, or work on a portfolio file from the shell.

    pmo-desktop [FILE] [--demo]     open the app (on FILE, the demo, or the last file)
    pmo-desktop new FILE            create an empty portfolio
    pmo-desktop demo FILE           write the demo portfolio (--size large for the benchmark one)
    pmo-desktop check FILE          exit 0 with a summary, or 1 with one sentence saying what is wrong
    pmo-desktop info FILE           name, format version, which app created and saved it, counts
    pmo-desktop boardpack FILE -o PACK.pdf [--period 2026-Q4] [--sections LIST] [--classification TEXT]
                                    [--paper a4|letter]   write the board pack (PDF) of a quarter

Every error is one line on stderr and a non-zero exit, never a traceback.
"""

import argparse
import importlib
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from pmo_desktop import __version__
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.i18n import tr

COMMANDS = ("new", "demo", "check", "info", "boardpack")
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70

COUNTED = (
    ("programme", "programmes"),
    ("project", "projects"),
    ("task", "tasks and milestones"),
    ("dependency", "dependencies"),
    ("person", "people"),
    ("allocation", "allocations"),
    ("raid_item", "RAID items"),
    ("status_report", "status reports"),
)


class _OneLineParser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="pmo-desktop", description=tr("Portfolio planning for PMOs."))
    parser.add_argument("--version", action="version", version=f"PMO Desktop {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_OneLineParser)
    new = commands.add_parser("new", help=tr("create an empty portfolio file"))
    new.add_argument("file", type=Path)
    new.add_argument("--name", default=None, help=tr("the portfolio's name (default: the file name)"))
    demo = commands.add_parser("demo", help=tr("write the demo portfolio"))
    demo.add_argument("file", type=Path)
    demo.add_argument("--size", choices=("standard", "large"), default="standard")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--force", action="store_true", help=tr("replace the file if it exists"))
    for name, text in (("check", "check a portfolio file"), ("info", "describe a portfolio file")):
        commands.add_parser(name, help=tr(text)).add_argument("file", type=Path)
    _add_boardpack(commands)
    return parser


def _add_boardpack(commands: "argparse._SubParsersAction[_OneLineParser]") -> None:
    pack = commands.add_parser("boardpack", help=tr("write the board pack (PDF) of a portfolio"))
    pack.add_argument("file", type=Path)
    pack.add_argument("-o", "--output", type=Path, required=True, help=tr("the PDF to write"))
    pack.add_argument("--period", help=tr("the quarter, e.g. 2026-Q4, FY2027-Q3, CY2026-Q4 (default: this one)"))
    pack.add_argument("--sections", help=tr("which sections, comma-separated (default: all)"))
    pack.add_argument("--classification", help=tr("the marking on every page (default: the portfolio's)"))
    pack.add_argument("--paper", choices=("a4", "letter"), default="a4")
    pack.add_argument("--as-of", type=_day, dest="today", help=tr("read the portfolio as if today were DAY"))


def _day(text: str) -> date:
    """An ISO date for argparse; anything else is refused in one line."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{text}' is not a date such as 2026-11-27", text=text)) from None


def _gui_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="pmo-desktop", description=tr("Open PMO Desktop."))
    parser.add_argument("--version", action="version", version=f"PMO Desktop {__version__}")
    parser.add_argument("file", nargs="?", type=Path, help=tr("a portfolio to open"))
    parser.add_argument("--demo", action="store_true", help=tr("open a fresh copy of the demo portfolio"))
    return parser


def _counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(table, 0):,} {label}" for table, label in COUNTED)


def _new(args: argparse.Namespace) -> int:
    from pmo_desktop.services.workspace import Workspace

    target: Path = args.file
    if target.exists():
        raise PmoError(tr("'{name}' already exists; choose another name.", name=target.name))
    Workspace.create(target, args.name or target.stem).close()
    print(tr("Created {path}", path=target))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from pmo_desktop.services.files import write_demo

    write_demo(args.file, seed=args.seed, large=args.size == "large", overwrite=args.force)
    print(tr("Wrote the {size} demo portfolio to {path}", size=args.size, path=args.file))
    return 0


def _check(args: argparse.Namespace) -> int:
    from pmo_desktop.services.files import check_file

    facts = check_file(args.file)
    upgrade = tr(" (it will be upgraded when opened)") if facts.needs_upgrade else ""
    print(
        tr(
            "'{name}' is a sound PMO Desktop portfolio, file format {version}{upgrade}.",
            name=args.file.name,
            version=facts.version,
            upgrade=upgrade,
        )
    )
    print(_counts_line(facts.counts))
    return 0


def _info(args: argparse.Namespace) -> int:
    from pmo_desktop.services.files import check_file

    facts = check_file(args.file)
    rows = (
        (tr("Portfolio"), facts.portfolio_name),
        (tr("File format"), str(facts.version) + (tr(" (older: upgraded on open)") if facts.needs_upgrade else "")),
        (tr("Created by"), facts.created_by or tr("unknown")),
        (tr("Saved by"), facts.saved_by or tr("unknown")),
        (tr("Size"), f"{facts.size_bytes / 1_048_576:.1f} MB"),
        (tr("Contents"), _counts_line(facts.counts)),
    )
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    return 0


def _boardpack(args: argparse.Namespace) -> int:
    from pmo_desktop.reporting.export import export_board_pack
    from pmo_desktop.reporting.options import ALL_SECTIONS, PackOptions, Paper, parse_sections

    source: Path = args.file
    output: Path = args.output
    if output.resolve() == source.resolve():
        raise PmoError(
            tr("The board pack would replace the portfolio '{name}'; choose another name.", name=source.name)
        )
    options = PackOptions(
        sections=parse_sections(args.sections) if args.sections is not None else ALL_SECTIONS,
        paper=Paper(args.paper),
        period=args.period,
        classification=args.classification,
        today=args.today,
    )
    result = export_board_pack(source, output, options)
    print(
        tr(
            "Wrote the {period} board pack of '{name}' ({pages} pages) to {path}",
            period=result.period,
            name=source.name,
            pages=result.pages,
            path=output,
        )
    )
    return 0


HANDLERS = {"new": _new, "demo": _demo, "check": _check, "info": _info, "boardpack": _boardpack}


def _open_gui(args: argparse.Namespace) -> int:
    # Imported by name so that the core (this module included) never depends on Qt: `check`, `info` and
    # the rest run on machines without a display or without Qt's libraries.
    app = importlib.import_module("pmo_desktop.gui.app")
    result: int = app.run(args.file, demo=args.demo)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    is_command = bool(arguments) and arguments[0] in COMMANDS
    try:
        if is_command:
            args = _parser().parse_args(arguments)
            return HANDLERS[args.command](args)
        return _open_gui(_gui_parser().parse_args(arguments))
    except PmoError as error:
        print(f"pmo-desktop: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        print(f"pmo-desktop: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INTERNAL

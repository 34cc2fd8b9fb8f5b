"""Find bundled resources (icons, styles, fonts, demo data) from a checkout and from an installed wheel."""

import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"
_INSTALLED = Path(sys.prefix) / "share" / "pmo-desktop" / "resources"


def resources_root() -> Path:
    """The `resources/` folder: the checkout's when running from source, else the installed copy."""
    return _CHECKOUT if _CHECKOUT.is_dir() else _INSTALLED


def resource_path(relative: str) -> Path:
    """The path of a bundled resource, e.g. `resource_path("icons/app.svg")`."""
    return resources_root() / relative

"""Fixtures of the portfolio view tests: the demo portfolio, copied for each test."""

from tests.gui.portfolio_demo import demo_document, demo_file, demo_master

__all__ = ["demo_document", "demo_file", "demo_master"]

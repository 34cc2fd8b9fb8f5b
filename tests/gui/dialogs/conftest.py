"""Fixtures of the dialog tests: the demo portfolio of the portfolio editors, copied for each test."""

from tests.gui.portfolio_demo import demo_document, demo_file, demo_master

__all__ = ["demo_document", "demo_file", "demo_master"]

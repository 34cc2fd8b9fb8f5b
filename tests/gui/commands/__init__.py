"""Tests of pmo_desktop.gui.commands."""

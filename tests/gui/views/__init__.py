"""Tests of pmo_desktop.gui.views."""

"""Tests of pmo_desktop.gui.dialogs."""

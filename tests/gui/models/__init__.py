"""Tests of pmo_desktop.gui.models."""

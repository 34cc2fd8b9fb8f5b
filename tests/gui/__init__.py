"""Tests of pmo_desktop.gui, mirroring its package layout; they run on Qt's offscreen platform."""

"""Undo commands: each captures its state when built and calls one service operation per step."""

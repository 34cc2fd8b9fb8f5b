"""PMO Desktop: portfolio planning for project management offices, kept in one safe `.pmo` file."""

__version__ = "0.1.0"
APP_NAME = "PMO Desktop"

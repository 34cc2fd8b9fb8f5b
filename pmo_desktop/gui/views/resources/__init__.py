"""The resources view: people and their allocations."""

"""Plain value types of the portfolio: enums, the record of changes, domain errors. Standard library only."""

"""The only API the GUI and the CLI use: operations that return `Changes`, queries that return plain data."""

"""The project's benchmark (`make bench`): speed and memory targets on the large synthetic portfolio."""

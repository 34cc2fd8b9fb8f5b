"""Long jobs run off the UI thread: each worker is a QObject moved to its own QThread, reporting by signals."""

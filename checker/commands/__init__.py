"""One module a command; see `checker/cli.py`."""

"""The checker: the engine, configuration, reports, the command line and the editor server."""

#: The version, read by `--version` and the editor server, and by setuptools for the package's
#: metadata (`pyproject.toml`, `[tool.setuptools.dynamic]`): one place, and no metadata lookup at run time.
__version__ = "0.1.0"

"""The checker: the engine and its configuration at this level (engine, config, diagnostics,
suppressions, fixes, files, escaping, summary), and one sub-package a job: `cli` the command
line, `report` every rendering, `amend` the amendment loop, `importer` drafts from documents,
`editor` the language server and the formatter."""

#: The version, read by `--version` and the editor server, and by setuptools for the package's
#: metadata (`pyproject.toml`, `[tool.setuptools.dynamic]`): one place, and no metadata lookup at run time.
__version__ = "0.1.0"

"""Configuration: `[tool.budsjett-lint]` in pyproject.toml or `.budsjett-lint.yaml`.

Found upward from the linted file; the nearest file that configures the tool
wins. Every problem names the file and the key, and is raised as `ConfigError`.

    [tool.budsjett-lint]
    select = ["BAL", "FUN001"]      # codes or prefixes; default: every rule
    ignore = ["TXT002"]
    fail-on = "warning"             # error (default), warning or info
    max-file-size = 20_000_000      # bytes; larger files are refused (docs/robustness.md)
    docs-url = "https://intranet.example/budsjett-lint/rules/"  # where rule links in reports point
    exclude = ["arkiv/**"]          # files not checked when their folder is; relative to this file
    per-file-ignores = {"forslag/utkast-*.budsjett" = ["TXT"]}

    [tool.budsjett-lint.severity]
    RMP007 = "info"

    [tool.budsjett-lint.options.BAL001]
    tolerance = 0.1

    [tool.budsjett-lint.format]
    indent = 2
    align = true
"""

from __future__ import annotations

import dataclasses
import functools
import os
import reprlib
import stat
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

from ..rules import BY_CODE, ENGINE_RULES, RULES
from ..rules.base import SEVERITIES, Severity
from ..rules.syntax import CODES as PARSER_CODES

ALL_CODES = tuple(p.code for p in PARSER_CODES) + tuple(m.CODE for m in RULES + ENGINE_RULES)
YAML_NAMES = (".budsjett-lint.yaml", ".budsjett-lint.yml")
DEFAULT_MAX_FILE_SIZE = 20_000_000  # the 100 000-entry stress test of bench/ is 16 MB


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class FormatOptions:
    indent: int = 2
    align: bool = True


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # empty: everything
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)  # code -> the rule's Options instance
    fail_on: str = "error"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    format: FormatOptions = FormatOptions()
    path: Path | None = None  # where it was read from
    docs_url: str | None = None  # the base of the rule pages, `{code}` or `<base>/<code>.md`; None: no links
    exclude: tuple[str, ...] = ()  # glob patterns, relative to the configuration's folder
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob pattern, codes)

    def _relative(self, file: str) -> str | None:
        base = self.path.parent if self.path is not None else Path.cwd()
        try:
            return Path(file).resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            return None

    def excludes(self, file: str) -> bool:
        """Whether `exclude` leaves the file out (a pattern matches it, or a folder above it)."""
        shown = self._relative(file) if self.exclude else None
        return shown is not None and any(_matches(shown, p) for p in self.exclude)

    def for_file(self, file: str) -> Config:
        """The configuration with the `per-file-ignores` that match this file added to `ignore`."""
        shown = self._relative(file) if self.per_file_ignores and file != "-" else None
        extra = tuple(c for pattern, codes in self.per_file_ignores if shown is not None and _matches(shown, pattern)
                      for c in codes)
        return dataclasses.replace(self, ignore=self.ignore + extra) if extra else self

    def rule_url(self, code: str) -> str | None:
        """The link to a rule's page under `docs-url`, or None where no documentation base is set."""
        if self.docs_url is None:
            return None
        if "{code}" in self.docs_url:
            return self.docs_url.replace("{code}", code)
        return f"{self.docs_url.rstrip('/')}/{code}.md"

    def enabled(self, code: str) -> bool:
        if any(code.startswith(p) for p in self.ignore):
            return False
        return not self.select or any(code.startswith(p) for p in self.select)

    def options_for(self, module: ModuleType):
        return self.options.get(module.CODE) or module.Options()

    @property
    def balance_tolerance(self) -> Decimal:
        """The gap that counts as balanced: BAL001's `tolerance`, read alike by the rules,
        `summary`, `diff` and amendment mode."""
        from ..rules import unbalanced_year

        return self.options_for(unbalanced_year).tolerance

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)

    def with_overrides(self, *, select=None, ignore=None, fail_on=None) -> Config:
        changes: dict[str, Any] = {}
        if select is not None:
            changes["select"] = tuple(_codes(select, "--select", "select"))
        if ignore is not None:
            changes["ignore"] = self.ignore + tuple(_codes(ignore, "--ignore", "ignore"))
        if fail_on is not None:
            changes["fail_on"] = fail_on
        return dataclasses.replace(self, **changes)


def _matches(path: str, pattern: str) -> bool:
    """A glob pattern as ruff's exclude reads it: the path or one of its folders; `**` any depth."""
    import fnmatch

    pattern = pattern.strip("/")
    parts = path.split("/")
    candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return any(fnmatch.fnmatchcase(c, pattern) or fnmatch.fnmatchcase(c, pattern.replace("**/", "")) or
               ("/" not in pattern and fnmatch.fnmatchcase(c.rsplit("/", 1)[-1], pattern)) for c in candidates)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` (a file or folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for d in (folder, *folder.parents):
        for name in YAML_NAMES:
            if (d / name).is_file():
                return d / name
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject, quiet=True) is not None:
            return pyproject
    return None


def config_at(where: Path, explicit: str | Path | None = None) -> Config:
    """The configuration of a file or folder, found one way by every command: the file that
    `--config` names (`explicit`) where one does, else the nearest one at or above `where`,
    else the defaults."""
    return load_config(Path(explicit) if explicit else find_config(where))


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    if path.name == "pyproject.toml":
        table = _pyproject_section(path, quiet=False) or {}
    else:
        table = _yaml_table(path)
    return parse_config(table, str(path), path)


MAX_CONFIG_SIZE = 1_000_000


def _read(path: Path) -> str:
    """A configuration file's text. What is not a regular file (a folder, a FIFO
    that would block for ever) is refused, and so is a file too large to be one, and a
    symbolic link that leads out of its folder (a committed `.budsjett-lint.yaml ->
    ~/.git-credentials` would be quoted in the error)."""
    from .files import link_problem

    if path.is_symlink() and (problem := link_problem(path, path.parent)):
        raise ConfigError(problem)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise ConfigError(f"{path}: cannot read: it is a folder")
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError(f"{path}: cannot read: not a regular file")
        if st.st_size > MAX_CONFIG_SIZE:
            raise ConfigError(f"{path}: cannot read: {st.st_size} bytes is too large for a configuration")
        with open(path, "rb") as fh:
            data = fh.read(MAX_CONFIG_SIZE + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start}") from None


def _pyproject_section(path: Path, quiet: bool) -> dict | None:
    """The `[tool.budsjett-lint]` table, or None. While searching (`quiet`), a file
    that cannot be read or parsed is passed over, unless it mentions the tool."""
    try:
        raw = _read(path)
    except ConfigError:
        if quiet:
            return None
        raise
    if quiet and "budsjett-lint" not in raw:
        return None  # no table of ours: not worth parsing
    try:
        data = _toml(raw)
    except (ValueError, RecursionError) as exc:  # TOMLDecodeError, or an integer too long to convert
        if quiet and "budsjett-lint" not in raw:
            return None  # someone else's broken file
        raise ConfigError(f"{path}: invalid TOML: {_message(exc)}") from None
    tool = data.get("tool", {})
    section = tool.get("budsjett-lint") if isinstance(tool, dict) else None
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: tool.budsjett-lint: expected a table, got {_shown(section)}")
    return section


@functools.lru_cache(maxsize=8)
def _toml(raw: str) -> dict:
    """`tomllib.loads`, kept for the last texts read: the editor server looks for the configuration
    at every check, and the proposal's `pyproject.toml` takes 1.5 ms to parse. Shared: never changed."""
    import tomllib  # only for a file that may hold our table: it costs start-up time

    return tomllib.loads(raw)


def _yaml_table(path: Path) -> dict:
    import yaml

    raw = _read(path)
    try:
        data = yaml.safe_load(raw)  # safe_load only: no tag ever builds an object or runs code
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}: invalid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    except (ValueError, RecursionError) as exc:  # an integer too long to convert; nesting too deep
        raise ConfigError(f"{path}: invalid YAML: {_message(exc)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys to values, got {_shown(data)}")
    return data


def _message(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split("; use sys.set_int_max_str_digits", 1)[0]


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict, _REPR.maxstring, _REPR.maxother = 2, 4, 4, 60, 60


def _shown(value: Any) -> str:
    """A configured value as a message quotes it: short, whatever its size (YAML
    aliases can make a small file hold a structure too large to print)."""
    try:
        return _REPR.repr(value)
    except ValueError:  # an integer too long to print
        return "a number too long to print"


_KEYS = {"select", "ignore", "fail-on", "severity", "options", "format", "max-file-size", "docs-url", "exclude",
         "per-file-ignores"}


def parse_config(table: dict, source: str, path: Path | None = None) -> Config:
    """Check and convert a configuration table; `source` names it in messages."""
    unknown = sorted(set(map(str, table)) - _KEYS)
    if unknown:
        raise ConfigError(f"{source}: unknown key `{unknown[0]}`; known keys: {', '.join(sorted(_KEYS))}")
    select = tuple(_codes(table.get("select", []), source, "select"))
    ignore = tuple(_codes(table.get("ignore", []), source, "ignore"))
    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        raise ConfigError(f"{source}: fail-on: expected one of error, warning, info, got {_shown(fail_on)}")
    max_size = table.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise ConfigError(f"{source}: max-file-size: expected a positive whole number of bytes, got {_shown(max_size)}")

    docs_url = table.get("docs-url")
    if docs_url is not None and (not isinstance(docs_url, str)
                                 or not docs_url.startswith(("https://", "http://", "file:/"))):
        raise ConfigError(f"{source}: docs-url: expected the address of the rule pages (https://..., http://... or "
                          f"file:/...), got {_shown(docs_url)}")

    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(p, str) and p for p in exclude):
        raise ConfigError(f"{source}: exclude: expected a list of glob patterns, got {_shown(exclude)}")
    per_file = tuple((pattern, tuple(_codes(codes, source, f"per-file-ignores.{pattern}")))
                     for pattern, codes in _table(table, "per-file-ignores", source).items())

    severity = _table(table, "severity", source)
    for code, level in severity.items():
        _known_code(code, source, f"severity.{code}")
        if level not in SEVERITIES:
            raise ConfigError(f"{source}: severity.{code}: expected one of error, warning, info, got {_shown(level)}")

    options: dict[str, Any] = {}
    for code, values in _table(table, "options", source).items():
        _known_code(code, source, f"options.{code}")
        module = BY_CODE.get(code)
        if module is None:
            raise ConfigError(f"{source}: options.{code}: parser codes take no options")
        if not isinstance(values, dict):
            raise ConfigError(f"{source}: options.{code}: expected a table of options")
        options[code] = _rule_options(module, values, source, f"options.{code}")

    fmt_table = _table(table, "format", source)
    fmt_known = {f.name for f in dataclasses.fields(FormatOptions)}
    for key in fmt_table:
        if key not in fmt_known:
            raise ConfigError(f"{source}: format.{key}: unknown key; known keys: {', '.join(sorted(fmt_known))}")
    indent = fmt_table.get("indent", 2)
    if not isinstance(indent, int) or isinstance(indent, bool) or not 0 < indent <= 8:
        raise ConfigError(f"{source}: format.indent: expected a whole number from 1 to 8, got {_shown(indent)}")
    align = fmt_table.get("align", True)
    if not isinstance(align, bool):
        raise ConfigError(f"{source}: format.align: expected true or false, got {_shown(align)}")

    return Config(select, ignore, dict(severity), options, fail_on, max_size, FormatOptions(indent, align), path,
                  docs_url, tuple(exclude), per_file)


def _table(table: dict, key: str, source: str) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: {key}: expected a table")
    return value


def _codes(values, source: str, key: str) -> list[str]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        raise ConfigError(f"{source}: {key}: expected a list of rule codes")
    for v in values:
        if not isinstance(v, str) or not any(c.startswith(v) for c in ALL_CODES) or not v:
            raise ConfigError(f"{source}: {key}: unknown rule code or prefix {_shown(v)}{_did_you_mean(v)}")
    return list(values)


def _known_code(code: str, source: str, key: str) -> None:
    if code not in ALL_CODES:
        raise ConfigError(f"{source}: {key}: unknown rule code {_shown(code)}{_did_you_mean(code)}")


def _did_you_mean(code: object) -> str:
    import difflib

    if not isinstance(code, str):
        return ""
    close = difflib.get_close_matches(code.upper(), ALL_CODES, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _rule_options(module: ModuleType, values: dict, source: str, key: str):
    fields = {f.name: f for f in dataclasses.fields(module.Options)}
    converted: dict[str, Any] = {}
    for name, value in values.items():
        f = fields.get(name)
        if f is None:
            known = ", ".join(fields) or "none"
            raise ConfigError(f"{source}: {key}.{name}: unknown option; {module.CODE} takes: {known}")
        converted[name] = _convert(value, f.type if isinstance(f.type, str) else f.type.__name__, f"{source}: {key}.{name}")
    return module.Options(**converted)


def _convert(value, type_name: str, where: str):
    if type_name == "Decimal":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ConfigError(f"{where}: expected a number, got {_shown(value)}")
        try:
            result = Decimal(str(value))
        except ArithmeticError:
            raise ConfigError(f"{where}: expected a number, got {_shown(value)}") from None
        if not result.is_finite() or result < 0:
            raise ConfigError(f"{where}: expected a number of at least 0, got {_shown(value)}")
        return result
    if type_name == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where}: expected a whole number, got {_shown(value)}")
        return value
    if type_name == "bool":
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {_shown(value)}")
        return value
    if type_name == "str":
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a string, got {_shown(value)}")
        return value
    raise ConfigError(f"{where}: unsupported option type {type_name}")  # pragma: no cover

"""The wheel holds every package of the source tree, under `budsjett_lint` only."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT

TOP = ("dsl", "rules", "checker")


def test_every_source_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        "budsjett_lint." + ".".join(init.parent.relative_to(ROOT).parts)
        for top in TOP
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found == listed
    assert all(name.startswith("budsjett_lint.") for name in listed)
    assert config["package-dir"] == {f"budsjett_lint.{t}": t for t in TOP}

"""The CI examples in docs/examples/ are valid YAML with the keys each system needs,
docs/ci.md shows them as they are, and every budsjett-lint command in them is one
the command line accepts."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from budsjett_lint.checker.cli import COMMANDS, build_parser
from tests.conftest import ROOT

EXAMPLES = ROOT / "docs" / "examples"
GITHUB = EXAMPLES / "github-workflow.yml"
GITLAB = EXAMPLES / "gitlab-ci.yml"
SHELL_OPERATORS = {"||", "&&", ";", "|", ">", ">>", "2>&1"}


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _commands(script: str) -> list[list[str]]:
    """The budsjett-lint invocations of a shell script, as argument lists."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        if "budsjett-lint " not in line or line.lstrip().startswith(("#", "pip ")):
            continue
        words = shlex.split(line[line.index("budsjett-lint "):], comments=True)
        cut = next((i for i, w in enumerate(words) if w in SHELL_OPERATORS), len(words))
        found.append(words[1:cut])
    return found


def _parses(argv: list[str]) -> None:
    if argv and argv[0] not in COMMANDS:
        argv = ["check", *argv]  # as main() reads `budsjett-lint FILE`
    try:
        build_parser(argv[0] if argv else None).parse_args(argv)
    except SystemExit as exc:  # argparse's way of refusing
        pytest.fail(f"`budsjett-lint {' '.join(argv)}` is refused by the command line (exit {exc.code})")


def test_github_workflow():
    workflow = _load(GITHUB)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"push", "pull_request"}
    lint, amendment = workflow["jobs"]["lint"], workflow["jobs"]["amendment"]
    assert lint["permissions"]["security-events"] == "write"
    upload = next(s for s in lint["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    sarif_step = next(s for s in lint["steps"] if "--format sarif" in s.get("run", ""))
    assert f"--output {upload['with']['sarif_file']}" in sarif_step["run"]
    assert any("--format github" in s.get("run", "") for s in lint["steps"])

    assert "pull_request" in amendment["if"]
    assert amendment["permissions"]["pull-requests"] == "write"
    checkout = next(s for s in amendment["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    diff_step = next(s for s in amendment["steps"] if "budsjett-lint diff" in s.get("run", ""))
    assert "--format markdown" in diff_step["run"] and "--output amendment.md" in diff_step["run"]
    comment = next(s for s in amendment["steps"] if "gh pr comment" in s.get("run", "") and "amendment.md" in s["run"])
    # a fork's read-only token, or a comparison too long for a comment, must not fail the job: the verdict
    # is the last step's, which runs after it
    assert comment.get("continue-on-error") is True
    verdict = amendment["steps"][-1]
    assert verdict["run"] == "exit 1" and "steps.diff.outputs.status" in verdict["if"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] and all("uses" in s or "run" in s for s in job["steps"])


def test_gitlab_ci():
    config = _load(GITLAB)
    job = config["budsjett-lint"]
    report = job["artifacts"]["reports"]["codequality"]
    assert any(f"--format gitlab --output {report}" in line for line in job["script"])
    junit = job["artifacts"]["reports"]["junit"]
    assert any(f"--format junit --output {junit}" in line for line in job["script"])
    assert job["artifacts"]["when"] == "always"
    assert config["amendment"]["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    assert any("budsjett-lint diff" in line for line in config["amendment"]["script"])
    # a note that cannot be posted (a token without the scope, a closed network) fails nothing:
    # GitLab runs the script with errexit, and the verdict is the last line's
    post = next(line for line in config["amendment"]["script"] if "curl" in line)
    assert "|| echo" in post.split("/notes", 1)[1]
    assert config["amendment"]["script"][-1] == 'exit "$status"'
    for name, item in config.items():
        if isinstance(item, dict) and not name.startswith("."):
            assert item["stage"] in config["stages"]


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=lambda p: p.name)
def test_every_command_in_the_examples_is_accepted(path):
    text = path.read_text(encoding="utf-8")
    data = _load(path)
    scripts: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("run", "script", "before_script") and isinstance(value, (str, list)):
                    scripts.extend([value] if isinstance(value, str) else value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    commands = [c for s in scripts for c in _commands(s)]
    assert len(commands) >= 3, "the example runs budsjett-lint"
    assert len(commands) == len(re.findall(r"(?m)^[^#\n]*budsjett-lint (?:check|diff|summary) ", text))
    for argv in commands:
        _parses(argv)


def test_ci_md_shows_the_examples_as_they_are():
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, flags=re.S)
    assert GITHUB.read_text(encoding="utf-8") in blocks
    assert GITLAB.read_text(encoding="utf-8") in blocks


def test_the_readme_commands_are_accepted():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [c for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.S) for c in _commands(block)]
    assert len(commands) >= 8
    for argv in commands:
        _parses(argv)

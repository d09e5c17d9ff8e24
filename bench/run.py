"""Run the whole benchmark with one command and print the results.

    .venv/bin/pip install -e '.[bench]'   # bean-check, the baseline; skipped where it is absent
    .venv/bin/python bench/run.py         # 1 000, 10 000 and 100 000 entries, a few minutes
    .venv/bin/python bench/run.py --write docs/performance.md

Every figure is a median over several runs with the min-max spread, and every
target is a ratio against a baseline measured in the same run, interleaved
with it, because the machine is shared and its speed varies from minute to
minute: the ratio of each run to the baseline run just before it is taken,
and the median of those ratios is compared with the target.

What is measured:
- start-up: `budsjett-lint proposal.budsjett` (the default report) piped and
  with `--color always` (as a terminal gets it), `--format json`, `rules` and
  `--version`, against `python -c "import lark"`, the interpreter and the
  parser library that no run can avoid;
- end to end at each size: wall time and peak memory (the child's own
  `ru_maxrss`, from `wait4`) of `budsjett-lint FILE --format json`, against
  reading the file and splitting it into lines in Python, and against
  `bean-check` on a ledger of the same number of transactions; at the
  largest size also the file of a tenth as many entries, in the same rounds,
  so that the linear target is a ratio of runs on the same machine too; and
  the default report in colour at each size, for its time and memory;
- in-process (`bench/phases.py`): parsing, resolving, each rule, suppressions
  and the report, separately, and lines parsed per second;
- the editor server (`bench/editor.py --keystrokes`): from a `didChange` of one
  character typed, as an increment, to published diagnostics on
  `proposal.budsjett`, where the server exists;
- start-up as users have it (`--fresh-installs`): the package installed with
  `pip install .` into new virtual environments, their first runs (a new CI
  job) and later ones, against `import lark` in the same environment.

Generated files go to `bench/data/` (not kept in git). The package's
bytecode is compiled first, as an installation would have it.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LINT = str(BIN / "budsjett-lint")
PROPOSAL = ROOT / "proposal.budsjett"
BEGIN = "<!-- bench/run.py: results begin -->"
END = "<!-- bench/run.py: results end -->"
RUNS_AT_LARGEST = 3  # bean-check takes seconds at 100 000
TERMINAL = "budsjett-lint proposal.budsjett"
COLOUR = "budsjett-lint proposal.budsjett --color always"
RULES = "budsjett-lint rules"
VERSION = "budsjett-lint --version"
FULL_COLOUR = "budsjett-lint FILE (full, in colour)"
SMALLER = "budsjett-lint, a tenth of the entries"  # run beside the largest size, for the linear target


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds
    rss: float  # peak resident memory, MB
    status: int


def run_once(command: list[str]) -> Sample:
    """One run of a child process: its wall time, CPU time and own peak memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def _install_kind() -> str:
    """How the measured budsjett-lint is installed: an editable install starts slower, and so
    does `import lark` beside it (both load the editable finder), which moves the start-up ratio."""
    done = subprocess.run([sys.executable, "-c", "import budsjett_lint.dsl; print(budsjett_lint.dsl.__file__)"],
                          capture_output=True, text=True, cwd="/")
    where = Path(done.stdout.strip())
    if done.returncode:
        return "not importable"
    return ("installed editable (`pip install -e`): the package is the checkout" if ROOT in where.parents
            else "installed (`pip install .`), as users have it")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: bytecode cached
    return env


def measure(commands: dict[str, list[str]], runs: int, ok: dict[str, set[int]]) -> dict[str, list[Sample]]:
    """Run the commands in turn, `runs` rounds after a warm-up, so that each round sees the same machine."""
    for name, command in commands.items():
        status = run_once(command).status
        if status not in ok.get(name, {0, 1}):
            done = subprocess.run(command, capture_output=True, text=True, env=_env())
            raise SystemExit(f"bench: `{' '.join(command)}` failed with status {status}:\n{done.stderr[-2000:]}")
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run_once(command))
    return samples


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))

    def show(self, unit: str = "", scale: float = 1.0, digits: int = 2) -> str:
        f = f"{{:.{digits}f}}"
        return f"{f.format(self.median * scale)}{unit} ({f.format(self.low * scale)}–{f.format(self.high * scale)})"


def ratio(samples: list[Sample], baseline: list[Sample], field: str = "wall") -> Spread:
    """The run-by-run ratio of a command to its baseline, measured in the same rounds."""
    return Spread.of([getattr(a, field) / getattr(b, field) for a, b in zip(samples, baseline)])


def spread(samples: list[Sample], field: str) -> Spread:
    return Spread.of([getattr(s, field) for s in samples])


def bean_check() -> str | None:
    for candidate in (BIN / "bean-check", shutil.which("bean-check")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def phases(file: Path, repeat: int, baseline: bool) -> dict:
    command = [sys.executable, str(ROOT / "bench" / "phases.py"), str(file), "--repeat", str(repeat)]
    done = subprocess.run(command + ["--baseline"] * baseline, capture_output=True, text=True, env=_env())
    if done.returncode:
        raise SystemExit(f"bench: phases.py failed on {file}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


EDITOR_TARGET = "the editor server re-checks `proposal.budsjett` within 10 ms of a keystroke, after its debounce"


def editor(changes: int) -> dict | str:
    """The server's latencies, or why it was skipped."""
    if importlib.util.find_spec("budsjett_lint.checker.editor.server") is None:
        return "skipped: there is no budsjett_lint.checker.editor.server (the editor server) on this branch"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "editor.py"), str(PROPOSAL),
                           "--changes", str(changes), "--keystrokes"], capture_output=True, text=True, env=_env())
    if done.returncode:
        return f"skipped: the server could not be measured: {done.stderr.strip().splitlines()[-1:]}"
    return json.loads(done.stdout)


def fresh_installs(rounds: int, warm_runs: int, where: Path) -> dict[str, dict[str, list[Sample]]] | str:
    """Start-up as users have it, installed with `pip install .` (which writes the bytecode) in a new
    virtual environment, without the `bench` extra: in each round a new environment and its first
    `import lark`, its first `budsjett-lint proposal.budsjett` and the first in colour (`first`, what a
    new CI job gets); then, in the last, `warm_runs` rounds of the same (`warm`). Or why it was skipped."""
    first: dict[str, list[Sample]] = {"import lark": [], TERMINAL: [], COLOUR: []}
    warm: dict[str, list[Sample]] = {}
    for k in range(rounds):
        venv = where / f"fresh-install-{k}"
        shutil.rmtree(venv, ignore_errors=True)
        python = str(venv / "bin" / "python")
        for step in ([sys.executable, "-m", "venv", str(venv)], [python, "-m", "pip", "install", "-q", str(ROOT)]):
            done = subprocess.run(step, capture_output=True, text=True, env=_env())
            if done.returncode:
                shutil.rmtree(venv, ignore_errors=True)
                return f"skipped: `{' '.join(step[-3:])}` failed: {done.stderr.strip().splitlines()[-1:]}"
        lint = str(venv / "bin" / "budsjett-lint")
        commands = {"import lark": [python, "-c", "import lark"], TERMINAL: [lint, str(PROPOSAL)],
                    COLOUR: [lint, str(PROPOSAL), "--color", "always"]}
        for name, command in commands.items():
            first[name].append(run_once(command))
        if k == rounds - 1:
            warm = measure(commands, warm_runs, {"import lark": {0}})
        shutil.rmtree(venv, ignore_errors=True)
    return {"first": first, "warm": warm}


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="entries per proposal (default: 1000,10000,100000)")
    p.add_argument("--runs", type=int, default=5, help="runs of each command per size (the largest gets 3)")
    p.add_argument("--startup-runs", type=int, default=20, help="runs of the start-up commands")
    p.add_argument("--repeat", type=int, default=5, help="repetitions of the in-process phases")
    p.add_argument("--changes", type=int, default=30, help="changes sent to the editor server")
    p.add_argument("--data", type=Path, default=ROOT / "bench" / "data", help="where generated files go")
    p.add_argument("--write", type=Path, metavar="FILE", help="also write the results into FILE (docs/performance.md)")
    p.add_argument("--fresh-installs", type=int, default=3,
                   help="new environments to install the package into, for its first runs (default: 3; 0: none)")
    p.add_argument("--quick", action="store_true", help="two tiny sizes, one run of each: checks that it all works")
    args = p.parse_args(argv)
    if args.quick:
        args.sizes, args.runs, args.startup_runs, args.repeat, args.changes = "10,100", 1, 1, 1, 2
        args.fresh_installs = 0
    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.time()
    load_before = os.getloadavg()

    for pkg in ("dsl", "rules", "checker"):
        compileall.compile_dir(str(ROOT / pkg), quiet=1)
    args.data.mkdir(parents=True, exist_ok=True)
    files = {}
    for n in sizes:
        proposal, books = args.data / f"proposal-{n}.budsjett", args.data / f"ledger-{n}.beancount"
        # In children: a child's peak memory counts the memory of the process that started it
        # (Linux keeps the high-water mark across exec), so the runner itself stays small.
        for script, out in (("generate.py", proposal), ("ledger.py", books)):
            subprocess.run([sys.executable, str(ROOT / "bench" / script), str(n), "-o", str(out)], check=True)
        files[n] = (proposal, books)
    bean = bean_check()

    _say("start-up")
    startup = measure({
        "import lark": [sys.executable, "-c", "import lark"],
        TERMINAL: [LINT, str(PROPOSAL)],
        COLOUR: [LINT, str(PROPOSAL), "--color", "always"],  # what a terminal gets
        "budsjett-lint proposal.budsjett --format json": [LINT, str(PROPOSAL), "--format", "json"],
        RULES: [LINT, "rules"],
        VERSION: [LINT, "--version"],
    }, args.startup_runs, {"import lark": {0}})

    by_size = {}
    for n in sizes:
        _say(f"{n} entries")
        proposal, books = files[n]
        commands = {
            "read and split": [sys.executable, "-c", "import sys; open(sys.argv[1], encoding='utf-8').read().split('\\n')",
                               str(proposal)],
            "budsjett-lint": [LINT, str(proposal), "--format", "json"],
            FULL_COLOUR: [LINT, str(proposal), "--color", "always"],  # the default report, as a terminal gets it
        }
        if bean:
            commands["bean-check"] = [bean, "--no-cache", str(books)]  # its result cache would skip the work
        if n == max(sizes) and n // 10 in files:
            # the linear target's baseline: the ten times smaller file, in the same rounds
            commands[SMALLER] = [LINT, str(files[n // 10][0]), "--format", "json"]
        runs = min(args.runs, RUNS_AT_LARGEST) if n == max(sizes) and len(sizes) > 1 else args.runs
        by_size[n] = measure(commands, runs, {"read and split": {0}, "bean-check": {0}})

    _say("in-process phases")
    # lark's tree-building parser as a baseline where it takes seconds, not minutes
    inproc = {n: phases(files[n][0], args.repeat, baseline=n <= 10_000) for n in sizes}
    inproc["proposal.budsjett"] = phases(PROPOSAL, args.repeat, baseline=True)
    _say("editor server")
    server = editor(args.changes)
    installed: dict | str = "skipped: `--fresh-installs 0`"
    if args.fresh_installs > 0:
        _say("start-up after a fresh install")
        installed = fresh_installs(args.fresh_installs, max(3, args.startup_runs // 2), args.data)

    report = render(sizes, startup, by_size, inproc, server, bean, installed, {
        "python": platform.python_version(), "lark": version("lark"), "beancount": version("beancount"),
        "regex": version("regex"), "cpus": os.cpu_count(), "load": (load_before, os.getloadavg()),
        "runner": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "seconds": time.time() - started,
        "command": " ".join(["python bench/run.py", *(sys.argv[1:] if argv is None else argv)]),
        "install": _install_kind(),
    })
    print(report)
    if args.write:
        write_results(args.write, report)
    return 0


def _say(what: str) -> None:
    print(f"bench: measuring {what} ...", file=sys.stderr, flush=True)


# -- the report ------------------------------------------------------------------------------


def render(sizes, startup, by_size, inproc, server, bean, installed, env) -> str:
    out: list[str] = []
    lark = startup["import lark"]
    largest = max(sizes)
    smaller = next((n for n in sizes if n * 10 == largest), None)

    # What was promised, what was measured, and whether it holds.
    targets: list[tuple[str, str, bool | None]] = []
    for name, limit in ((TERMINAL, 2.0), (COLOUR, 2.0), (RULES, 1.2), (VERSION, 1.2)):
        term = startup[name]
        r = ratio(term, lark)
        targets.append((f"`{name}` at most {limit}× `python -c \"import lark\"`",
                        f"{r.show('×')} wall; {ratio(term, lark, 'cpu').show('×')} CPU", r.median <= limit))
    for when in ("first", "warm"):
        for name in (TERMINAL, COLOUR):
            what = (f"`{name}` at most 2.0× `python -c \"import lark\"`, installed with `pip install .`, "
                    + ("the first run in a new environment (a new CI job)" if when == "first" else "later runs"))
            if isinstance(installed, str):
                targets.append((what, installed, None))
                continue
            r = ratio(installed[when][name], installed[when]["import lark"])
            targets.append((what, f"{r.show('×')} wall; "
                            f"{ratio(installed[when][name], installed[when]['import lark'], 'cpu').show('×')} CPU",
                            r.median <= 2.0))
    if largest >= 100_000:
        lint = by_size[largest]["budsjett-lint"]
        if bean:
            books = by_size[largest]["bean-check"]
            r = ratio(lint, books)
            targets.append((f"{_n(largest)} entries at most 0.35× `bean-check` on {_n(largest)} transactions",
                            f"{r.show('×')} wall; {ratio(lint, books, 'cpu').show('×')} CPU", r.median <= 0.35))
        else:
            targets.append((f"{_n(largest)} entries at most 0.35× `bean-check`", "bean-check is not installed", None))
        for name, what in (("budsjett-lint", "`--format json`"), (FULL_COLOUR, "the default report in colour")):
            m = spread(by_size[largest][name], "rss")
            targets.append((f"peak memory at {_n(largest)} entries under 300 MiB, {what}", m.show(" MiB", digits=0),
                            m.median < 300))
    if smaller:
        a, b = by_size[largest]["budsjett-lint"], by_size[largest][SMALLER]
        growth = ratio(a, b)
        targets.append((f"time at {_n(largest)} at most 11× time at {_n(smaller)} (linear), the two run in "
                        "the same rounds", f"{growth.show('×')} wall; {ratio(a, b, 'cpu').show('×')} CPU",
                        growth.median <= 11))
    cpu_rate, wall_rate = _lines_per_second(inproc[largest], "cpu"), _lines_per_second(inproc[largest], "wall")
    targets.append((f"parsing at least 50 000 lines/s in-process ({_n(largest)} entries)",
                    f"{cpu_rate.show(' lines/s', digits=0)} CPU; {wall_rate.show(' lines/s', digits=0)} wall",
                    cpu_rate.median >= 50_000))
    if smaller:
        worst, growth = _worst_rule(inproc[smaller], inproc[largest], smaller, largest)
        targets.append((f"no rule worse than linear: from {_n(smaller)} to {_n(largest)} entries, a rule's time "
                        "per entry grows at most ×3 (a quadratic rule's grows ×10)",
                        f"the steepest, {worst}: ×{growth:.2f}" if worst else "every rule under 5 ms",
                        growth <= 3))
    if isinstance(server, dict):
        lat = Spread.of(server["latencies"])
        check = Spread.of([x - server["debounce"] for x in server["latencies"]])
        targets.append((EDITOR_TARGET, f"{check.show(' ms', 1000, 1)} after its debounce of "
                        f"{server['debounce'] * 1000:.0f} ms (`didChange` to diagnostics {lat.show(' ms', 1000, 1)})",
                        check.median < 0.010))
    else:
        targets.append((EDITOR_TARGET, server, None))

    (load_before, load_after) = env["load"]
    out.append(f"Measured {time.strftime('%Y-%m-%d %H:%M')} with `{env['command']}` in {env['seconds']:.0f} s: "
               f"Python {env['python']}, lark {env['lark']}, beancount {env['beancount']}, regex {env['regex']}, "
               f"{env['cpus']} CPUs, load average {load_before[0]:.1f} before and {load_after[0]:.1f} after; "
               f"budsjett-lint {env['install']}. "
               f"Peak memory is each child's own (`ru_maxrss` from `wait4`); Linux counts in it the memory of "
               f"the process that started it, this runner, which peaked at {env['runner']:.0f} MiB. "
               "Figures are medians with the min–max spread in brackets; ratios are taken run by run against "
               "the baseline measured in the same round. Wall time is what a user waits; CPU time (user + "
               "system) is the work done, and moves less when other jobs share the machine.")
    out.append("")
    out.append("| target | measured | met |")
    out.append("| --- | --- | --- |")
    for what, measured, met in targets:
        out.append(f"| {what} | {measured} | {'yes' if met else 'not measured' if met is None else '**no**'} |")

    out.append("")
    out.append("### Start-up")
    out.append("")
    out.append("| command | wall time | × `import lark` | CPU time | × `import lark` | peak memory |")
    out.append("| --- | --- | --- | --- | --- | --- |")
    for name, samples in startup.items():
        out.append(f"| `{name}` | {spread(samples, 'wall').show(' ms', 1000, 0)} | {ratio(samples, lark).show('×')} | "
                   f"{spread(samples, 'cpu').show(' ms', 1000, 0)} | {ratio(samples, lark, 'cpu').show('×')} | "
                   f"{spread(samples, 'rss').show(' MiB', digits=0)} |")

    if not isinstance(installed, str):
        out.append("")
        out.append("Installed as users install it: `pip install .` into a new virtual environment (the bytecode "
                   "written by pip, no `bench` extra, so no `regex`), in each round a new one: its first runs, "
                   "as a new CI job has them, and then later runs in the last of them.")
        out.append("")
        out.append("| command | first run, wall | × `import lark` | later runs, wall | × `import lark` |")
        out.append("| --- | --- | --- | --- | --- |")
        first, warm = installed["first"], installed["warm"]
        for name in first:
            out.append(f"| `{name}` | {spread(first[name], 'wall').show(' ms', 1000, 0)} | "
                       f"{ratio(first[name], first['import lark']).show('×')} | "
                       f"{spread(warm[name], 'wall').show(' ms', 1000, 0)} | "
                       f"{ratio(warm[name], warm['import lark']).show('×')} |")

    out.append("")
    out.append("### End to end")
    out.append("")
    out.append("`budsjett-lint FILE --format json` on a proposal of so many entries, against reading the file "
               "and splitting it into lines in Python (`read`), and `bean-check --no-cache` on a ledger of as "
               "many transactions; and the default report (`full`) with `--color always`, as a terminal "
               "gets it, on the same file.")
    out.append("")
    out.append("| entries | lines | budsjett-lint wall | CPU | peak memory | × read | bean-check wall | CPU "
               "| peak memory | × bean-check (wall) | × bean-check (CPU) | default report in colour, wall "
               "| peak memory |")
    out.append("| --- |" + " --- |" * 12)
    for n in sizes:
        s = by_size[n]
        lint = s["budsjett-lint"]
        row = [_n(n), _n(inproc[n]["lines"]), spread(lint, "wall").show(" s", digits=3),
               spread(lint, "cpu").show(" s", digits=3), spread(lint, "rss").show(" MiB", digits=0),
               ratio(lint, s["read and split"]).show("×")]
        if "bean-check" in s:
            books = s["bean-check"]
            row += [spread(books, "wall").show(" s", digits=3), spread(books, "cpu").show(" s", digits=3),
                    spread(books, "rss").show(" MiB", digits=0), ratio(lint, books).show("×"),
                    ratio(lint, books, "cpu").show("×")]
        else:
            row += ["not installed", "", "", "", ""]
        colour = s[FULL_COLOUR]
        row += [spread(colour, "wall").show(" s", digits=3), spread(colour, "rss").show(" MiB", digits=0)]
        out.append("| " + " | ".join(row) + " |")
    if not bean:
        out.append("")
        out.append("bean-check was skipped: install the `bench` extra (`pip install -e '.[bench]'`) to measure it.")

    out.append("")
    out.append("### In-process phases")
    out.append("")
    out.append("CPU milliseconds per phase (`bench/phases.py`), the cycle collector paused as the command pauses "
               "it. `check_text, whole` is the engine's own run, timed apart, so that a step the phases miss "
               "shows as a difference. The baseline is lark's LALR parser of the same grammar building a tree "
               "with positions, the way lark is most often used.")
    out.append("")
    columns = list(inproc)
    out.append("| phase | " + " | ".join(_column(c) for c in columns) + " |")
    out.append("| --- |" + " --- |" * len(columns))
    out.append("| lines | " + " | ".join(_n(inproc[c]["lines"]) for c in columns) + " |")
    for phase in ("imports", "parser ready"):
        out.append(f"| {phase} (once) | " + " | ".join(f"{inproc[c]['once']['cpu'][phase] * 1000:.1f}"
                                                      for c in columns) + " |")
    phase_names = list(dict.fromkeys(p for c in columns for p in inproc[c]["runs"][0]["cpu"]))
    for phase in phase_names:
        cells = [Spread.of([run["cpu"][phase] for run in inproc[c]["runs"]]).show("", 1000, 1)
                 if phase in inproc[c]["runs"][0]["cpu"] else "" for c in columns]
        out.append(f"| {phase} | " + " | ".join(cells) + " |")
    out.append("| rules, µs per entry (CPU) | " + " | ".join(_per_entry(inproc[c], c) for c in columns) + " |")
    out.append("| parsing, lines/s (CPU) | " + " | ".join(
        _n(round(_lines_per_second(inproc[c], "cpu").median)) for c in columns) + " |")
    out.append("| parsing, lines/s (wall) | " + " | ".join(
        _n(round(_lines_per_second(inproc[c], "wall").median)) for c in columns) + " |")
    out.append("| parsing, × lark's tree (CPU) | " + " | ".join(_speedup(inproc[c]) for c in columns) + " |")

    out.append("")
    out.append("### Editor server")
    out.append("")
    if isinstance(server, dict):
        out.append(f"{len(server['latencies'])} characters typed one at a time into `proposal.budsjett` (a comment "
                   "in its middle, each sent as an increment and waited for), each answered with "
                   f"diagnostics in {Spread.of(server['latencies']).show(' ms', 1000, 1)} from `didChange`, of which "
                   f"{server['debounce'] * 1000:.0f} ms is the server's deliberate debounce.")
    else:
        out.append(server + ". Run `python bench/run.py` again where the server is present.")
    return "\n".join(out)


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _column(c) -> str:
    return f"{_n(c)} entries" if isinstance(c, int) else f"`{c}`"


def _lines_per_second(result: dict, clock: str) -> Spread:
    return Spread.of([result["lines"] / run[clock]["parse"] for run in result["runs"]])


def _per_entry(result: dict, entries) -> str:
    if not isinstance(entries, int):
        return ""
    rules = sum(statistics.median(run["cpu"][p] for run in result["runs"])
                for p in result["runs"][0]["cpu"] if p.startswith("rule "))
    return f"{rules / entries * 1e6:.2f}"


def _speedup(result: dict) -> str:
    name = "lark LALR, tree with positions (baseline)"
    if name not in result["runs"][0]["cpu"]:
        return ""
    return Spread.of([run["cpu"][name] / run["cpu"]["parse"] for run in result["runs"]]).show("×")


def _worst_rule(small: dict, large: dict, n_small: int, n_large: int) -> tuple[str | None, float]:
    """The rule whose CPU time per entry grows most from the smaller size to the ten times larger one.

    A linear rule's time per entry stays about the same; it grows somewhat because a pass over a large
    model waits longer on memory (up to about ×2 here). A quadratic rule's grows ×10.
    """
    worst, growth = None, 0.0
    for phase in large["runs"][0]["cpu"]:
        if not phase.startswith("rule "):
            continue
        a = statistics.median(run["cpu"][phase] for run in large["runs"])
        b = statistics.median(run["cpu"][phase] for run in small["runs"])
        if a < 0.005:
            continue  # under 5 ms the clock's noise decides
        per_entry = (a / n_large) / (b / n_small)
        if per_entry > growth:
            worst, growth = phase[5:], per_entry
    return worst, growth


def write_results(path: Path, report: str) -> None:
    """Replace the results between the markers, keeping the rest of the page as written."""
    from budsjett_lint.checker.files import write_atomic

    text = path.read_text(encoding="utf-8") if path.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        raise SystemExit(f"bench: {path} has no {BEGIN} ... {END} block to write the results into")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    write_atomic(path, f"{head}{BEGIN}\n{report}\n{END}{tail}".encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: quizgen against bare spaCy, stage by stage, start-up, a long text, a folder.

    python -m quizgen.bench                 # everything (a few minutes)
    python -m quizgen.bench --quick         # skip the 100,000-word text and the folder

Whole commands run in fresh processes, as a teacher runs them; each figure is the median of
several runs, and ratios compare figures measured in the same run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "drone-strike.txt"


def _python(code: str, *args: str) -> tuple[float, str]:
    """Run Python code in a fresh process; (seconds, its last line of output)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, (done.stdout.strip().splitlines() or [""])[-1]


def _command(args: list[str], cwd: Path | None = None) -> float:
    """Seconds a quizgen command takes in a fresh process."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from quizgen.cli import main; main()", *args],
        capture_output=True,
        check=True,
        cwd=cwd,
    )
    return time.perf_counter() - start


def median(runs: int, measure: Callable[[], float]) -> float:
    """The median of ``runs`` measurements."""
    return statistics.median(measure() for _ in range(runs))


BARE = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
docs = list(nlp.pipe([p for p in text.split("\\n\\n") if p.strip()]))
print(sum(len(d) for d in docs))
"""

PEAK = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run([sys.executable, "-c", "from quizgen.cli import main; main()", "generate",
                sys.argv[1], "-o", sys.argv[2], "-q", "--jobs", "1"], check=True)
took = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
import pathlib
quizzes = len(list(pathlib.Path(sys.argv[2]).glob("*.quiz.yaml")))
cpu = usage.ru_utime + usage.ru_stime
print(f"{took:.3f} {usage.ru_maxrss / 1024:.0f} {quizzes} {cpu:.1f}")
"""

BARE_PEAK = """
import resource, sys, time, spacy
nlp = spacy.load(sys.argv[2])
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
n = sum(len(d) for d in nlp.pipe([p for p in text.split("\\n\\n") if p.strip()], batch_size=64))
took = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(f"{took:.3f} {usage.ru_maxrss / 1024:.0f} {n} {usage.ru_utime + usage.ru_stime:.1f}")
"""


def whole_command(runs: int, model: str) -> list[tuple[str, str]]:
    """Bare spaCy (load and parse) against `quizgen generate` with the default outputs."""
    bare = median(runs, lambda: _python(BARE, model, str(SEED))[0])
    with tempfile.TemporaryDirectory() as out:
        ours = median(runs, lambda: _command(["generate", str(SEED), "-o", out, "-q"]))
    return [
        ("bare spaCy: load + parse the seed", f"{bare:.2f} s"),
        ("quizgen generate the seed (yaml + html)", f"{ours:.2f} s"),
        ("ratio (target <= 1.25)", f"{ours / bare:.2f}"),
    ]


def stages(runs: int) -> list[tuple[str, str]]:
    """The time of each stage on the seed, in this process once the pipeline is loaded."""
    from quizgen import pipeline
    from quizgen.export import FORMATS, Settings, export
    from quizgen.items import distract, select
    from quizgen.read import reader
    from quizgen.text import nlp as nlp_module

    nlp = nlp_module.load()
    times: dict[str, list[float]] = {}

    def timed(name: str, fn, *args, **kwargs):
        start = time.perf_counter()
        value = fn(*args, **kwargs)
        times.setdefault(name, []).append(time.perf_counter() - start)
        return value

    # the parts of select that are not selecting: wrong options, and re-parsing the stems
    inner = {"distract": [distract, ("distractors", "phrase_distractors")]}
    inner["re-parse stems (spaCy)"] = [select, ("_well_formed",)]
    spent: dict[str, float] = {}

    def counted(name: str, fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        return wrapper

    originals = [(m, f, getattr(m, f)) for m, fs in inner.values() for f in fs]
    for name, (module, functions) in inner.items():
        for function in functions:
            setattr(module, function, counted(name, getattr(module, function)))
    try:
        config = pipeline.Config()
        for _ in range(runs):
            spent.clear()
            passage = timed("read", reader.read, SEED)
            docs = timed("parse (spaCy)", pipeline.parse, nlp, passage)
            analysis = timed("analyze", pipeline.analyze, docs)
            facts = timed("extract", pipeline.extract_facts, analysis, passage)
            candidates = timed("ask", list, pipeline.ask(analysis, facts))
            start = time.perf_counter()
            items = select.select(candidates, facts, analysis, passage, config, parse=nlp)
            whole = time.perf_counter() - start
            for name in inner:
                times.setdefault(name, []).append(spent.get(name, 0.0))
            times.setdefault("select", []).append(whole - sum(spent.values()))
            quiz = pipeline.Quiz(passage.title, passage.paragraphs, tuple(items))
            for name in FORMATS:
                timed(f"render {name}", export, quiz, name, Settings())
    finally:
        for module, function, original in originals:
            setattr(module, function, original)
    return [(name, f"{statistics.median(v) * 1000:.0f} ms") for name, v in times.items()]


def startup(runs: int) -> list[tuple[str, str]]:
    """Start-up of commands that parse nothing."""
    from quizgen import pipeline
    from quizgen.quiz import quizfile
    from quizgen.read import reader

    with tempfile.TemporaryDirectory() as tmp:
        quiz = Path(tmp) / "seed.quiz.yaml"
        quiz.write_text(quizfile.dump(pipeline.generate(reader.read(SEED))), encoding="utf-8")
        helps = median(runs, lambda: _command(["--help"]))
        checks = median(runs, lambda: _command(["validate", str(quiz)]))
    return [
        ("quizgen --help (target <= 0.3 s)", f"{helps:.2f} s"),
        ("quizgen validate the seed's quiz", f"{checks:.2f} s"),
    ]


def _book(words: int, folder: Path) -> Path:
    """A long text made of the seed's paragraphs over and over, about ``words`` words."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n")[3:] if p.strip()]
    out, count, n = [], 0, 0
    while count < words:
        paragraph = paragraphs[n % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        n += 1
    path = folder / f"book-{words}.txt"
    path.write_text("A long book\n\n" + "\n\n".join(out), encoding="utf-8")
    return path


def long_text(model: str) -> list[tuple[str, str]]:
    """A 100,000-word text, as `quizgen generate` quizzes it (a part at a time), against
    loading the pipeline and running nlp.pipe over the same text; 50,000 words for the slope.
    Whole processes both, timed from outside; peak memory of each."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for words in (50_000, 100_000):
            book = _book(words, Path(tmp))
            start = time.perf_counter()
            _, bare_mb, _, bare_cpu = _python(BARE_PEAK, str(book), model)[1].split()
            bare = time.perf_counter() - start
            out = Path(tmp) / f"out-{words}"
            start = time.perf_counter()
            _, ours_mb, quizzes, ours_cpu = _python(PEAK, str(book), str(out))[1].split()
            ours = time.perf_counter() - start
            rows += [
                (
                    f"{words:,} words: load + nlp.pipe",
                    f"{bare:.1f} s (CPU {bare_cpu} s), peak {bare_mb} MB",
                ),
                (
                    f"{words:,} words: quizgen generate, 1 process ({quizzes} quizzes)",
                    f"{ours:.1f} s (CPU {ours_cpu} s), peak {ours_mb} MB",
                ),
                (f"{words:,} words: ratio (target <= 1.3)", f"{ours / bare:.2f}"),
            ]
    return rows


def folder(count: int = 100) -> list[tuple[str, str]]:
    """A folder of ``count`` passages with one worker process and with two."""
    shared = SEED.parent.parent.parent / "shared" / "passages"
    sources = sorted(shared.glob("*.txt")) if shared.is_dir() else []
    sources = sources or [SEED]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "in"
        inbox.mkdir()
        for n in range(count):
            source = sources[n % len(sources)]
            (inbox / f"{n:03d}-{source.name}").write_text(
                source.read_text(encoding="utf-8"), encoding="utf-8"
            )
        times = {}
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            times[jobs] = _command(
                ["generate", str(inbox), "-o", str(out), "-q", "--jobs", str(jobs)]
            )
            rows.append((f"folder of {count} passages, {jobs} process(es)", f"{times[jobs]:.1f} s"))
    rows.append(("speed-up with 2 processes (target >= 1.6)", f"{times[1] / times[2]:.2f}"))
    return rows


def table(rows: list[tuple[str, str]]) -> str:
    """Rows as a Markdown table."""
    width = max(len(r[0]) for r in rows)
    lines = [f"| {'measure':<{width}} | figure |", f"|{'-' * (width + 2)}|--------|"]
    lines += [f"| {name:<{width}} | {value} |" for name, value in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    from quizgen.text.nlp import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the long text and the folder")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    # byte-compile quizgen as pip does when it installs a package (an editable install, or
    # PYTHONDONTWRITEBYTECODE, would otherwise compile every module in every process)
    compileall.compile_dir(Path(__file__).resolve().parent, quiet=1)
    rows = whole_command(args.runs, DEFAULT_MODEL) + stages(args.runs) + startup(max(args.runs, 5))
    if not args.quick:
        rows += long_text(DEFAULT_MODEL) + folder()
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

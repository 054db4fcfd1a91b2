"""Generate quizzes for many passages: expand the sources, read them, parse their paragraphs in
batches through spaCy's ``nlp.pipe`` in worker processes, build and write each quiz, report.

The work is cut into the same batches whatever ``--jobs`` is, and each quiz depends only on
its passage, so the files written are byte-identical with one worker or many.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePath

from quizgen import pipeline, render
from quizgen.base import files as files_module
from quizgen.base.errors import QuizgenError
from quizgen.export import Settings
from quizgen.quiz.model import Passage
from quizgen.read import reader
from quizgen.text import nlp as nlp_module

CHUNK_WORDS = 2_000  # passages given to one worker at a time, made one after the other
PIPE_BATCH = 64  # paragraphs per nlp.pipe minibatch


@dataclass(frozen=True, slots=True)
class Options:
    """What `quizgen generate` was asked for."""

    count: int | None = None
    kinds: str | None = None
    skills: str | None = None
    formats: str | None = None
    seed: int = 7
    title: str | None = None
    model: str | None = None
    recursive: bool = False
    jobs: int | None = None
    quiet: bool = False
    settings: Settings = field(default_factory=Settings)
    templates: Path | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs to make and write quizzes."""

    config: pipeline.Config
    formats: tuple[str, ...]
    settings: Settings
    out: Path
    strict: bool = False  # raise the first error (one passage) rather than report it


@dataclass(frozen=True, slots=True)
class Unit:
    """One quiz to make: a passage and the stem of its output files."""

    source: str
    stem: str
    passage: Passage
    read_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one quiz, or of a file that could not be read."""

    source: str
    stem: str = ""
    words: int = 0
    items: int = 0
    seconds: float = 0.0
    paths: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""
    notes: tuple[str, ...] = ()  # what of the count and kinds asked for could not be made, why


# sources and output names


def expand(
    sources: list[str], *, recursive: bool = False, skip: Path | None = None
) -> list[tuple[str, str]]:
    """Files to read, from files, folders and '-', each once, as (path, name relative to the
    folder it was found in); files inside ``skip`` (the output folder) are left out."""
    found: list[tuple[str, str]] = []
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            inside = _folder_files(path, recursive=recursive, skip=skip)
            if not inside:
                raise QuizgenError(f"{path}: no passages in this folder")
            found.extend((str(p), str(p.relative_to(path))) for p in inside)
        else:
            found.append((source, source))
    return _once(found)


def _folder_files(folder: Path, *, recursive: bool, skip: Path | None) -> list[Path]:
    """Supported files in a folder (and its sub-folders), hidden ones and outputs left out."""
    candidates = sorted(folder.rglob("*") if recursive else folder.iterdir())
    outputs = skip.resolve() if skip is not None else None
    return [
        p
        for p in candidates
        if p.is_file()
        and reader.supported(p)
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (outputs is None or outputs not in p.resolve().parents)
    ]


def _once(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The same file named twice (directly and in its folder) read once."""
    seen: set[str] = set()
    kept = []
    for source, relative in found:
        key = source if source == "-" else str(Path(source).resolve())
        if key not in seen:
            seen.add(key)
            kept.append((source, relative))
    return kept


def stem_of(source: str) -> str:
    """The output file stem for a passage source: 'seeds/drone-strike.txt' -> 'drone-strike'."""
    if source == "-":
        return "stdin"
    name = Path(source).name
    return name.split(".")[0] or name


def _stem_choices(relative: str) -> tuple[str, str, str]:
    """Ever longer stems for a file: 'a/story.txt' -> 'story', 'a-story', 'a-story-txt'."""
    if relative == "-":
        return ("stdin",) * 3
    path = PurePath(relative)
    folders = [part for part in path.parent.parts if part not in ("", ".", "..", path.anchor)]
    stem = stem_of(relative)
    longer = "-".join([*folders, stem])
    rest = path.name[len(stem) :].strip(".").replace(".", "-")
    return stem, longer, f"{longer}-{rest}" if rest else longer


def stems(relatives: list[str]) -> list[str]:
    """Unique output stems (ignoring case): the file's stem, else its relative path joined with
    '-', else that with its suffix, else numbered."""
    choices = [_stem_choices(relative) for relative in relatives]
    chosen = [c[0] for c in choices]
    for level in (1, 2):
        counts = Counter(stem.casefold() for stem in chosen)
        chosen = [
            c[level] if counts[stem.casefold()] > 1 else stem
            for stem, c in zip(chosen, choices, strict=True)
        ]
    return numbered(chosen)


def numbered(names: list[str]) -> list[str]:
    """Names made unique (ignoring case) by numbering the second and later copies."""
    seen: set[str] = set()
    unique = []
    for name in names:
        candidate, n = name, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{name}-{n}"
        seen.add(candidate.casefold())
        unique.append(candidate)
    return unique


# work done in worker processes (or in this process, for one job)


def read_file(source: str) -> tuple[list[Passage], float]:
    """A file's passages (a book's chapters, or the passage whole) and the seconds it took."""
    start = time.perf_counter()
    passages = reader.sections(reader.read(source))
    return passages, time.perf_counter() - start


def _read_task(source: str, *, strict: bool) -> tuple[list[Passage], float] | Outcome:
    """Read a file; in a batch, a failure becomes an Outcome instead of an exception."""
    try:
        return read_file(source)
    except Exception as exc:
        if strict:
            raise
        return Outcome(source, error=_message(exc, source))


def make_quizzes(job: Job, units: list[Unit]) -> list[Outcome]:
    """Make and write the quizzes of some passages, one after the other, each parsed in an
    ``nlp.pipe`` stream of its own (so its seconds are its own; one stream across passages
    is no faster); only one passage's Docs are held at a time."""
    outcomes = {u.stem: _outcome(job, u, _check_language) for u in units}
    ready = [u for u in units if outcomes[u.stem] is None]
    if not ready:
        return list(outcomes.values())
    nlp = nlp_module.load(job.config.model)  # only now: a refusal above needs no model
    for unit in ready:
        outcomes[unit.stem] = _outcome(job, unit, partial(_make, job, nlp))
    return [outcomes[u.stem] for u in units]


def _check_language(unit: Unit) -> None:
    """Refuse a passage that is not English before it is parsed."""
    pipeline.check_language(unit.passage)


def _outcome(job: Job, unit: Unit, step: Callable[[Unit], Outcome | None]) -> Outcome | None:
    """Run one step for a unit; in a batch, a failure becomes an Outcome."""
    try:
        return step(unit)
    except Exception as exc:
        if job.strict:
            raise
        return Outcome(unit.source, unit.stem, unit.passage.words, error=_message(exc, unit.source))


def _make(job: Job, nlp, unit: Unit) -> Outcome:
    """Parse a passage, build its quiz and write its files; the seconds are reading, parsing,
    building and writing this passage."""
    started = time.perf_counter()
    label = nlp_module.label(nlp)
    parsed = list(nlp.pipe(unit.passage.paragraphs, batch_size=PIPE_BATCH))
    if len(parsed) != len(unit.passage.paragraphs):
        raise QuizgenError(f"{unit.source}: parsing stopped before the end of the passage")
    made = pipeline.make(unit.passage, parsed, job.config, label, nlp)
    quiz = made.quiz
    warnings: list[str] = []
    paths = render.write(quiz, unit.stem, job.out, job.formats, job.settings, warn=warnings.append)
    seconds = time.perf_counter() - started + unit.read_seconds
    return Outcome(
        unit.source,
        unit.stem,
        unit.passage.words,
        len(quiz.items),
        seconds,
        tuple(map(str, paths)),
        tuple(warnings),
        notes=made.notes,
    )


def _message(exc: Exception, source: str) -> str:
    """One line for a failure: a QuizgenError says it all; anything else is a bug."""
    text = (
        str(exc)
        if isinstance(exc, QuizgenError)
        else f"{source}: internal error: {type(exc).__name__}: {exc}"
    )
    return " ".join(text.split())


def _start_worker(model: str | None) -> None:
    """Worker initializer: leave Ctrl-C to the parent, end with the parent, and load the
    spaCy pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()
    try:
        nlp_module.load(model)
    except QuizgenError:
        pass  # the first task raises it again, and the parent reports it once


def _end_with_parent(parent: int) -> None:
    """Exit when the parent process is gone (killed), rather than linger as an orphan."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


class Workers:
    """Run tasks in worker processes, started when first needed, or in this process when
    there is one job, or one task and no workers yet."""

    def __init__(self, jobs: int, model: str | None) -> None:
        self.jobs, self.model = jobs, model
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind, *_) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=kind is None, cancel_futures=True)

    def run(self, task: Callable, argument_lists: list[tuple]) -> Iterator[tuple[int, object]]:
        """(index, result) of each task, as they finish."""
        if self.jobs == 1 or (self._pool is None and len(argument_lists) <= 1):
            for n, arguments in enumerate(argument_lists):
                yield n, task(*arguments)
            return
        futures = {self._executor().submit(task, *args): n for n, args in enumerate(argument_lists)}
        for future in as_completed(futures):
            try:
                yield futures[future], future.result()
            except BrokenProcessPool:
                raise QuizgenError(
                    "a worker process died (out of memory?); try fewer --jobs"
                ) from None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.model,),
            )
        return self._pool


def cores() -> int:
    """The processor cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# the driver


def run(sources: list[str], out: Path, options: Options) -> int:
    """Make and write a quiz for each passage; return how many failed. With one file, a
    failure raises; in a batch, each is reported on a line of its own and skipped."""
    started = time.perf_counter()
    found = expand(sources, recursive=options.recursive, skip=out)
    files_module.check_dir(out)  # fail early; the folder is made when the first quiz is written
    job = Job(
        pipeline.Config.from_options(options),
        with_quiz_file(render.formats(options.formats)),
        options.settings,
        out,
    )
    with (
        _progress(quiet=options.quiet) as progress,
        Workers(options.jobs or cores(), options.model) as workers,
    ):
        read = _read_all(found, workers, progress)
        units = _units(found, read)
        job = replace(job, strict=len(found) == 1 and len(units) == 1)
        made = {o.stem: o for o in _make_all(units, job, workers, progress)}
    outcomes = _in_order(found, read, units, made)
    _report(outcomes, dict(found), time.perf_counter() - started, quiet=options.quiet)
    return sum(1 for o in outcomes if o.error)


def with_quiz_file(formats: tuple[str, ...]) -> tuple[str, ...]:
    """The formats asked for, and the quiz file first whatever they are: it is the source of
    truth a teacher edits and exports again."""
    return tuple(dict.fromkeys(("yaml", *formats)))


def _read_all(found: list[tuple[str, str]], workers: Workers, progress) -> list:
    """Each file's passages and reading time, or the Outcome of its failure, in file order."""
    results: list = [None] * len(found)
    strict = len(found) == 1
    task = progress.add_task("Reading", total=len(found))
    read_task = partial(_read_task, strict=strict)
    for n, result in workers.run(read_task, [(source,) for source, _ in found]):
        results[n] = result
        if isinstance(result, Outcome):
            _say(f"quizgen: {result.error}")
        progress.advance(task)
    return results


def _units(found: list[tuple[str, str]], read: list) -> list[Unit]:
    """One unit per passage read, with unique output stems; a book's chapters numbered."""
    units = []
    for (source, _), stem, result in zip(found, stems([r for _, r in found]), read, strict=True):
        if isinstance(result, Outcome):
            continue
        passages, seconds = result
        names = (
            [stem]
            if len(passages) == 1
            else [f"{stem}-{n:02d}" for n in range(1, len(passages) + 1)]
        )
        units += [
            Unit(source, name, p, seconds / len(passages))
            for name, p in zip(names, passages, strict=True)
        ]
    unique = numbered([u.stem for u in units])
    return [replace(u, stem=s) for u, s in zip(units, unique, strict=True)]


def chunks(units: list[Unit], words: int = CHUNK_WORDS) -> list[list[Unit]]:
    """Consecutive units in groups of about ``words`` words, each parsed in one nlp.pipe
    stream; the groups never depend on the number of workers."""
    groups: list[list[Unit]] = []
    size = words
    for unit in units:
        if size >= words:
            groups.append([])
            size = 0
        groups[-1].append(unit)
        size += unit.passage.words
    return groups


def _make_all(units: list[Unit], job: Job, workers: Workers, progress) -> list[Outcome]:
    """Every unit's Outcome; the biggest groups start first, to keep the workers busy."""
    groups = sorted(chunks(units), key=lambda g: -sum(u.passage.words for u in g))
    task = progress.add_task("Making quizzes", total=len(units))
    outcomes: list[Outcome] = []
    for _, done in workers.run(make_quizzes, [(job, group) for group in groups]):
        for outcome in done:
            if outcome.error:
                _say(f"quizgen: {outcome.error}")
            for note in outcome.notes:
                _say(f"quizgen: {note}")
            for warning in outcome.warnings:
                _say(f"quizgen: warning: {warning}")
        outcomes.extend(done)
        progress.advance(task, len(done))
    return outcomes


def _in_order(
    found: list[tuple[str, str]], read: list, units: list[Unit], made: dict[str, Outcome]
) -> list[Outcome]:
    """All outcomes in the order of the files, a book's chapters in order."""
    of_source: dict[str, list[Outcome]] = {}
    for unit in units:
        of_source.setdefault(unit.source, []).append(made[unit.stem])
    return [
        outcome
        for (source, _), result in zip(found, read, strict=True)
        for outcome in ([result] if isinstance(result, Outcome) else of_source[source])
    ]


def _progress(*, quiet: bool):
    """A progress bar on stderr, shown only when stderr is a terminal and not --quiet."""
    if quiet or not sys.stderr.isatty():
        return _NoProgress()  # and Rich is not even imported
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


class _NoProgress:
    """Stands in for the progress bar when none is shown."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *_) -> None:
        return None

    def add_task(self, *_args, **_kwargs) -> int:
        return 0

    def advance(self, *_args) -> None:
        return None


def _report(outcomes: list[Outcome], names: dict[str, str], seconds: float, *, quiet: bool) -> None:
    """The files written, on stdout; for a batch, a summary table on stderr."""
    if quiet:
        return
    for path in dict.fromkeys(p for outcome in outcomes for p in outcome.paths):
        print(path)  # each once: files shared by all quizzes are written by each
    if len(outcomes) > 1:
        _summary(outcomes, names, seconds)


def _summary(outcomes: list[Outcome], names: dict[str, str], seconds: float) -> None:
    """A table of the quizzes made: file (as found in its folder), words, items and seconds;
    the output stem too when some quiz is not named after its file; failures marked."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    renamed = any(o.stem and o.stem != stem_of(o.source) for o in outcomes)
    table = Table(box=box.SIMPLE_HEAD, caption=caption(outcomes, len(names), seconds))
    table.add_column("file", overflow="fold")
    if renamed:
        table.add_column("quiz", overflow="fold")
    for name in ("words", "items", "seconds"):
        table.add_column(name, justify="right")
    for o in outcomes:
        cells = [
            names.get(o.source, o.source),
            *([o.stem] if renamed else []),
            str(o.words or ""),
            "failed" if o.error else str(o.items),
            "" if o.error else f"{o.seconds:.1f}",
        ]
        table.add_row(*cells)
    Console(stderr=True, highlight=False, emoji=False, markup=False).print(table)


def caption(outcomes: list[Outcome], files: int, seconds: float) -> str:
    """'3 files: 2 quizzes made, 1 failed, 7.5 s in all' (a book's parts count as quizzes)."""
    failed = sum(1 for o in outcomes if o.error)
    made = len(outcomes) - failed
    return (
        f"{files} file{'' if files == 1 else 's'}: {made} {'quiz' if made == 1 else 'quizzes'} "
        f"made, {failed} failed, {seconds:.1f} s in all"
    )


def _say(line: str) -> None:
    """A line on stderr (above the progress bar, while it shows)."""
    print(line, file=sys.stderr)

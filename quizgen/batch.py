"""Generate quizzes for many passages: expand the sources, read, parse in batches, write."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from quizgen import pipeline, reader, render
from quizgen.errors import QuizgenError
from quizgen.export import Settings


@dataclass(frozen=True, slots=True)
class Options:
    """What `quizgen generate` was asked for."""

    count: int | None = None
    kinds: str | None = None
    formats: str | None = None
    seed: int = 7
    title: str | None = None
    model: str | None = None
    recursive: bool = False
    jobs: int | None = None
    quiet: bool = False
    settings: Settings = field(default_factory=Settings)
    templates: Path | None = None


def stem_of(source: str) -> str:
    """The output file stem for a passage source: 'seeds/drone-strike.txt' -> 'drone-strike'."""
    if source == "-":
        return "stdin"
    name = Path(source).name
    return name.split(".")[0] or name


def expand(sources: list[str], recursive: bool = False) -> list[str]:
    """Files to read, from files, folders and '-'."""
    files: list[str] = []
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            found = [str(p) for p in sorted(path.rglob("*") if recursive else path.iterdir())
                     if p.is_file() and reader.supported(p)]
            if not found:
                raise QuizgenError(f"{path}: no passages in this folder")
            files.extend(found)
        else:
            files.append(source)
    return files


def run(sources: list[str], out: Path, options: Options) -> int:
    """Make and write a quiz for each source; return how many failed."""
    config = pipeline.Config.from_options(options)
    names = render.formats(options.formats)
    files = expand(sources, options.recursive)
    single = len(files) == 1
    failures = 0
    for source in files:
        try:
            passage = reader.read(source)
            quiz = pipeline.generate(passage, config)
            for path in render.write(quiz, stem_of(source), out, names, options.settings):
                if not options.quiet:
                    print(path)
        except QuizgenError as exc:
            if single:
                raise
            print(f"quizgen: {exc}", file=sys.stderr)
            failures += 1
    return failures

"""The command line: a thin Typer layer over the library. Each command is a few lines."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from quizgen import __version__
from quizgen.base.errors import QuizgenError

try:  # newer Typer carries its own copy of Click; older ones use Click itself
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException, NoArgsIsHelpError, UsageError

app = typer.Typer(
    epilog="\b\nExample: quizgen generate seeds/drone-strike.txt -o out",
    name="quizgen",
    help="Reading-comprehension quizzes from a passage: questions with keys and evidence, "
    "a printable worksheet and answer key, and import files for your LMS. Offline.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: Rich costs a tenth of a second to import
    context_settings={"help_option_names": ["-h", "--help"]},
)


def example(command: str) -> str:
    """A help epilog showing one command; '\\b' keeps the help formatter from rewrapping it."""
    return f"\b\nExample: {command}"


def _err(message: str) -> None:
    """Print a message on stderr as exactly one line."""
    typer.echo(f"quizgen: {' '.join(str(message).split())}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Reading-comprehension quizzes from a passage."""


OutDir = Annotated[
    Path, typer.Option("--out", "-o", help="Folder to write into (made if missing).")
]
Formats = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="Comma list of output formats, or 'lms' or 'all'; see `quizgen formats`.",
    ),
]
Paper = Annotated[str, typer.Option("--paper", help="Worksheet paper size: a4 or letter.")]
Forms = Annotated[
    int,
    typer.Option(
        "--forms", min=1, max=26, help="Shuffled versions (A, B, ...) of worksheet and key."
    ),
]
NoPassage = Annotated[
    bool, typer.Option("--no-passage", help="Leave the passage off the worksheet.")
]
Templates = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        help="Folder of your own question and output templates, used first.",
        exists=True,
        file_okay=False,
    ),
]
Model = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        envvar="QUIZGEN_MODEL",
        help="An installed spaCy pipeline to use instead of the pinned English one.",
    ),
]


WordBank = Annotated[
    bool,
    typer.Option(
        "--word-bank", help="Print a word bank (the keys and as many other words) above the blanks."
    ),
]


def _settings(
    paper: str, forms: int, no_passage: bool, templates: Path | None, word_bank: bool = False
):
    from quizgen.export import Settings

    if paper.lower() not in ("a4", "letter"):
        raise QuizgenError(f"unknown paper size {paper!r}; choose a4 or letter")
    return Settings(
        paper=paper.lower(),
        forms=forms,
        passage=not no_passage,
        templates=templates,
        word_bank=word_bank,
    )


@app.command(
    epilog=example("quizgen generate seeds/drone-strike.txt -o out --format html,pdf,moodle")
)
def generate(
    passages: Annotated[
        list[str],
        typer.Argument(
            help="Passage files (.txt .md .html .docx .pdf), folders of them, "
            "or - for standard input.",
            show_default=False,
        ),
    ],
    out: OutDir = Path("out"),
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            "-n",
            min=1,
            help="Items per quiz (default: about one per 70 words, at least 10).",
        ),
    ] = None,
    kinds: Annotated[
        str | None,
        typer.Option(
            "--kinds",
            "-k",
            help="Comma list of item kinds: multiple_choice, short_answer, "
            "true_false, fill_blank, matching.",
        ),
    ] = None,
    formats: Formats = None,
    seed: Annotated[int, typer.Option("--seed", "-s", help="Seed for every random choice.")] = 7,
    title: Annotated[
        str | None, typer.Option("--title", "-t", help="Quiz title (default: the passage's).")
    ] = None,
    model: Model = None,
    recursive: Annotated[
        bool, typer.Option("--recursive", "-r", help="Descend into sub-folders.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes for many passages (default: all cores)."
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
    paper: Paper = "a4",
    forms: Forms = 1,
    no_passage: NoPassage = False,
    templates: Templates = None,
    word_bank: WordBank = False,
    review: Annotated[
        bool, typer.Option("--review", help="Then review the quiz in your browser (one passage).")
    ] = False,
) -> None:
    """Make a quiz from each passage: the quiz file, a worksheet and an answer key."""
    from quizgen import batch
    from quizgen.base import files

    files.check_dir(out)
    options = batch.Options(
        count=count,
        kinds=kinds,
        formats=f"yaml,{formats}" if review and formats else formats,  # review needs the file
        seed=seed,
        title=title,
        model=model,
        recursive=recursive,
        jobs=jobs,
        quiet=quiet,
        settings=_settings(paper, forms, no_passage, templates, word_bank),
        templates=templates,
    )
    started = time.time()
    failures = batch.run(passages, out, options)
    if failures:
        raise typer.Exit(1)
    if review:
        from quizgen.review import server

        server.serve(server.made_one(out, started), echo=typer.echo)


@app.command(
    epilog=example("quizgen export out/drone-strike.quiz.yaml --format html,moodle,canvas -o out")
)
def export(
    quiz: Annotated[
        Path, typer.Argument(help="A quiz file (.quiz.yaml), edited or not.", show_default=False)
    ],
    formats: Formats = "html",
    out: OutDir = Path("out"),
    paper: Paper = "a4",
    forms: Forms = 1,
    no_passage: NoPassage = False,
    templates: Templates = None,
    word_bank: WordBank = False,
) -> None:
    """Render a quiz file again in the chosen formats, after you have edited it."""
    from quizgen import render
    from quizgen.base import files
    from quizgen.quiz import quizfile

    files.check_dir(out)
    loaded = quizfile.load(quiz)
    stem = quiz.name.removesuffix(".yaml").removesuffix(".yml").removesuffix(".quiz")
    for path in render.write(
        loaded,
        stem,
        out,
        render.formats(formats),
        _settings(paper, forms, no_passage, templates, word_bank),
        keep=quiz,
    ):
        typer.echo(str(path))


@app.command(epilog=example("quizgen review out/drone-strike.quiz.yaml"))
def review(
    quiz: Annotated[
        Path, typer.Argument(help="A quiz file (.quiz.yaml) to review.", show_default=False)
    ],
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Only print the address; open no browser.")
    ] = False,
) -> None:
    """Keep, drop, fix and export a quiz's items in your browser; every change is saved at once."""
    from quizgen.review import server

    server.serve(quiz, browser=not no_browser, echo=typer.echo)


@app.command(epilog=example("quizgen validate out/drone-strike.quiz.yaml"))
def validate(
    quizzes: Annotated[list[Path], typer.Argument(help="Quiz files to check.", show_default=False)],
) -> None:
    """Check quiz files against the quizgen/1 contract; each problem names its line and item."""
    from quizgen.quiz import quizfile

    bad = 0
    for path in quizzes:
        problems = quizfile.validate(path)
        for problem in problems:
            typer.echo(f"{path}: {problem}", err=True)
        if problems:
            bad += 1
        else:
            typer.echo(f"{path}: valid")
    if bad:
        raise typer.Exit(1)


@app.command(epilog=example("quizgen facts seeds/drone-strike.txt"))
def facts(
    passage: Annotated[
        str, typer.Argument(help="A passage file, or - for standard input.", show_default=False)
    ],
    model: Model = None,
    templates: Templates = None,
) -> None:
    """Show the facts found in a passage, and which question templates used them or why not."""
    from quizgen import report

    report.print_facts(passage, model=model, templates=templates)


@app.command(epilog=example("quizgen formats"))
def formats() -> None:
    """List the output formats, one line each."""
    from quizgen.export import FORMATS, GROUPS

    width = max(map(len, FORMATS))
    for name, fmt in FORMATS.items():
        typer.echo(f"{name:<{width}}  {fmt.summary}  ->  {fmt.files}")
    for name, members in GROUPS.items():
        typer.echo(f"{name:<{width}}  {', '.join(members)}")


@app.command(epilog=example("quizgen schema > quizgen-1.schema.json"))
def schema() -> None:
    """Print the quiz file's JSON Schema (for editors and other tools)."""
    from quizgen.quiz import quizfile

    sys.stdout.write(quizfile.schema_text())


def _usage(exc: UsageError) -> str:
    """A usage error in one line, with where to read more."""
    command = exc.ctx.command_path if exc.ctx else "quizgen"
    return f"{exc.format_message().rstrip('.')}; see '{command} --help'"


def main() -> None:
    """Run the CLI: every problem becomes one line on stderr and a non-zero exit.

    A QuizgenError (bad input, bad quiz file) exits 1; a bad command line exits 2.
    """
    try:
        code = app(prog_name="quizgen", standalone_mode=False)
    except QuizgenError as exc:
        _err(str(exc))
        sys.exit(1)
    except NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help())
        sys.exit(exc.exit_code)
    except UsageError as exc:
        _err(_usage(exc))
        sys.exit(exc.exit_code)
    except ClickException as exc:
        _err(exc.format_message())
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as exc:  # a bug: one line for the teacher, the traceback on request
        if os.environ.get("QUIZGEN_DEBUG"):
            raise
        _err(
            f"internal error: {type(exc).__name__}: {exc} (a bug in quizgen; please report it; "
            "QUIZGEN_DEBUG=1 shows the traceback)"
        )
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)

"""The command line: a thin Typer layer over the library. Each command is a few lines."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from typer.core import TyperCommand

from quizgen import __version__
from quizgen.base.errors import QuizgenError

try:  # newer Typer carries its own copy of Click; older ones use Click itself
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException, NoArgsIsHelpError, UsageError


class PlainHelp(TyperCommand):
    """A command whose help is in plain words: arguments by their metavar alone ('PASSAGE...',
    not '{passages}...' and '<list[str]>'), ranges as 'at least 1' and '1 to 26'."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        arguments = [p for p in self.get_params(ctx) if p.param_type_name == "argument"]
        return [self.options_metavar, *(p.metavar or p.name.upper() for p in arguments)]

    def format_options(self, ctx, formatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, text = record
            if param.param_type_name == "argument":
                arguments.append((param.metavar or name, _plain_range(text)))
            else:
                options.append((name, _plain_range(text)))
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _plain_range(text: str) -> str:
    """Click's '1<=x<=26' in words and 'x>=1' (a count is at least one) left out; a default
    given in words without parentheses."""
    text = re.sub(r"\b(\d+)<=x<=(\d+)\b", r"\1 to \2", text)
    text = re.sub(r"(; )?\bx>=1\b", "", text).replace("  []", "")
    return re.sub(r"default: \(([^)]*)\)", r"default: \1", text)


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
    Path,
    typer.Option("--out", "-o", metavar="FOLDER", help="Folder to write into (made if missing)."),
]
Formats = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMATS",
        help="Comma list of output formats, or 'lms' or 'all'; see `quizgen formats`.",
    ),
]
Paper = Annotated[str, typer.Option("--paper", metavar="a4|letter", help="Worksheet paper size.")]
Forms = Annotated[
    int,
    typer.Option(
        "--forms",
        min=1,
        max=26,
        metavar="NUMBER",
        help="Shuffled versions (A, B, ...) of worksheet and key.",
    ),
]
NoPassage = Annotated[
    bool,
    typer.Option(
        "--no-passage",
        show_default="off",
        help="Leave the passage off the worksheet and write it as a handout of its own "
        "(<stem>.passage.html, .pdf).",
    ),
]
Templates = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar="FOLDER",
        show_default="the shipped ones",
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
        metavar="NAME",
        show_default="the English pipeline installed with quizgen",
        help="An installed spaCy pipeline to use instead.",
    ),
]


WordBank = Annotated[
    bool,
    typer.Option(
        "--word-bank",
        show_default="off",
        help="Print a word bank above the blanks: their answers and as many other words.",
    ),
]


def _settings(
    paper: str, forms: int, templates: Path | None, *, no_passage: bool, word_bank: bool = False
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
    cls=PlainHelp,
    epilog=example("quizgen generate seeds/drone-strike.txt -o out --format html,pdf,moodle"),
)
def generate(
    passages: Annotated[
        list[str],
        typer.Argument(
            metavar="PASSAGE...",
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
            metavar="NUMBER",
            show_default="about one per 70 words, at least 10",
            help="Items per quiz; fewer if the passage cannot give that many good ones "
            "(quizgen says so).",
        ),
    ] = None,
    kinds: Annotated[
        str | None,
        typer.Option(
            "--kinds",
            "-k",
            metavar="KINDS",
            show_default="all five",
            help="Comma list of item kinds: multiple_choice, short_answer, "
            "true_false, fill_blank, matching, ordering.",
        ),
    ] = None,
    skills: Annotated[
        str | None,
        typer.Option(
            "--skills",
            metavar="SKILLS",
            show_default="all the passage supports",
            help="Comma list of reading skills to test: detail, cause, sequence, "
            "vocabulary, evidence.",
        ),
    ] = None,
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMATS",
            help="Comma list of output formats, or 'lms' or 'all'; see `quizgen formats`. "
            "The quiz file (<stem>.quiz.yaml) is always written.",
        ),
    ] = "html",
    seed: Annotated[
        int,
        typer.Option("--seed", "-s", metavar="NUMBER", help="Seed for every random choice."),
    ] = 7,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", "-t", metavar="TEXT", show_default="the passage's", help="Quiz title."
        ),
    ] = None,
    model: Model = None,
    recursive: Annotated[
        bool,
        typer.Option("--recursive", "-r", show_default="off", help="Descend into sub-folders."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="NUMBER",
            show_default="all cores",
            help="Worker processes for many passages.",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", show_default="off", help="No progress bar or summary."),
    ] = False,
    paper: Paper = "a4",
    forms: Forms = 1,
    no_passage: NoPassage = False,
    templates: Templates = None,
    word_bank: WordBank = False,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            show_default="off",
            help="Then review the quiz in your browser (one passage).",
        ),
    ] = False,
) -> None:
    """Make a quiz from each passage: the quiz file, a worksheet and an answer key."""
    from quizgen import batch
    from quizgen.base import files

    files.check_dir(out)
    options = batch.Options(
        count=count,
        kinds=kinds,
        skills=skills,
        formats=formats,  # and the quiz file, always
        seed=seed,
        title=title,
        model=model,
        recursive=recursive,
        jobs=jobs,
        quiet=quiet,
        settings=_settings(paper, forms, templates, no_passage=no_passage, word_bank=word_bank),
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
    cls=PlainHelp,
    epilog=example("quizgen export out/drone-strike.quiz.yaml --format html,moodle,canvas -o out"),
)
def export(
    quiz: Annotated[
        Path,
        typer.Argument(
            metavar="QUIZ", help="A quiz file (.quiz.yaml), edited or not.", show_default=False
        ),
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
        _settings(paper, forms, templates, no_passage=no_passage, word_bank=word_bank),
        keep=quiz,
    ):
        typer.echo(str(path))


@app.command(cls=PlainHelp, epilog=example("quizgen review out/drone-strike.quiz.yaml"))
def review(
    quiz: Annotated[
        Path,
        typer.Argument(
            metavar="QUIZ", help="A quiz file (.quiz.yaml) to review.", show_default=False
        ),
    ],
    no_browser: Annotated[
        bool,
        typer.Option(
            "--no-browser", show_default="off", help="Only print the address; open no browser."
        ),
    ] = False,
) -> None:
    """Keep, drop, fix and export a quiz's items in your browser; every change is saved at once."""
    from quizgen.review import server

    server.serve(quiz, browser=not no_browser, echo=typer.echo)


@app.command(cls=PlainHelp, epilog=example("quizgen validate out/drone-strike.quiz.yaml"))
def validate(
    quizzes: Annotated[
        list[Path],
        typer.Argument(metavar="QUIZ...", help="Quiz files to check.", show_default=False),
    ],
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


@app.command(cls=PlainHelp, epilog=example("quizgen facts seeds/drone-strike.txt"))
def facts(
    passage: Annotated[
        str,
        typer.Argument(
            metavar="PASSAGE", help="A passage file, or - for standard input.", show_default=False
        ),
    ],
    model: Model = None,
    templates: Templates = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            show_default="off",
            help="Also each sentence's facts and every question template's outcome on them.",
        ),
    ] = False,
) -> None:
    """Go through a passage sentence by sentence: the items each gave, and why any other
    question it gave is not on the worksheet."""
    from quizgen import report

    report.print_facts(passage, model=model, templates=templates, verbose=verbose, echo=typer.echo)


@app.command(cls=PlainHelp, epilog=example("quizgen formats"))
def formats() -> None:
    """List the output formats, one line each."""
    from quizgen.export import FORMATS, GROUPS

    width = max(map(len, FORMATS))
    for name, fmt in FORMATS.items():
        typer.echo(f"{name:<{width}}  {fmt.summary}  ->  {fmt.files}")
    for name, members in GROUPS.items():
        typer.echo(f"{name:<{width}}  {', '.join(members)}")


@app.command(cls=PlainHelp, epilog=example("quizgen schema > quizgen-1.schema.json"))
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
        _leave(1)
    except NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help())
        _leave(exc.exit_code)
    except UsageError as exc:
        _err(_usage(exc))
        _leave(exc.exit_code)
    except ClickException as exc:
        _err(exc.format_message())
        _leave(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        _err("interrupted")
        _leave(130)
    except BrokenPipeError:
        _leave(1)
    except Exception as exc:  # a bug: one line for the teacher, the traceback on request
        if os.environ.get("QUIZGEN_DEBUG"):
            raise
        _err(
            f"internal error: {type(exc).__name__}: {exc} (a bug in quizgen; please report it; "
            "QUIZGEN_DEBUG=1 shows the traceback)"
        )
        _leave(1)
    _leave(code if isinstance(code, int) else 0)


def _leave(code: int) -> NoReturn:
    """End the process with ``code`` once what it printed is out, without tearing down the
    interpreter: freeing a loaded spaCy pipeline and its Docs object by object takes a fifth
    of a second, longer than making a quiz, and changes nothing (every file is written and
    closed by now, each by an atomic rename)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away ('quizgen schema | head -1')
        code = code or 1
    except ValueError:  # a stream already closed
        pass
    os._exit(code)

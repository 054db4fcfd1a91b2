"""Folders and batches: expansion, unique output names, one broken file among good ones,
standard input, and the same bytes whatever --jobs (that last with the real model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen import batch, pipeline
from quizgen.base.errors import QuizgenError
from quizgen.cli import app
from quizgen.quiz.model import Evidence, Generator, Item, Kind, Quiz
from quizgen.read import reader
from quizgen.text import nlp as nlp_module

STORY = (
    "The Lighthouse\n\nFor forty years, Abel Moss kept the light on Gull Rock burning "
    "through every storm that came in from the sea. In the winter of 1952, a fishing boat "
    "named the Mary Ellen struck the rocks below the tower, and Abel rowed out alone to "
    "save its crew of six.\n"
)
OTHER = (
    "The Baker\n\nEvery morning at four, Rosa Delgado lit the ovens of the bakery on Mill "
    "Street. By six o'clock the whole street smelled of bread, and a line of neighbours "
    "waited at the door with baskets and coins.\n"
)

runner = CliRunner()


class FakeNLP:
    """Stands in for a spaCy pipeline: a 'Doc' is the paragraph's text."""

    lang = "en"
    meta = {"name": "core_web_sm", "version": "3.8.0"}

    def pipe(self, texts, batch_size=64):
        yield from texts


def fake_build(passage, docs, config, model_label, nlp=None):
    """A quiz of one item per paragraph; a passage that says NOTHING has nothing to ask."""
    if "NOTHING" in passage.text:
        raise QuizgenError(f"{passage.file}: found nothing to ask about")
    assert list(docs) == list(passage.paragraphs)
    items = tuple(
        Item(
            id=f"q{n}",
            kind=Kind.SHORT_ANSWER,
            prompt=f"What does paragraph {n} say?",
            answer=p.split()[0],
            evidence=Evidence(n, p),
        )
        for n, p in enumerate(passage.paragraphs, start=1)
    )
    return Quiz(
        title=passage.title,
        passage=passage.paragraphs,
        items=items,
        source=pipeline.source_of(passage),
        generator=Generator("0.1.0", model_label, config.seed),
    )


def fake_make(passage, docs, config, model_label, nlp=None):
    """The fake quiz, saying it made fewer items than asked when a count was given."""
    quiz = fake_build(passage, docs, config, model_label, nlp)
    notes = ()
    if config.count and len(quiz.items) < config.count:
        notes = (f"{passage.file}: made {len(quiz.items)} items of the {config.count} asked",)
    return pipeline.Made(quiz, notes)


@pytest.fixture
def fake_model(monkeypatch):
    """No spaCy: a fake pipeline and quiz builder, so batch logic is tested in milliseconds."""
    monkeypatch.setattr(nlp_module, "load", lambda name=None: FakeNLP())
    monkeypatch.setattr(pipeline, "make", fake_make)


def generate(*args: str):
    return runner.invoke(app, ["generate", *args])


def written(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.quiz.yaml"))


# sources and names


def test_expand_folder_recursive_hidden_and_output_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "out").mkdir()
    for name in (
        "a.txt",
        "b.md",
        "sub/c.html",
        ".hidden.txt",
        ".git/d.txt",
        "out/e.html",
        "picture.png",
    ):
        (tmp_path / name).write_text("x")
    flat = [rel for _, rel in batch.expand([str(tmp_path)], skip=tmp_path / "out")]
    assert flat == ["a.txt", "b.md"]
    deep = [rel for _, rel in batch.expand([str(tmp_path)], recursive=True, skip=tmp_path / "out")]
    assert deep == ["a.txt", "b.md", "sub/c.html"]


def test_a_folders_readme_and_sources_are_not_passages(tmp_path):
    for name in ("story.txt", "README.md", "SOURCES.md", "LICENSE.txt", "notes.md"):
        (tmp_path / name).write_text("x")
    assert [rel for _, rel in batch.expand([str(tmp_path)])] == ["story.txt"]


def test_expand_reads_a_file_once(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    found = batch.expand([str(tmp_path / "a.txt"), str(tmp_path)])
    assert [source for source, _ in found] == [str(tmp_path / "a.txt")]


def test_expand_empty_folder(tmp_path):
    with pytest.raises(QuizgenError, match="no passages in this folder"):
        batch.expand([str(tmp_path)])


def test_stems_are_unique():
    assert batch.stems(["a/story.txt", "b/story.txt", "poem.md"]) == ["a-story", "b-story", "poem"]
    assert batch.stems(["story.txt", "story.html"]) == ["story-txt", "story-html"]
    assert batch.stems(["Story.txt", "story.md"]) == ["Story-txt", "story-md"]
    assert batch.stems(["-", "news.txt"]) == ["stdin", "news"]
    assert batch.numbered(["a", "a", "A", "b"]) == ["a", "a-2", "A-3", "b"]


def test_chunks_do_not_depend_on_jobs():
    from quizgen.quiz.model import Passage

    units = [
        batch.Unit(f"{n}.txt", str(n), Passage("t", ("word " * words,)))
        for n, words in enumerate([1500, 600, 300, 2500, 100])
    ]
    groups = batch.chunks(units, words=2000)
    assert [[u.stem for u in g] for g in groups] == [["0", "1"], ["2", "3"], ["4"]]


# the command, with a fake model


def test_folder_with_a_broken_file(tmp_path, fake_model):
    folder = tmp_path / "passages"
    folder.mkdir()
    (folder / "lighthouse.txt").write_text(STORY)
    (folder / "baker.md").write_text("# " + OTHER)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a pdf")
    (folder / "empty.docx").write_bytes(b"")
    out = tmp_path / "out"
    result = generate(str(folder), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 1
    assert written(out) == ["baker.quiz.yaml", "lighthouse.quiz.yaml"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("quizgen:")]
    assert len(errors) == 2
    assert "broken.pdf: cannot read this PDF" in errors[0] and "empty.docx" in errors[1]
    assert "4 files: 2 quizzes made, 2 failed" in result.stderr  # the summary table
    assert "lighthouse" in result.stderr and "failed" in result.stderr


def test_quiet_prints_no_table(tmp_path, fake_model):
    for name, text in (("a.txt", STORY), ("b.txt", OTHER)):
        (tmp_path / name).write_text(text)
    result = generate(
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        "-o",
        str(tmp_path / "out"),
        "--quiet",
        "--jobs",
        "1",
    )
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_summary_and_paths_for_a_batch(tmp_path, fake_model):
    for name, text in (("a.txt", STORY), ("b.txt", OTHER)):
        (tmp_path / name).write_text(text)
    result = generate(
        str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out"), "--jobs", "1"
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith("a.quiz.yaml") and len(lines) == len(set(lines))
    for column in ("file", "words", "items", "seconds"):
        assert column in result.stderr
    assert "2 files: 2 quizzes made, 0 failed" in result.stderr
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal


@pytest.mark.parametrize("formats", ["pdf", "gift", "html,moodle", "yaml"])
def test_the_quiz_file_is_written_whatever_the_format(tmp_path, fake_model, formats):
    (tmp_path / "a.txt").write_text(STORY)
    out = tmp_path / "out"
    result = generate(str(tmp_path / "a.txt"), "-o", str(out), "-f", formats, "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    assert written(out) == ["a.quiz.yaml"]  # the source of truth, whatever --format says
    if formats == "gift":
        assert sorted(p.name for p in out.iterdir()) == [
            "a.gift.txt",
            "a.quiz.yaml",
            "quizgen-1.schema.json",
        ]


class SlowNLP(FakeNLP):
    """A fake pipeline that takes a tenth of a second a paragraph, parsing in batches of 64."""

    def pipe(self, texts, batch_size=64):
        import time

        texts = list(texts)
        for start in range(0, len(texts), batch_size):
            batch = texts[start : start + batch_size]
            time.sleep(0.1 * len(batch))
            yield from batch


def test_each_quiz_is_timed_with_its_own_parsing_and_the_summary_counts_files(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(nlp_module, "load", lambda name=None: SlowNLP())
    monkeypatch.setattr(pipeline, "make", fake_make)
    for name, text in (("a.txt", STORY), ("b.txt", OTHER), ("c.txt", "# " + STORY)):
        (tmp_path / name).write_text(text)
    made = batch.make_quizzes(
        batch.Job(pipeline.Config(), ("yaml",), batch.Settings(), tmp_path / "out"),
        [
            batch.Unit(str(tmp_path / n), n[0], reader.read(str(tmp_path / n)))
            for n in ("a.txt", "b.txt", "c.txt")
        ],
    )
    for outcome in made:  # one paragraph each: a tenth of a second, not 0.0 for the later ones
        assert 0.1 <= outcome.seconds < 0.5, outcome
    assert batch.caption(made, 3, 1.25) == "3 files: 3 quizzes made, 0 failed, 1.2 s in all"
    one = [batch.Outcome("a.txt", "a", 10, 5), batch.Outcome("b.txt", error="x")]
    assert batch.caption(one, 2, 2.0) == "2 files: 1 quiz made, 1 failed, 2.0 s in all"


def test_what_could_not_be_made_is_said_on_stderr_even_when_quiet(tmp_path, fake_model):
    (tmp_path / "a.txt").write_text(STORY)
    result = generate(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-n", "5", "-q")
    assert result.exit_code == 0
    assert result.stderr == f"quizgen: {tmp_path / 'a.txt'}: made 1 items of the 5 asked\n"


def test_duplicate_stems_are_disambiguated(tmp_path, fake_model):
    for folder in ("year7", "year8"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(STORY)
    (tmp_path / "year8" / "story.md").write_text(OTHER)
    result = generate(str(tmp_path), "-r", "-o", str(tmp_path / "out"), "-q", "--jobs", "1")
    assert result.exit_code == 0
    assert written(tmp_path / "out") == [
        "year7-story.quiz.yaml",
        "year8-story-md.quiz.yaml",
        "year8-story-txt.quiz.yaml",
    ]


def test_stdin(tmp_path, fake_model):
    result = runner.invoke(app, ["generate", "-", "-o", str(tmp_path), "--jobs", "1"], input=STORY)
    assert result.exit_code == 0, result.output
    quiz = (tmp_path / "stdin.quiz.yaml").read_text()
    assert "The Lighthouse" in quiz and "Abel Moss" in quiz


def test_a_single_failing_file_raises(tmp_path, fake_model):
    path = tmp_path / "nothing.txt"
    path.write_text(
        "Nothing here\n\nThe passage says NOTHING worth asking about, not one "
        "thing, however long a teacher may look at it and whatever they try."
    )
    options = batch.Options(jobs=1, quiet=True)
    with pytest.raises(QuizgenError, match="nothing to ask about"):
        batch.run([str(path)], tmp_path / "out", options)
    with pytest.raises(QuizgenError, match="no such file"):
        batch.run([str(tmp_path / "missing.txt")], tmp_path / "out", options)


def test_a_failing_passage_in_a_batch_is_skipped(tmp_path, fake_model):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(
        "Nothing\n\nThe passage says NOTHING worth asking about, "
        "not one thing, however long a teacher may look at it."
    )
    (tmp_path / "c.txt").write_text(OTHER)
    (tmp_path / "d.txt").write_text(
        "Le passage\n\nLe chat est sur la table et le chien dort "
        "dans le jardin avec les enfants de la maison, pendant que "
        "la pluie tombe sur les toits du village."
    )
    failures = batch.run([str(tmp_path)], tmp_path / "out", batch.Options(jobs=1, quiet=True))
    assert failures == 2
    assert written(tmp_path / "out") == ["a.quiz.yaml", "c.quiz.yaml"]


def test_a_book_becomes_one_quiz_per_chapter(tmp_path, fake_model):
    paragraph = " ".join(["The keeper climbed the stairs and lit the lamp again."] * 5)
    chapters = [
        f"CHAPTER {n}\n\n" + "\n\n".join(f"{paragraph} Night {k}." for k in range(90))
        for n in range(1, 6)
    ]
    (tmp_path / "keeper.txt").write_text("The Keeper\n\n" + "\n\n".join(chapters))
    failures = batch.run(
        [str(tmp_path / "keeper.txt")], tmp_path / "out", batch.Options(jobs=1, quiet=True)
    )
    assert failures == 0
    assert written(tmp_path / "out") == [f"keeper-0{n}.quiz.yaml" for n in range(1, 6)]
    assert "title: 'The Keeper: CHAPTER 3'" in (tmp_path / "out/keeper-03.quiz.yaml").read_text()


# the real model (few and short)


@pytest.mark.model
def test_same_bytes_whatever_jobs(tmp_path):
    folder = tmp_path / "passages"
    folder.mkdir()
    (folder / "lighthouse.txt").write_text(STORY)
    (folder / "baker.txt").write_text(OTHER)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    for jobs in ("1", "2"):
        result = generate(str(folder), "-o", str(tmp_path / f"out{jobs}"), "-q", "--jobs", jobs)
        assert result.exit_code == 1
    one, two = sorted((tmp_path / "out1").iterdir()), sorted((tmp_path / "out2").iterdir())
    assert [p.name for p in one] == [p.name for p in two]
    assert {p.name for p in one} >= {"lighthouse.quiz.yaml", "baker.quiz.yaml"}
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two, strict=True))


@pytest.mark.model
def test_stdin_with_the_model(tmp_path):
    result = runner.invoke(app, ["generate", "-", "-o", str(tmp_path)], input=STORY)
    assert result.exit_code == 0, result.output
    assert "Abel Moss" in (tmp_path / "stdin.quiz.yaml").read_text()

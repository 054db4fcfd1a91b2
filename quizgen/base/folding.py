"""Texts compared as a reader compares them: case, typography and spacing folded away.

The one home of text comparison. Each fold builds on the one before it:

- ``fold``: case, curly apostrophes and runs of white space. The quiz file check compares an
  answer with its options and evidence with its paragraph this way, and so do the exporters
  that mark the key.
- ``fold_typography``: also what print varies in (compatibility forms, curly quotes, dashes),
  for finding a phrase in a sentence however either was typed.
- ``fold_words``: only the words (quotes and dashes unified, compatibility forms kept, so
  '8½' stays one word), for telling whether two options say the same thing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

_TYPOGRAPHY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"}
)
_WORD = re.compile(r"[\w']+")


def fold(text: object) -> str:
    """Case-folded, curly apostrophes made straight, white space run together."""
    return " ".join(str(text).replace("\u2019", "'").split()).casefold()


@lru_cache(maxsize=16384)
def fold_typography(text: str) -> str:
    """``fold`` after Unicode compatibility forms (NFKC), quotes and dashes are unified."""
    return fold(unicodedata.normalize("NFKC", str(text)).translate(_TYPOGRAPHY))


@lru_cache(maxsize=16384)
def fold_words(text: str) -> str:
    """The words of a folded text, one space apart: punctuation gone."""
    return " ".join(_WORD.findall(fold(text.translate(_TYPOGRAPHY))))


def phrase_starts(text: str, phrase: str, word_char: Callable[[str], bool]) -> Iterator[int]:
    """Where a phrase stands in a text on word boundaries, without overlaps: a plain search,
    where a regex per phrase would be compiled anew each time."""
    if not phrase:
        return
    start = text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        if not (start and word_char(text[start - 1])) and not word_char(text[end : end + 1]):
            yield start
            start = text.find(phrase, end)
        else:
            start = text.find(phrase, start + 1)

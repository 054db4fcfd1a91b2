"""Build ``data/glosses.tsv`` from WordNet 3.0 (a development tool).

    python -m quizgen.text.gloss_table /usr/share/wordnet   # Debian's wordnet-base package

The words a reading quiz asks the meaning of when the passage does not explain them: adjectives,
verbs and adverbs a reader meets in books but not every day ('shrewd', 'bewail', 'sorely'),
with the meaning of their one dominant sense. A word qualifies when WordNet's sense-tagged
texts have it a few times, neither never (rare or technical) nor often (everyday words,
whose meaning is no question); when its first sense has at least three in four of those
tags, so that the sense in a passage is almost surely that one; and when that sense is no
relational adjective ('seismic': of earthquakes). Each line is the lemma, its part of speech
(a, v, r), the times it is tagged (the fewer, the less everyday the word), the sense's synset
(two words of one synset are synonyms, never each other's wrong option) and its definition
without WordNet's examples. The table is read at run time;
nothing is downloaded.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from quizgen.text import lexicon
from quizgen.text.wordnet_table import WORDNET_LICENCE

OUT = Path(__file__).resolve().parent / "data" / "glosses.tsv"
FILES = {"a": "adj", "v": "verb", "r": "adv"}
SS_TYPES = {"3": "a", "5": "a", "2": "v", "4": "r"}  # sense keys' synset types
TAGGED = (2, 6)  # the fewest and most tags of a tier-two word, over its senses of the POS
MAX_SENSES = 3  # a word of more senses is too often used in one the table does not give
DOMINANT = 0.75  # the first sense's least share of them
PERTAINYM_FILE = "01"  # adj.pert: 'seismic', 'thyroid'
MAX_WORDS = 14
NOTICE = (
    """\
# lemma, part of speech (a, v, r), times tagged, synset, meaning of the dominant sense: words
# a passage may use without explaining, derived from WordNet 3.0 by quizgen/text/gloss_table.py.
#
"""
    + WORDNET_LICENCE
)


def _counts(folder: Path) -> dict[tuple[str, str], dict[int, int]]:
    """(lemma, pos) -> {sense number: times tagged}, from cntlist.rev."""
    out: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for line in (folder / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        key, number, count = line.split()
        lemma, _, rest = key.partition("%")
        pos = SS_TYPES.get(rest[:1])
        if pos is not None:
            senses = out[(lemma, pos)]
            senses[int(number)] = senses.get(int(number), 0) + int(count)
    return out


def _definition(gloss: str) -> str:
    """A WordNet gloss without its quoted examples: 'showing extreme cupidity'."""
    text = re.split(r';?\s*"', gloss, maxsplit=1)[0]
    return " ".join(text.strip().rstrip(";").split())


def _synsets(folder: Path, pos: str) -> dict[str, tuple[str, str]]:
    """offset -> (lexicographer file, definition) of a part of speech's synsets."""
    out = {}
    for line in (folder / f"data.{FILES[pos]}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        out[parts[0]] = (parts[1], _definition(gloss))
    return out


def _plain(definition: str) -> bool:
    """A definition a student reads as a meaning: two words or more, not too long, no
    usage label or note ('(Southern regional intensive) very', 'used informally as ...',
    'with respect to vision')."""
    words = definition.split()
    return 2 <= len(words) <= MAX_WORDS and not re.search(
        r"[()\[\]]|\bused\b|\busually\b|^with respect to\b", definition
    )


def _gives_away(lemma: str, definition: str) -> bool:
    """Whether the definition holds the word's own stem ('in a wise manner' for 'wisely',
    'not developed' for 'undeveloped', 'covered with rust' for 'rusty')."""
    core = re.sub(r"^(?:un|in|im|non|dis)(?=.{4})", "", lemma)
    stem = core[: max(4, min(5, len(core) - 1))]
    for w in re.findall(r"[a-z]+", definition.lower()):
        base = w[:-1] + "i" if w.endswith("y") else w  # 'gay' in 'gaily'
        if w.startswith(stem) or (len(w) >= 3 and (core.startswith(w) or core.startswith(base))):
            return True
    return False


# meanings a school quiz does not offer even as a wrong option, beside the swear words,
# slurs and sexual terms of the better-profanity list
SENSITIVE = frozenset("sexual sexually indecent erotic sin sinful iniquity drug drugs".split())


def build(folder: Path) -> str:
    """The table's text."""
    counts = _counts(folder)
    unsuitable = lexicon.unsuitable_words() | SENSITIVE
    lines = [NOTICE.rstrip("\n")]
    for pos, name in FILES.items():
        synsets = _synsets(folder, pos)
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma, pointers = parts[0], int(parts[3])
            offsets = parts[6 + pointers :]
            if not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", lemma) or len(lemma) < 4:
                continue
            senses = counts.get((lemma, pos), {})
            total = sum(senses.values())
            if not TAGGED[0] <= total <= TAGGED[1] or senses.get(1, 0) < DOMINANT * total:
                continue
            if len(offsets) > MAX_SENSES:
                continue
            lexfile, definition = synsets[offsets[0]]
            if lexfile == PERTAINYM_FILE and pos == "a":
                continue
            if not _plain(definition) or _gives_away(lemma, definition):
                continue
            if {lemma, *re.findall(r"[a-z]+", definition.lower())} & unsuitable:
                continue
            lines.append(f"{lemma}\t{pos}\t{total}\t{offsets[0]}\t{definition}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")))

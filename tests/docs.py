"""Hand-built spaCy Docs for rule and grammar tests: no model needed.

Each sentence is written as rows of (word, head offset, dep, tag, pos, lemma), the head an
index into the sentence; entities as (start, end, label) over the words.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc, Span


@cache
def vocab():
    return spacy.blank("en").vocab


def make_doc(rows: list[tuple], ents: list[tuple[int, int, str]] = (), spaces=None) -> Doc:
    """A parsed Doc from rows of (word, head, dep, tag, pos, lemma)."""
    words = [r[0] for r in rows]
    if spaces is None:
        spaces = [
            not (
                i + 1 < len(rows)
                and rows[i + 1][4] == "PUNCT"
                and rows[i + 1][0] not in {"(", "\u201c", "\u2018"}
            )
            and rows[i][0] not in {"(", "\u201c", "\u2018"}
            for i in range(len(rows))
        ]
        spaces[-1] = False
    doc = Doc(
        vocab(),
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


# "The strike was authorized by President Donald Trump."
PASSIVE = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("strike", 3, "nsubjpass", "NN", "NOUN", "strike"),
    ("was", 3, "auxpass", "VBD", "AUX", "be"),
    ("authorized", 3, "ROOT", "VBN", "VERB", "authorize"),
    ("by", 3, "agent", "IN", "ADP", "by"),
    ("President", 7, "compound", "NNP", "PROPN", "President"),
    ("Donald", 7, "compound", "NNP", "PROPN", "Donald"),
    ("Trump", 4, "pobj", "NNP", "PROPN", "Trump"),
    (".", 3, "punct", ".", "PUNCT", "."),
]
PASSIVE_ENTS = [(6, 8, "PERSON")]

# "Kataib Hezbollah fired 31 rockets into a base in Kirkuk last week."
FIRED = [
    ("Kataib", 1, "compound", "NNP", "PROPN", "Kataib"),
    ("Hezbollah", 2, "nsubj", "NNP", "PROPN", "Hezbollah"),
    ("fired", 2, "ROOT", "VBD", "VERB", "fire"),
    ("31", 4, "nummod", "CD", "NUM", "31"),
    ("rockets", 2, "dobj", "NNS", "NOUN", "rocket"),
    ("into", 2, "prep", "IN", "ADP", "into"),
    ("a", 7, "det", "DT", "DET", "a"),
    ("base", 5, "pobj", "NN", "NOUN", "base"),
    ("in", 7, "prep", "IN", "ADP", "in"),
    ("Kirkuk", 8, "pobj", "NNP", "PROPN", "Kirkuk"),
    ("last", 11, "amod", "JJ", "ADJ", "last"),
    ("week", 2, "npadvmod", "NN", "NOUN", "week"),
    (".", 2, "punct", ".", "PUNCT", "."),
]
FIRED_ENTS = [(0, 2, "ORG"), (3, 4, "CARDINAL"), (9, 10, "GPE"), (10, 12, "DATE")]

# "Soleimani was killed at Baghdad International Airport."
KILLED = [
    ("Soleimani", 2, "nsubjpass", "NNP", "PROPN", "Soleimani"),
    ("was", 2, "auxpass", "VBD", "AUX", "be"),
    ("killed", 2, "ROOT", "VBN", "VERB", "kill"),
    ("at", 2, "prep", "IN", "ADP", "at"),
    ("Baghdad", 6, "compound", "NNP", "PROPN", "Baghdad"),
    ("International", 6, "compound", "NNP", "PROPN", "International"),
    ("Airport", 3, "pobj", "NNP", "PROPN", "Airport"),
    (".", 2, "punct", ".", "PUNCT", "."),
]
KILLED_ENTS = [(0, 1, "PERSON"), (4, 7, "FAC")]

# "The Quds Force leads secret operations abroad."
LEADS = [
    ("The", 2, "det", "DT", "DET", "the"),
    ("Quds", 2, "compound", "NNP", "PROPN", "Quds"),
    ("Force", 3, "nsubj", "NNP", "PROPN", "Force"),
    ("leads", 3, "ROOT", "VBZ", "VERB", "lead"),
    ("secret", 5, "amod", "JJ", "ADJ", "secret"),
    ("operations", 3, "dobj", "NNS", "NOUN", "operation"),
    ("abroad", 3, "advmod", "RB", "ADV", "abroad"),
    (".", 3, "punct", ".", "PUNCT", "."),
]
LEADS_ENTS = [(0, 3, "ORG")]

# "Earth is not a point."
COPULA_NEG = [
    ("Earth", 1, "nsubj", "NNP", "PROPN", "Earth"),
    ("is", 1, "ROOT", "VBZ", "AUX", "be"),
    ("not", 1, "neg", "RB", "PART", "not"),
    ("a", 4, "det", "DT", "DET", "a"),
    ("point", 1, "attr", "NN", "NOUN", "point"),
    (".", 1, "punct", ".", "PUNCT", "."),
]
COPULA_ENTS = [(0, 1, "LOC")]

# "The tides can reach five metres."
MODAL = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("tides", 3, "nsubj", "NNS", "NOUN", "tide"),
    ("can", 3, "aux", "MD", "AUX", "can"),
    ("reach", 3, "ROOT", "VB", "VERB", "reach"),
    ("five", 5, "nummod", "CD", "NUM", "five"),
    ("metres", 3, "dobj", "NNS", "NOUN", "metre"),
    (".", 3, "punct", ".", "PUNCT", "."),
]
MODAL_ENTS = [(4, 6, "QUANTITY")]

# "Soleimani and Ridha arrived from Syria."
COORDINATED = [
    ("Soleimani", 3, "nsubj", "NNP", "PROPN", "Soleimani"),
    ("and", 0, "cc", "CC", "CCONJ", "and"),
    ("Ridha", 0, "conj", "NNP", "PROPN", "Ridha"),
    ("arrived", 3, "ROOT", "VBD", "VERB", "arrive"),
    ("from", 3, "prep", "IN", "ADP", "from"),
    ("Syria", 4, "pobj", "NNP", "PROPN", "Syria"),
    (".", 3, "punct", ".", "PUNCT", "."),
]
COORDINATED_ENTS = [(0, 1, "PERSON"), (2, 3, "PERSON"), (5, 6, "GPE")]

# '"The game has changed," Esper said.'
QUOTE = [
    ("\u201c", 4, "punct", "``", "PUNCT", "\u201c"),
    ("The", 2, "det", "DT", "DET", "the"),
    ("game", 4, "nsubj", "NN", "NOUN", "game"),
    ("has", 4, "aux", "VBZ", "AUX", "have"),
    ("changed", 8, "ccomp", "VBN", "VERB", "change"),
    (",", 8, "punct", ",", "PUNCT", ","),
    ("\u201d", 8, "punct", "''", "PUNCT", "\u201d"),
    ("Esper", 8, "nsubj", "NNP", "PROPN", "Esper"),
    ("said", 8, "ROOT", "VBD", "VERB", "say"),
    (".", 8, "punct", ".", "PUNCT", "."),
]
QUOTE_ENTS = [(7, 8, "PERSON")]


def ran(name: str) -> list[tuple]:
    """'<name> ran home.'"""
    return [
        (name, 1, "nsubj", "NNP", "PROPN", name),
        ("ran", 1, "ROOT", "VBD", "VERB", "run"),
        ("home", 1, "advmod", "RB", "ADV", "home"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]


def placed(start: int, rows: list[tuple]) -> list[tuple]:
    """Rows of one sentence whose heads are offsets within it, placed at ``start``."""
    return [(w, start + h, *rest) for w, h, *rest in rows]


# "The king ran."
KING_RAN = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("king", 2, "nsubj", "NN", "NOUN", "king"),
    ("ran", 2, "ROOT", "VBD", "VERB", "run"),
    (".", 2, "punct", ".", "PUNCT", "."),
]
# "“Give me the gold,” said the king."
GIVE = [
    ("\u201c", 6, "punct", "``", "PUNCT", "\u201c"),
    ("Give", 6, "ccomp", "VB", "VERB", "give"),
    ("me", 1, "dative", "PRP", "PRON", "I"),
    ("gold", 1, "dobj", "NN", "NOUN", "gold"),
    (",", 6, "punct", ",", "PUNCT", ","),
    ("\u201d", 6, "punct", "''", "PUNCT", "\u201d"),
    ("said", 6, "ROOT", "VBD", "VERB", "say"),
    ("the", 8, "det", "DT", "DET", "the"),
    ("king", 6, "nsubj", "NN", "NOUN", "king"),
    (".", 6, "punct", ".", "PUNCT", "."),
]


def said_the_king(rows: list[tuple]) -> list[tuple]:
    """'The king ran.' twice (a story that names its king), then the sentence."""
    return [*KING_RAN, *placed(4, KING_RAN), *placed(8, rows)]


def sentence(rows, ents=()):
    """The one sentence of a hand-built Doc."""
    return next(make_doc(rows, ents).sents)


def read(*sentences: tuple[list, list]):
    """(candidates, facts, analysis, passage) the engine makes of a passage of hand-built
    sentences, one paragraph each, with the shipped templates."""
    from quizgen import pipeline
    from quizgen.quiz.model import Passage

    docs = [make_doc(rows, ents) for rows, ents in sentences]
    analysis = pipeline.analyze(docs)
    passage = Passage("test", tuple(d.text for d in docs))
    facts = pipeline.extract_facts(analysis, passage)
    return list(pipeline.ask(analysis, facts)), facts, analysis, passage


def questions(*sentences: tuple[list, list]) -> dict[str, tuple[str, str]]:
    """{template id: (prompt, answer)} of the candidates made from hand-built sentences."""
    found: dict[str, tuple[str, str]] = {}
    for c in read(*sentences)[0]:
        found.setdefault(c.template.id, (c.prompt, c.answer))
    return found

"""Build ``data/glosses.tsv`` and ``data/book_words.tsv`` from WordNet 3.0 (a development tool).

    python -m quizgen.text.gloss_table /usr/share/wordnet   # Debian's wordnet-base package

The words a reading quiz asks the meaning of when the passage does not explain them: adjectives,
verbs and adverbs a reader meets in books but not every day ('shrewd', 'bewail', 'sorely'),
with the meaning of their one dominant sense. A word qualifies when WordNet's sense-tagged
texts have it at least twice (not a word too rare or technical to ask); when its first sense
has at least four in five of those tags and no other sense lies in a synset the texts have
far more often (COMMON_SENSE: 'modify' is in 'change, alter, modify'), so that the sense in a
passage is almost surely that one; when that sense is no relational adjective ('seismic': of
earthquakes) and the word no number ('eighteenth'); and when English text does not have it
as often as an everyday word (the wordfreq package's figures, below EVERYDAY_ZIPF: whose
meaning is no question). Each line is
the lemma, its part of speech (a, v, r), the times it is tagged, its frequency in English
(Zipf scale: the fewer, the less everyday the word), the sense's synset
(two words of one synset are synonyms, never each other's wrong option), its definition
without WordNet's examples, and the synsets near in meaning (the sense's satellites and
"similar to" adjectives, "see also", a verb's group, its hypernyms and hyponyms): a word with
a sense among them could be taken to mean the definition too; and for an adjective, the nouns
it makes a compound noun with ('elementary school'), in which it has not this sense; and the
content words of the gloss of each of its senses, examples included, which tell the sense a
sentence uses when it shares more of them with another sense's gloss than with this one's
('requisitioned ... for military use': 'demand and take for use or service, especially by
military ...', not 'make a formal request for official services'); and the book words one of
whose senses is defined much like it ('devote' beside 'allocate'), never its wrong options.

``book_words.tsv`` lists the adjectives, verbs and adverbs that are no everyday words (tagged in
WordNet's sense-tagged texts, and less frequent in English than EVERYDAY_ZIPF),
each with its frequency and the synsets of all its senses:
the words a passage offers as the wrong options of "Which word from the passage means ...?",
and the senses that tell whether one of them could mean the key's definition as well.

Building them needs WordNet's files and the wordfreq package (``pip install .[tables]``); the
tables are read at run time, with neither; nothing is downloaded.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

from spacy.lang.en.lex_attrs import like_num

from quizgen.text import lexicon
from quizgen.text.wordnet_table import WORDNET_LICENCE

OUT = Path(__file__).resolve().parent / "data" / "glosses.tsv"
WORDS_OUT = OUT.with_name("book_words.tsv")
FILES = {"a": "adj", "v": "verb", "r": "adv"}
SS_TYPES = {"3": "a", "5": "a", "2": "v", "4": "r"}  # sense keys' synset types
# the fewest and most tags of a tier-two word, over its senses of the POS: the more, the
# surer the share of its first sense (an everyday word is known by its frequency in English)
TAGGED = (2, 40)
# a word with another sense whose synset its texts have this many times more often than the
# first sense's ('modify' is in 'change, alter, modify'): readers know it in that sense,
# whatever the word's own few tags say
COMMON_SENSE = 4
MAX_SENSES = 3  # a word of more senses is too often used in one the table does not give
DOMINANT = 0.8  # the first sense's least share of them
PERTAINYM_FILE = "01"  # adj.pert: 'seismic', 'thyroid'
MAX_WORDS = 14
# the fewest tags of a book word over its senses of the part of speech: fewer is a word too
# rare or technical to be a believable option (an everyday word is known by its frequency)
BOOK_LEAST_TAGGED = 1
# words at least this frequent in English (wordfreq's Zipf scale, the log of the times a word
# is met in a billion words: 4.3 is twenty times a million) are everyday words, whatever
# WordNet's few sense-tagged texts say ('pink', 'global', 'nearby', each tagged a few times):
# no question of meaning, nor a believable wrong option
EVERYDAY_ZIPF = 4.3
# the pointers to synsets near a sense in meaning: similar to, see also, verb group, hypernym,
# hyponym
NEAR = frozenset({"&", "^", "$", "@", "~"})
NOTICE = (
    """\
# lemma, part of speech (a, v, r), times tagged, frequency in English (Zipf scale, from the
# wordfreq package), synset, meaning of the dominant sense, the synsets near it, the nouns of
# its compound nouns, the words of the sense's gloss with its examples, those of each other
# sense's (separated by |), and the book words one of whose senses is defined much alike: words
# a passage may use without explaining, derived from WordNet 3.0 by quizgen/text/gloss_table.py.
#
"""
    + WORDNET_LICENCE
)
WORDS_NOTICE = (
    """\
# lemma, part of speech (a, v, r), times tagged, frequency in English (Zipf scale, from the
# wordfreq package), the synsets of its senses: the adjectives, verbs
# and adverbs that are no everyday words, derived from WordNet 3.0 by quizgen/text/gloss_table.py.
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


def _synset_tags(folder: Path, pos: str, counts) -> dict[str, int]:
    """synset offset -> times WordNet's sense-tagged texts have any of its words in it."""
    out: dict[str, int] = defaultdict(int)
    for lemma, offsets in _index(folder, pos):
        for number, count in counts.get((lemma, pos), {}).items():
            if number <= len(offsets):
                out[offsets[number - 1]] += count
    return out


def _frequency():
    """A word's frequency in English on the Zipf scale, from the wordfreq package (a
    development dependency, as WordNet is: the tables ship the figures)."""
    from wordfreq import zipf_frequency

    return lambda word: zipf_frequency(word, "en")


def _definition(gloss: str) -> str:
    """A WordNet gloss without its quoted examples: 'showing extreme cupidity'."""
    text = re.split(r';?\s*"', gloss, maxsplit=1)[0]
    return " ".join(text.strip().rstrip(";").split())


def _synsets(folder: Path, pos: str) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """offset -> (lexicographer file, definition, the offsets of the synsets of its part of
    speech near it in meaning) of a part of speech's synsets. An adjective satellite is near
    its head's other satellites too ('shrewd' beside 'clever' and 'astute', all 'smart')."""
    out = {}
    satellite = set()
    for line in _data(folder, pos):
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        words = int(parts[3], 16)
        at = 4 + 2 * words
        near = []
        for n in range(int(parts[at])):
            symbol, offset, kind = parts[at + 1 + 4 * n : at + 4 + 4 * n]
            if symbol in NEAR and (kind == pos or (pos == "a" and kind == "s")):
                near.append(offset)
        out[parts[0]] = (parts[1], _definition(gloss), tuple(sorted(set(near))))
        if parts[2] == "s":
            satellite.add(parts[0])
    for offset in satellite:
        lexfile, definition, near = out[offset]
        siblings = {o for head in near if head not in satellite for o in out[head][2]}
        out[offset] = (lexfile, definition, tuple(sorted((set(near) | siblings) - {offset})))
    return out


def _content_words(text: str) -> set[str]:
    """The content words of a gloss, in lower case: no stop words, none under three letters."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2} - STOP_WORDS


def _lemmas(word: str) -> set[str]:
    return {*lexicon.lemmas(word, "noun"), *lexicon.lemmas(word, "verb")}


def _roots(text: str) -> frozenset[str]:
    """The content words of a gloss, each as its shortest noun or verb lemma ('purposes' ->
    purpose; the first in alphabetical order of equals), in lower case."""
    return frozenset(min({w, *_lemmas(w)}, key=lambda x: (len(x), x)) for w in _content_words(text))


def _overlapping(
    folder: Path, pos: str, words: dict[str, list[str]]
) -> dict[str, set[tuple[str, int]]]:
    """root -> (book word, sense number) of the book words of a part of speech (``words``:
    lemma -> its senses' synsets) whose sense's definition holds that root: the index that
    finds, for a meaning, the words one of whose senses says much the same."""
    definitions = {}
    for line in _data(folder, pos):
        if not line.startswith("  "):
            head, _, gloss = line.partition(" | ")
            definitions[head.split()[0]] = _definition(gloss)
    index: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for lemma, offsets in words.items():
        for n, offset in enumerate(offsets):
            definition = definitions[offset]
            if NEGATING.search(definition):
                continue  # 'showing lack of forethought' (careless) says the opposite of 'cautious'
            for root in _roots(definition):
                index[root].add((lemma, n))
    return index


# a definition that says a meaning's opposite ('lacking', 'not', 'without'): an antonym, the
# best of wrong options, shares words with the meaning it denies
NEGATING = re.compile(r"\b(?:lack\w*|not|no|without|absence|never|fail\w*|un\w+)\b")


def _said_alike(definition: str, index: dict[str, set[tuple[str, int]]], lemma: str) -> list[str]:
    """The book words one of whose senses' definitions shares SAID_ALIKE words or more with a
    meaning ('devote': 'set aside or apart for a specific purpose', beside 'allocate':
    'distribute according to a plan or set apart for a special purpose'), the word itself
    left out: each could be defended as meaning it."""
    if NEGATING.search(definition):
        return []  # a meaning of 'not ...' shares its words with what it denies
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for root in _roots(definition):
        for sense in index.get(root, ()):
            counts[sense] += 1
    return sorted({w for (w, _), n in counts.items() if n >= SAID_ALIKE and w != lemma})


# words a wrong option's sense shares with the key's meaning before a student could defend it
SAID_ALIKE = 2


def _sense_words(folder: Path, pos: str) -> dict[str, frozenset[str]]:
    """offset -> the content words of a synset's whole gloss, its examples too, in lower case
    with their noun and verb lemmas ('demand and take for use or service, especially by
    military ...; "The military requisitioned the buildings"'): the words a sentence using
    the word in that sense tends to share (Lesk's measure)."""
    out = {}
    for line in _data(folder, pos):
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition(" | ")
        words = _content_words(gloss)
        out[head.split()[0]] = frozenset(words.union(*(_lemmas(w) for w in words)))
    return out


@cache
def _data(folder: Path, pos: str) -> list[str]:
    """The lines of a part of speech's data file, read once (three readers go through it)."""
    return (folder / f"data.{FILES[pos]}").read_text(encoding="latin-1").splitlines()


def _index(folder: Path, pos: str):
    """(lemma, offsets of its senses) of a part of speech's index, most frequent sense first."""
    for line in (folder / f"index.{FILES[pos]}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        yield parts[0], parts[6 + int(parts[3]) :]


def _plain(definition: str) -> bool:
    """A definition a student reads as a meaning: two words or more, not too long, no
    usage label or note ('(Southern regional intensive) very', 'used informally as ...',
    'with respect to vision'), and no meanings strung together ('giving pleasure or
    satisfaction or received with pleasure or freely granted', '... with even temper or
    characterized by such endurance')."""
    words = definition.split()
    return (
        2 <= len(words) <= MAX_WORDS
        and words.count("or") < 3
        and not re.search(
            r"[()\[\]]|\bused\b|\busually\b|^with respect to\b|\bor (?:characterized|marked) by\b",
            definition,
        )
    )


# suffixes that make an adjective, verb or adverb of its root, longest first
DERIVING = ("ishly", "fully", "ously", "lessly", "ably", "ibly", "ally", "able", "ible", "less",
            "ish", "ful", "ous", "ive", "ize", "ise", "al", "ic", "ly", "y")  # fmt: skip


def _gives_away(lemma: str, definition: str) -> bool:
    """Whether the definition holds the word's own stem ('in a wise manner' for 'wisely',
    'not developed' for 'undeveloped', 'covered with rust' for 'rusty')."""
    core = lexicon.word_root(lemma)
    # the whole word's first six letters, the prefix's letters with them: 'imperf' ('intervals'
    # is no giveaway of 'intermittent')
    stems = (core[: max(4, min(5, len(core) - 1))], lemma[: min(6, len(lemma) - 1)])
    # the word without a suffix that makes it of its root ('self' of 'selfish', 'foc' of
    # 'focal'): a meaning with the root in one of its words ('yourself', 'focus') gives it away
    root = next((core[: -len(s)] for s in DERIVING if core.endswith(s)), "")
    root = root if len(root) >= 3 else ""
    for w in re.findall(r"[a-z]+", definition.lower()):
        base = w[:-1] + "i" if w.endswith("y") else w  # 'gay' in 'gaily'
        if w.startswith(stems):  # 'imperfect' in the meaning of 'imperfectly'
            return True
        if root and (w.startswith(root) or (len(root) >= 4 and root in w)):
            return True
        if len(w) >= 3 and (core.startswith(w) or core.startswith(base)):
            return True
        if len(w) >= 5 and lemma.find(w[:5], 2) >= 2:
            return True  # 'relation' in the meaning of 'correlate', after its prefix
    return False


# meanings a school quiz does not offer even as a wrong option, beside the swear words,
# slurs and sexual terms of the better-profanity list
SENSITIVE = frozenset(
    "sexual sexually indecent erotic sin sinful iniquity drug drugs damn damned".split()
)


def build(folder: Path) -> str:
    """The table's text."""
    counts = _counts(folder)
    compounds = _compounds(folder)
    unsuitable = lexicon.unsuitable_words() | SENSITIVE
    zipf = _frequency()
    books = _book_words(folder)
    lines = [NOTICE.rstrip("\n")]
    for pos in FILES:
        synsets = _synsets(folder, pos)
        sense_words = _sense_words(folder, pos)
        synset_tags = _synset_tags(folder, pos, counts)
        alike = _overlapping(folder, pos, {w: o for (w, p), (_, _, o) in books.items() if p == pos})
        for lemma, offsets in _index(folder, pos):
            if not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", lemma) or len(lemma) < 4:
                continue
            if like_num(lemma):
                continue  # 'eighteenth': coming next after the seventeenth, no word to learn
            senses = counts.get((lemma, pos), {})
            total = sum(senses.values())
            if not TAGGED[0] <= total <= TAGGED[1] or senses.get(1, 0) < DOMINANT * total:
                continue
            if len(offsets) > MAX_SENSES:
                continue
            lexfile, definition, near = synsets[offsets[0]]
            dominant = max(1, synset_tags[offsets[0]])
            if any(synset_tags[o] >= COMMON_SENSE * dominant for o in offsets[1:]):
                continue  # 'modify': also in the synset of 'change', met far more often
            if lexfile == PERTAINYM_FILE and pos == "a":
                continue
            if not _plain(definition) or _gives_away(lemma, definition):
                continue
            if {lemma, *re.findall(r"[a-z]+", definition.lower())} & unsuitable:
                continue
            frequency = zipf(lemma)
            if frequency >= EVERYDAY_ZIPF:
                continue
            forms = {lemma, *lexicon.lemmas(lemma, "verb"), *re.findall(r"[a-z]+", lemma)}
            own, *others = [sorted(sense_words[o] - forms) for o in offsets]
            lines.append(
                f"{lemma}\t{pos}\t{total}\t{frequency:.2f}\t{offsets[0]}\t{definition}"
                f"\t{','.join(near)}"
                f"\t{','.join(sorted(compounds.get(lemma, ())) if pos == 'a' else '')}"
                f"\t{' '.join(own)}\t{'|'.join(' '.join(o) for o in others)}"
                f"\t{','.join(_said_alike(definition, alike, lemma))}"
            )
    return "\n".join(lines) + "\n"


def _book_words(folder: Path) -> dict[tuple[str, str], tuple[int, float, list[str]]]:
    """(lemma, part of speech) -> (times tagged, frequency, its senses' synsets) of the book
    words. No relational adjective ('seismic', 'nasal': of earthquakes, of the nose), whose
    meaning a student tells from its kind alone."""
    counts = _counts(folder)
    unsuitable = lexicon.unsuitable_words() | SENSITIVE
    zipf = _frequency()
    out = {}
    for pos in FILES:
        synsets = _synsets(folder, pos)
        for lemma, offsets in _index(folder, pos):
            if not re.fullmatch(r"[a-z]+", lemma) or len(lemma) < 4 or lemma in unsuitable:
                continue
            if pos == "a" and synsets[offsets[0]][0] == PERTAINYM_FILE:
                continue
            total = sum(counts.get((lemma, pos), {}).values())
            frequency = zipf(lemma)
            if total >= BOOK_LEAST_TAGGED and frequency < EVERYDAY_ZIPF:
                out[(lemma, pos)] = (total, frequency, offsets)
    return out


def build_words(folder: Path) -> str:
    """The book-word table's text: lemma, part of speech, times tagged, frequency, its senses'
    synsets."""
    lines = [WORDS_NOTICE.rstrip("\n")]
    for (lemma, pos), (total, frequency, offsets) in _book_words(folder).items():
        lines.append(f"{lemma}\t{pos}\t{total}\t{frequency:.2f}\t{','.join(offsets)}")
    return "\n".join(lines) + "\n"


def _compounds(folder: Path) -> dict[str, list[str]]:
    """first word -> the nouns it makes a compound noun with in WordNet ('elementary' ->
    school, particle): in one of these, an adjective has the compound's sense, not its own."""
    out: dict[str, list[str]] = defaultdict(list)
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        first, _, rest = line.split(" ", 1)[0].partition("_")
        if rest and re.fullmatch(r"[a-z]+", rest):
            out[first].append(rest)
    return out


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    OUT.write_text(build(source))
    WORDS_OUT.write_text(build_words(source))

"""The other item kinds, made from the same facts as the questions: true/false statements,
fill-in-the-blank sentences and matching pairs.

Statements are realized from simplified clauses (a resolved pronoun spelled out, asides and
participles left off), never copied from whole paragraphs; a false statement swaps one
element for a wrong option of its type, and is checked against every sentence of the passage.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quizgen.base.folding import fold_typography
from quizgen.items import quality
from quizgen.items.rules import Candidate
from quizgen.quiz.model import BLANK, Label
from quizgen.text import grammar
from quizgen.text.analysis import (
    Analysis,
    Cluster,
    entities,
    noun_chunks,
    quoted_segments,
    tense,
    text_of,
)
from quizgen.text.extract import (
    RELATIONAL_NOUNS,
    Clause,
    Quote,
    Role,
    joined,
    lonely_definite,
    pronoun_name,
)
from quizgen.text.lexicon import (
    NAME_TYPES,
    PERSONAL_PRONOUNS,
    TITLE_WORDS,
    abstract_noun,
    is_verb,
    noun_classes,
    unsuitable_words,
    year_of,
)

# words of rank that stand before a name as a title does: 'General _____', 'President _____'
RANKS = {"general", "president", "king", "queen", "prince", "princess", "captain", "senator"}
RANKS |= {
    "governor",
    "judge",
    "colonel",
    "major",
    "lieutenant",
    "sergeant",
    "father",
    "uncle",
    "aunt",
}

# 'you' or 'we' outside quotation marks speak to the reader; 'I' may be a story's narrator
ADDRESSED = frozenset("we us our ours ourselves you your yours yourself yourselves".split())
FIRST_SECOND_PERSON = ADDRESSED | frozenset("i me my mine myself".split())
MAX_STATEMENT_WORDS = 28


def statement(clause: Clause, without=None) -> str | None:
    """The clause as a plain sentence: 'In 1835, some Maori tribes declared independence.'

    ``without`` leaves one constituent out: 'Some Maori tribes declared independence.'
    """
    verb_words = [grammar.word(a) for a in clause.aux[:1]]
    if not clause.aux:  # 'Earth is not rigid': the copula goes before its 'not'
        verb_words.append(grammar.word(clause.verb) if clause.verb.lemma_ == "be" else "")
    if clause.negated:
        negation = "not" if clause.negation in {"n't", "n\u2019t"} else clause.negation
        if not clause.aux and clause.verb.lemma_ != "be" and negation != "never":
            return None  # 'he not painted': a negation whose auxiliary the parse lost
        verb_words.append(negation)  # 'Scrooge never painted out ...', not '... not painted'
    verb_words += [grammar.word(a) for a in clause.aux[1:]]
    verb_words += [a.text for a in clause.adverbs]
    if clause.aux or clause.verb.lemma_ != "be":
        verb_words.append(clause.verb.text)
    fronted = [p for p in clause.fronted if p.role != "clause" and p is not without]
    parts = [p for p in clause.parts if p is not without]
    if any(quality.empty_answer(p.text) for p in [*fronted, *parts]):
        return None  # 'What, the little man asked': a part that says nothing
    subject = clause.subject.text
    body = " ".join([subject, *verb_words, joined(parts, after=clause.verb)])
    if fronted:
        lead = ", ".join(grammar.lower_start(p.text, p.tokens[0]) for p in fronted)
        body = f"{lead}, {grammar.lower_start(body, clause.subject.tokens[0])}"
    text = grammar.tidy(body).rstrip("?") + "."
    if not _fit(text):
        return None
    return text


def _fit(text: str) -> bool:
    """Short enough, balanced, and standing on its own outside any quotation."""
    ws = quality.words(text)
    outside = quality.words(quality.outside_quotes(text))
    return (
        5 <= len(ws) <= MAX_STATEMENT_WORDS
        and not FIRST_SECOND_PERSON & set(outside)
        and quality.balanced(text)
        and not quality.vague_pronoun(text)
    )


def quote_statement(quote: Quote, name: str) -> str | None:
    """'Holmes said, “Try the settee.”'"""
    end = quote.end or "."
    name = name[0].upper() + name[1:] if name else name  # 'The Whale said, …'
    text = f"{name} said, \u201c{quote.words}{end}\u201d"
    return text if _fit(text) else None


def _replace_once(text: str, old: str, new: str) -> str | None:
    """Replace the one occurrence of a phrase (on word boundaries); None if not exactly one."""
    pattern = re.compile(r"(?<![\w])" + re.escape(old) + r"(?![\w])")
    found = pattern.findall(text)
    if not found and old[:1].islower() and text.startswith(old[:1].upper() + old[1:]):
        # 'the queen' standing first in the sentence as 'The queen'
        return new[:1].upper() + new[1:] + text[len(old) :]
    if len(found) != 1:
        return None
    return pattern.sub(lambda _: new, text, count=1)


@dataclass(slots=True)
class Statement:
    """A true/false candidate."""

    text: str
    true: bool
    source: Candidate  # the question candidate whose fact it states


def true_statement(candidate: Candidate) -> Statement | None:
    """The fact behind a question, stated plainly."""
    clause = candidate.clause
    if isinstance(clause, Quote):
        text = quote_statement(clause, candidate.answer)
        return Statement(text, True, candidate) if text else None
    if not isinstance(clause, Clause) or clause.source == "reported":
        return None
    text = statement(clause)
    if text is None or not quality.contains_phrase(text, candidate.answer):
        return None
    return Statement(text, True, candidate)


SWAPPABLE = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "NUMBER"}


def false_statement(candidate: Candidate, wrong: str, analysis: Analysis) -> Statement | None:
    """The fact with its key swapped for a wrong option; None unless it is surely false.

    Only numbers and dates are swapped: another name or common noun may well be true too."""
    if candidate.answer_label not in SWAPPABLE:
        # a name swapped in may belong there too, or be nonsense ('The Best R&B Song ventured
        # into acting'); a number or a date of the same unit is decidably wrong
        return None
    true = true_statement(candidate)
    if true is None:
        return None
    text = _replace_once(true.text, candidate.answer, wrong)
    if text is None:
        return None
    text = text[0].upper() + text[1:]
    if not surely_false(text, wrong, candidate, analysis):
        return None
    return Statement(text, False, candidate)


def surely_false(text: str, wrong: str, candidate: Candidate, analysis: Analysis) -> bool:
    """The statement is in no sentence, and its wrong element never stands in a sentence with
    the fact's verb (so the passage does not also say it)."""
    verb = (
        candidate.clause.verb.lemma_.lower()
        if isinstance(candidate.clause, (Clause, Quote))
        else ""
    )
    statement = fold_typography(text).rstrip(".")
    wrong_normed = fold_typography(wrong)
    # a sentence that says it, or says the wrong element did it, has the fact's verb in it
    for sentence, normed in analysis.sentences_with_verb(verb):
        if statement in normed:
            return False
        if wrong_normed in normed and quality.contains_phrase(sentence, wrong):
            return False
    return True


def _entity_start(t: Token) -> int:
    """The index of the first token of the entity a token is in."""
    while t.ent_iob_ == "I" and t.i > 0:
        t = t.doc[t.i - 1]
    return t.i


def _amount(t: Token) -> bool:
    """A measured amount or a figure in digits ('80 kilometres', '$879 million', '704'), not
    a number word ('the one holiday', 'hundreds') nor a number of a name ('Apollo 11')."""
    if t.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"}:
        return True
    return (
        t.ent_type_ == "CARDINAL"
        and any(c.isdigit() for c in t.text)
        and not (t.head.pos_ == "PROPN" and t.head.i < t.i)
    )


UNSAFE_TO_NEGATE = {
    "all",
    "every",
    "each",
    "some",
    "any",
    "never",
    "no",
    "only",
    "always",
    "both",
    "either",
    "neither",
    "nobody",
    "nothing",
    "few",
    "many",
    "most",
    "several",
    # when or how often: 'did not first offer degrees in 1854' (did it offer them later?)
    "first",
    "again",
    "already",
    "later",
    "soon",
    "once",
    "finally",
    "eventually",
    # a degree: 'is not slightly larger than Japan' may mean 'much larger'
    "slightly",
    "somewhat",
    "roughly",
    "approximately",
    "about",
    "nearly",
    "almost",
    "just",
    "barely",
    "mostly",
    "largely",
    "partly",
    "very",
    # an emphasis: 'at last a Wolf really did come' -> 'did not really come' says 'hardly'
    "really",
    "actually",
    "indeed",
    "truly",
    "certainly",
    "surely",
    # a negation already there: negating again makes a double negative ('is not of an
    # infection that is not easily treated')
    "not",
    "n't",
    "n\u2019t",
    "nor",
    "none",
    "without",
    "hardly",
    "scarcely",
    "cannot",
}


# 'day after day', 'one by one', 'year upon year': an action told again and again, whose
# negation is neither 'never' nor 'not every time'
REPEATED_ACTION = re.compile(r"\b(\w+) (?:after|by|upon) \1\b")


def negative_statement(clause: Clause) -> str | None:
    """A plain fact made negative, and so false: 'The queen jumped for joy.' -> 'The queen did
    not jump for joy.' Only where that is safe: an affirmative main clause without quantifiers."""
    if not isinstance(clause, Clause) or clause.negated or clause.source not in {"main", "conj"}:
        return None
    own = [
        *clause.subject.tokens,
        *clause.adverbs,
        *(t for p in [*clause.fronted, *clause.parts] for t in p.tokens),
    ]
    if any(t.lower_ in UNSAFE_TO_NEGATE for t in own):
        return None
    if len({_entity_start(t) for t in own if _amount(t)}) > 1:
        return None  # 'was not 80 kilometres west of Chengdu, with a focal depth of 19 km':
        # which of the two does the 'not' deny?
    if any(p.role == "adverb" and p.head.pos_ == "ADV" for p in clause.fronted):
        return None  # 'Suddenly, Uncle Henry did not stand up': the manner denied, or the act?
    if REPEATED_ACTION.search(" ".join(t.lower_ for t in own)):
        return None  # 'Day after day, Pip did not search': not every day, or never?
    if any(t.dep_ in {"conj", "cc"} for t in clause.subject.tokens):
        return None  # 'The Absaroka and Beartooth does not range': agreement and scope at risk
    if any(t.dep_ == "cc" for t in own):
        # 'Bond does not find Swann and the two escape', 'is not a singer and a former
        # member': does the 'not' deny one of them or both?
        return None
    from dataclasses import replace

    if clause.aux or clause.verb.lemma_ == "be":
        return _short_enough(statement(replace(clause, negated=True)))
    if clause.verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    aux, verb = grammar.question_order(clause.verb, [], clause.adverbs, negated=True)
    text = statement(clause)
    if text is None:
        return None
    pattern = re.compile(r"(?<![\w])" + re.escape(clause.verb.text) + r"(?![\w])")
    if len(pattern.findall(text)) != 1:
        return None
    adverbs = " ".join(a.text for a in clause.adverbs)
    if adverbs:
        text = text.replace(adverbs + " ", "", 1)
    return _short_enough(pattern.sub(lambda _: f"{aux} {verb}", text, count=1))


def remark(fact, analysis: Analysis) -> bool:
    """A clause in the present tense, naming no one, in a passage told in the past: the
    teller's moral or comment ('Necessity is the mother of invention', 'Slow and steady wins
    the race'), which a true/false item would turn into a matter of opinion."""
    if not isinstance(fact, Clause) or not analysis.narrative():
        return False
    verb = fact.verb
    if tense(verb) != "present" or any(
        q.start <= verb.i < q.end for q in quoted_segments(verb.doc)
    ):
        return False  # what a character says in the present is the story's own
    phrases = [fact.subject, *fact.parts]
    return not any(p.cluster is not None or p.head.pos_ == "PROPN" for p in phrases)


# verbs of a case someone makes: what follows them may go on making it
ARGUING_VERBS = {
    "argue",
    "claim",
    "believe",
    "suggest",
    "propose",
    "hypothesize",
    "hypothesise",
    "theorize",
    "theorise",
    "contend",
    "assert",
    "maintain",
    "reason",
    "insist",
    "speculate",
}


def continues_argument(fact) -> bool:
    """'Needham argued that boiling killed the microbes. Any later sealing of the flasks kept
    new life force out …': the sentence after one that reports an argument may go on with it,
    unattributed; as a true/false statement it would assert the arguer's claim as fact."""
    if not isinstance(fact, Clause):
        return False
    sentence = fact.sentence
    if sentence.start == 0:
        return False
    before = sentence.doc[sentence.start - 1].sent
    return any(
        t.lemma_.lower() in ARGUING_VERBS and any(c.dep_ == "ccomp" for c in t.children)
        for t in before
    )


def lonely(fact, analysis: Analysis) -> bool:
    """Whether a clause holds a bare definite noun the passage says just once (see
    :func:`quizgen.text.extract.lonely_definite`)."""
    if not isinstance(fact, Clause):
        return False
    phrases = [fact.subject, *fact.fronted, *fact.parts]
    return any(lonely_definite(list(p.tokens), analysis) for p in phrases)


NEGATED_MOST_WORDS = 18  # in a longer sentence it is unclear what a 'not' denies


def _short_enough(text: str | None) -> str | None:
    """A negated statement short enough that its 'not' denies one clear thing ('can not'
    written as one word)."""
    if text is None or len(text.split()) > NEGATED_MOST_WORDS:
        return None
    return re.sub(r"\b([Cc])an not\b", r"\1annot", text)


def negated_statement(clause: Clause) -> str | None:
    """A negated fact made positive: 'Earth is not a point.' -> 'Earth is a point.' (false)."""
    if not isinstance(clause, Clause) or not clause.negated or clause.source == "reported":
        return None
    text = statement(clause)
    if text is None:
        return None
    positive = re.sub(r"\s+not\b", "", text, count=1)
    if positive == text or re.search(r"\b(did|does|do)\b", positive):
        return None  # 'did appear' would need the verb re-inflected
    return positive


@dataclass(slots=True)
class Blank:
    """A fill-in-the-blank candidate."""

    prompt: str
    answer: str
    source: Candidate
    rule: str


def blank_key(candidate: Candidate, title: str = "") -> Blank | None:
    """The fact stated with its key blanked out: 'Chopin died in _____ in 1849.'

    Only a name, number or date is blanked: a common noun phrase has synonyms that fit as well
    ('the fence lines' for 'the virtual fence boundaries')."""
    if not candidate.answer_label or candidate.answer_label in {"CAUSE", "PURPOSE", "NP"}:
        return None
    if key_faults(candidate.answer, title, candidate.answer_label):
        return None
    tokens = candidate.answer_tokens
    if tokens:
        doc = tokens[0].doc
        if _in_title(doc[tokens[0].i : tokens[-1].i + 1], tokens[0].sent):
            return None  # 'The _____ Mice': a word of a title, guessed from the rest
    true = true_statement(candidate)
    if true is None or "__" in true.text:
        return None
    evidence = text_of(candidate.sentence)
    if statement_faults(true.text, evidence, true=True):
        return None
    prompt = _replace_once(true.text, candidate.answer, BLANK)
    if prompt is None or prompt.startswith(BLANK):
        return None
    return Blank(prompt, candidate.answer, candidate, f"blank-{candidate.template.id}")


DATED = re.compile(
    r"\b(1\d{3}|20\d{2})s?\b|\b(January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\b\.?"
)


@dataclass(slots=True)
class Pairs:
    """A matching candidate: pairs of (left, right) with the facts that prove them."""

    prompt: str
    pairs: list[tuple[str, str]]
    evidence: list[Candidate | Role]
    rule: str


def role_pairs(roles: list[Role]) -> Iterator[tuple[str, str, Role]]:
    """Person and role, one pair per person (the first role the passage gives)."""
    seen: set[int] = set()
    for role in roles:
        if role.person.id in seen:
            continue
        name = next((n for n in role.person.names if n in role.sentence.text), None)
        if name is None:
            continue
        seen.add(role.person.id)
        yield name, role.role, role


MIN_PAIRS, MAX_PAIRS = 4, 6
# 'A synonym is a word or phrase that has a similar meaning': a class noun and what sets it apart
DEFINING = re.compile(
    r"^(?:(?:a|an)\s+)?(?:[\w\-]+\s+){0,3}?[\w\-]+\s+"
    r"(?:that|which|who|whose|in which|of|for|with|used)\b",
    re.I,
)


def term_pairs(clauses) -> Iterator[tuple[str, str, Clause]]:
    """Term and definition from 'X is a Y that …' sentences: ('synonym', 'a word or phrase that
    has a similar meaning to the unknown word')."""
    for clause in clauses:
        if (
            not isinstance(clause, Clause)
            or clause.verb.lemma_ != "be"
            or clause.negated
            or clause.aux
            or clause.fronted
            or clause.source not in {"main", "conj"}
        ):
            continue
        subject = clause.subject
        if subject.head.pos_ not in {"NOUN", "PROPN"} or not 1 <= len(subject) <= 4:
            continue
        if subject.text != text_of(subject.head.doc[subject.start : subject.end]):
            continue  # a resolved pronoun: not the passage's own term
        attr = [p for p in clause.parts if p.role == "attr"]
        if len(attr) != 1 or len(clause.parts) != 1 or not DEFINING.match(attr[0].text):
            continue
        definition = attr[0].text.rstrip(".,;")
        if not 4 <= len(definition.split()) <= 16 or not quality.balanced(definition):
            continue
        term = re.sub(r"^(?:the|a|an)\s+", "", subject.text, flags=re.I)
        first = subject.tokens[0] if subject.tokens[0].lower_ not in {"the", "a", "an"} else None
        if first is not None and first.is_sent_start and first.pos_ != "PROPN":
            term = term[:1].lower() + term[1:]  # 'Negative feedback' first in its sentence
        if quality.contains_phrase(definition, term):
            continue
        yield term, definition, clause


def date_pairs(candidates: list[Candidate]) -> Iterator[tuple[str, str, Candidate]]:
    """A date and the event it dates, the date left out of the event."""
    for c in candidates:
        if c.template.id != "when-time" or not isinstance(c.clause, Clause):
            continue
        if not DATED.search(c.answer):
            continue  # 'the past century', '11:43': not a date to match an event to
        removed = next(
            (
                p
                for p in [*c.clause.parts, *c.clause.fronted]
                if p.start <= c.answer_tokens[0].i < p.end
            ),
            None,
        )
        event = statement(c.clause, without=removed)
        if event is None or quality.contains_phrase(event, c.answer):
            continue
        if statement_faults(event, text_of(c.sentence), true=True):
            continue
        event = event.rstrip(".")
        if 3 <= len(event.split()) <= 16:
            yield c.answer, event, c


RELATIONS = (
    ("matching-person-role", "Match each person with the role the passage gives them."),
    ("matching-term-definition", "Match each term with its meaning in the passage."),
    ("matching-date-event", "Match each date with what the passage says happened then."),
)


def matching(roles: list[Role], candidates: list[Candidate], clauses=()) -> Pairs | None:
    """A matching item from the relation the passage offers most of, 4 to 6 pairs: people
    with their roles, terms with their definitions, dates with the events they date."""
    rows = {
        "matching-person-role": list(role_pairs(roles)),
        "matching-term-definition": list(term_pairs(clauses)),
        "matching-date-event": _apart(list(date_pairs(candidates))),
    }
    best = None
    for rule, prompt in RELATIONS:
        chosen = _distinct(rows[rule])[:MAX_PAIRS]
        if len(chosen) >= MIN_PAIRS and (best is None or len(chosen) > len(best[2])):
            best = (rule, prompt, chosen)
    if best is None:
        return None
    rule, prompt, chosen = best
    return Pairs(prompt, [(a, b) for a, b, _ in chosen], [e for _, _, e in chosen], rule)


def _years(text: str) -> tuple[int, int] | None:
    """The years a date spans: 'the 1990s' (1990, 1999), 'mid-2015' and 'July 15, 2015'
    (2015, 2015); None without a year."""
    year = year_of(text)
    if year is None:
        return None
    decade = year % 10 == 0 and re.search(rf"\b{year}s\b", text)
    return (year, year + 9) if decade else (year, year)


def _apart(rows: list[tuple]) -> list[tuple]:
    """Dates to match that no two of them could both fit one event: 'mid-2015' beside 'July
    15, 2015', 'the 1990s' beside '1992' (each a fair answer to the other's event)."""
    kept: list[tuple] = []
    spans: list[tuple[int, int]] = []
    for row in rows:
        span = _years(row[0])
        if span is not None and any(span[0] <= b and a <= span[1] for a, b in spans):
            continue
        if span is not None:
            spans.append(span)
        kept.append(row)
    return kept


def _distinct(rows: list[tuple]) -> list[tuple]:
    lefts, rights, out = set(), set(), []
    for row in rows:
        left, right = fold_typography(row[0]), fold_typography(row[1])
        if left in lefts or right in rights or quality.contains_phrase(row[1], row[0]):
            continue
        lefts.add(left)
        rights.add(right)
        out.append(row)
    return out


@dataclass(slots=True)
class SentenceBlank:
    """A fill-in-the-blank candidate cut from a sentence of the passage as it stands."""

    prompt: str
    answer: str
    paragraph: int
    sentence: Span
    label: Label  # NAME, NUMBER, TERM or VERB
    cluster: Cluster | None
    fact: tuple
    score: float
    entity: str = ""  # the tagger's label of a blanked number or date ('DATE', 'CARDINAL')
    key_start: int = 0  # the blanked words' first token in the paragraph's Doc

    @property
    def rule(self) -> str:
        """The id recorded on the item."""
        return f"blank-{self.label.lower()}"

    @property
    def ref(self) -> tuple:
        """(paragraph, sentence start, fact, answer), as the selection's ledger keeps it."""
        return self.paragraph, self.sentence.start, self.fact, fold_typography(self.answer)


CURRENCY_SIGNS = {"$", "\u00a3", "\u20ac", "\u00a5"}
BLANK_WEIGHTS = {Label.NAME: 0.8, Label.NUMBER: 0.75, Label.TERM: 0.7}
MAX_BLANK_SENTENCE_WORDS = 32


QUOTE_MARKS = set("\u201c\u2018\u201d\u2019\"'")


def _quotes_balanced(sentence: Span) -> bool:
    """Every quotation that opens in the sentence closes in it, and none closes unopened."""
    if not QUOTE_MARKS & set(text_of(sentence)):
        return True
    depth = 0
    for t in sentence:
        if t.text in {"\u201c", "\u2018"} or (t.text in {'"', "'"} and depth == 0 and t.is_quote):
            depth += 1
        elif t.text in {"\u201d", '"'} or (t.text in {"\u2019", "'"} and depth > 0):
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _blankable(sentence: Span, *, spoken: bool = False, text: str | None = None) -> bool:
    """A sentence that reads on its own: no pronoun without its name, no unclosed quotation,
    not a line of verse (``text``: the sentence with its he's and she's named)."""
    text = (text_of(sentence) if text is None else text).strip()
    if "\n" in text or "__" in text:
        return False  # verse, or a sentence with blanks of its own
    if sentence.start > 0 and not _ends_a_sentence(sentence.doc[sentence.start - 1]):
        return False  # '… in 2001: | A Space Odyssey and …': the parse cut a sentence in two
    ws = quality.words(text)
    outside = quality.words(quality.outside_quotes(text))
    if not 6 <= len(ws) <= MAX_BLANK_SENTENCE_WORDS or not _quotes_balanced(sentence):
        return False
    if sentence.root.pos_ not in {"VERB", "AUX"}:
        return False  # 'The depth of respiration increases, and …' read as a noun phrase
    if any(q.start < sentence.start < q.end for q in quoted_segments(sentence.doc)):
        return False  # 'My _____ is a regular horn of plenty': speech whose quotation mark and
        # speaker stand in a sentence before
    # a story's narrator may say 'I'; a 'you' or 'we' outside quotation marks means the reader,
    # but in a speech it is the speaker and the audience, whose words a blank sentence quotes
    return not (
        (ADDRESSED & set(outside) and not spoken)
        or quality.text_reference(text)
        or quality.vague_pronoun(text)
        or quality.context_bound(quality.outside_quotes(text))
        or not quality.balanced(text)
    )


RENAMED = PERSONAL_PRONOUNS - {"himself", "herself"}  # a reflexive goes with its named subject


def _named_pronouns(sentence: Span, analysis: Analysis, paragraph: int) -> list | None:
    """(start, end, name) in the doc's characters for the he, she, him, her or his outside
    quotation marks that comes before anyone is named in the sentence, its person safely known
    ('She lit another match' -> 'The little girl lit another match'); the pronouns after a name
    stay, as bound as the passage has them. None where that pronoun's person is not safely
    known, or is named later in the sentence ('When she woke, Gretel cried')."""
    quoted = {t.i for seg in quoted_segments(sentence.doc) for t in seg}
    for t in sentence:
        if t.i in quoted:
            continue
        if t.pos_ == "PROPN" or t.ent_type_ == "PERSON":
            return []  # named first: what follows reads as the passage has it
        if t.lower_ not in RENAMED or t.pos_ != "PRON":
            continue
        name = pronoun_name(analysis, paragraph, t)
        if name is None or quality.contains_phrase(text_of(sentence), name):
            return None
        if t.i == sentence.start or sentence.doc[t.i - 1].is_quote:
            name = name[0].upper() + name[1:]
        if t.tag_ == "PRP$" or t.lower_ == "hers":
            name += "\u2019s"
        return [(t.idx, t.idx + len(t.text), name)]
    return []


def _substituted(text: str, offset: int, subs) -> str:
    """``text`` (starting at ``offset`` in its doc) with each (start, end, new) put in."""
    for start, end, new in sorted(subs, reverse=True):
        text = text[: start - offset] + new + text[end - offset :]
    return text


def _ends_a_sentence(token: Token) -> bool:
    """Whether a token can end the sentence before another: an end mark, or a closing
    quotation mark or bracket (after one, perhaps)."""
    return token.text[-1:] in {".", "!", "?", "\u201d", '"', "\u2019", "'", ")", "]"}


def _points_back(sentence: Span, analysis: Analysis) -> bool:
    """'In the same judgement the court ...', 'The other ...': a sentence whose words point
    back into text the student does not see (the clauses' own test, extract.anaphoric); or
    whose subject is a definite noun standing for one a sentence before brought in ('The
    platform offers …' after 'Apple's iOS', 'the day marks …'): what the sentence is about,
    the student cannot tell. (A story's 'the door' elsewhere in the sentence is the scene's.)"""
    from quizgen.text.extract import anaphoric, points_back

    if anaphoric(list(sentence), analysis, definite=False):
        return True
    ids = {t.i for t in sentence}
    return any(
        (t.dep_ in grammar.NOMINAL_SUBJECT_DEPS and t.head == sentence.root or t.tag_ == "NNS")
        and points_back(t, ids, analysis)
        for t in sentence
    )


def _number_span(ent: Span) -> tuple[int, int] | None:
    """The words of a date or number worth blanking: '1835', 'October 1810', 'twenty-one'."""
    if len(ent) <= 3 and all(t.like_num or t.is_title or t.text in {",", "."} for t in ent):
        return ent.start, ent.end
    numbers = [t.i for t in ent if t.like_num]
    if numbers and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return numbers[0], numbers[-1] + 1
    return None


def _spans(sentence: Span, analysis: Analysis, paragraph: int, terms: set[str]):
    """Meaningful spans to blank: names, numbers and dates, key terms, as (start, end, label,
    the name's cluster or the number's entity or None)."""
    for ent in entities(sentence):
        if ent.root.pos_ == "ADJ":
            continue  # 'an American contractor': blanking the adjective tests little
        if ent.label_ in NAME_TYPES | {"PERSON"} and analysis.cluster_of(paragraph, ent.root):
            yield ent.start, ent.end, Label.NAME, analysis.cluster_of(paragraph, ent.root)
        elif ent.label_ in {"CARDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY"}:
            span = _number_span(ent)
            if span is not None:
                yield *span, Label.NUMBER, ent
    for chunk in noun_chunks(sentence):
        root = chunk.root
        if root.pos_ == "NOUN" and root.lemma_.lower() in terms and not root.ent_type_:
            start = min(
                (t.i for t in chunk if t.dep_ in {"compound", "amod"} and t.i < root.i),
                default=root.i,
            )
            if _clause_read_as_noun(root):
                continue
            if analysis.mentions(sentence.doc[start : root.i + 1].text) < MIN_TERM_MENTIONS:
                # 'the full moon', 'more blood': the adjective stays beside the blank, which
                # asks for the noun ('moon' is as right as 'full moon'); 'negative feedback',
                # said again and again, is a term and is blanked whole
                start = root.i
                while start > chunk.start and sentence.doc[start - 1].dep_ == "compound":
                    start -= 1
            yield start, root.i + 1, Label.TERM, None
    # no verb: 'took', 'kept', 'uses' — any verb of the sentence's sense fits its blank


def _clause_read_as_noun(root: Token) -> bool:
    """'The depth of respiration increases, and …': a noun and a verb the parser read as one
    compound noun ('respiration increases') before a comma; blanked, it takes the verb."""
    nxt = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    return (
        root.tag_ == "NNS"
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in root.children)
        and is_verb(root.lemma_.lower())
        and (nxt is None or nxt.is_punct or nxt.lower_ in {"and", "but", "or"})
    )


MIN_TERM_MENTIONS = 2  # a phrase said this often in the passage is one of its terms


def _echoed(span: Span) -> bool:
    """The key's noun, or a word made from it, stands elsewhere in its sentence: 'I heard a
    slight _____, and I knew it was the groan of mortal terror', 'the very boy, of all
    _____', 'a game played in _____, called, in Uzbek, Kopkari'."""
    root = span.root
    if root.pos_ not in {"NOUN", "PROPN"}:
        return False
    lemma = root.lemma_.lower()
    keys = [t.lower_ for t in span if t.is_alpha and len(t) >= MIN_STEM]
    for t in span.sent:
        if span.start <= t.i < span.end:
            continue
        if t.lemma_.lower() == lemma:
            return True
        if t.is_alpha and len(t) >= MIN_STEM and any(_same_stem(t.lower_, k) for k in keys):
            return True
    return False


MIN_STEM = 5


def _same_stem(a: str, b: str) -> bool:
    """'uzbek' and 'uzbekistan', 'america' and 'americans': one begins with most of the
    other."""
    short, long = sorted((a, b), key=len)
    n = 0
    while n < len(short) and short[n] == long[n]:
        n += 1
    return n >= MIN_STEM and n >= 0.8 * len(short)


def _titled(span: Span, heading: str) -> bool:
    """A common noun the heading above names ('the Hare' under 'The Hare and the Tortoise'):
    the student reads the answer in the title. A place or a name in a heading ('Australia -
    Oceania') is no such clue."""
    nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"} and noun_classes(t.lemma_)]
    return bool(nouns) and all(
        quality.contains_phrase(heading, t.lemma_) or quality.contains_phrase(heading, t.text)
        for t in nouns
    )


def _listed_after(span: Span) -> bool:
    """A number the sentence goes on to list the things of, after a colon."""
    rest = span.doc[span.end : span.sent.end].text
    if ":" not in rest:
        return False
    listed = rest.split(":", 1)[1]
    return listed.count(",") >= 1 or " and " in listed


# nouns that measure or part out the noun after their 'of' ('a piece of meat', 'a lot of
# work', 'a kind of bird'): the phrase, not the passage, gives them
PARTITIVE_NOUNS = {
    "piece",
    "bit",
    "lot",
    "lots",
    "kind",
    "sort",
    "type",
    "part",
    "number",
    "amount",
    "deal",
    "couple",
    "pair",
    "variety",
    "range",
    "series",
    "set",
    "majority",
    "rest",
    "half",
    "bunch",
    "handful",
    "cup",
    "slice",
}


def _partitive(root: Token) -> bool:
    """'a _____ of meat': a measure or part noun before its 'of'."""
    return root.lemma_.lower() in PARTITIVE_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children
    )


# nouns that a preposition before them makes a fixed phrase of ('in terms of', 'in absolute
# terms', 'on the whole', 'in spite of', 'by way of'): any speaker fills them in
IDIOM_NOUNS = frozenset(
    "term respect regard order addition case fact general particular spite way whole "
    "behalf favour favor account sake charge effect turn view light means part place "
    "relation proportion contrast comparison response accordance advance lieu conjunction "
    "time".split()  # 'once upon a _____', 'at the same _____', 'for a long _____'
)


def _fixed_phrase(root: Token) -> bool:
    """'in absolute _____', 'in _____ of': the noun of a fixed prepositional phrase."""
    return root.lemma_.lower() in IDIOM_NOUNS and root.dep_ == "pobj"


LIGHT_VERBS = {"take", "make", "have", "give", "get", "pay", "do"}
LIGHT_NOUNS = {"seat", "place", "breath", "nap", "bath", "shower", "photo", "picture"}


def _light_object(span: Span) -> bool:
    """'take a _____ at the home': the noun of a fixed verb phrase ('take a look', 'make a
    decision', 'pay attention') is filled by any speaker without reading."""
    root = span.root
    if root.dep_ != "dobj" or root.head.lemma_.lower() not in LIGHT_VERBS:
        return False
    if not (abstract_noun(root.lemma_.lower()) or root.lemma_.lower() in LIGHT_NOUNS):
        return False  # 'took the bread under her apron': a thing taken, no fixed phrase
    return all(c.dep_ in {"det", "prep"} for c in root.children)


def _drop_connective(prompt: str, linked: re.Match | None) -> str:
    """'Meanwhile, _____ is taken to …' -> '_____ is taken to …': a link to the sentence
    before, which the item does not show, goes with its comma, and a leading 'And' or 'But'
    goes too. Any other stays ('Then came …' would lose its sense)."""
    if linked is not None and re.match(r"\W*(?:and|but)\s", linked.group(0), re.I):
        pass  # 'And in _____, the day marks …': a leading 'and' or 'but' goes without a comma
    elif linked is None or not linked.group(0).rstrip().endswith(","):
        return prompt
    lead = re.match(r"\W*", prompt)
    marks = lead.group(0) if lead else ""  # an opening quotation mark stays: '“But, my dear'
    rest = prompt[linked.end() :]
    return marks + (rest[:1].upper() + rest[1:] if rest[:1].isalpha() else rest)


def key_terms(analysis: Analysis) -> set[str]:
    """Nouns the passage keeps coming back to: the topic's vocabulary (found once per
    analysis: blanks and the word bank both ask)."""
    if not analysis.docs:
        return set()
    cache = analysis.docs[0].user_data
    if "quizgen.key_terms" not in cache:
        counts = Counter(
            t.lemma_.lower()
            for doc in analysis.docs
            for t in doc
            if t.pos_ == "NOUN" and not t.ent_type_ and len(t) > 3
        )
        cache["quizgen.key_terms"] = frozenset(lemma for lemma, n in counts.items() if n >= 3)
    return set(cache["quizgen.key_terms"])


def sentence_blanks(
    analysis: Analysis, paragraphs: tuple[str, ...], title: str = ""
) -> Iterator[SentenceBlank]:
    """Fill-in-the-blank candidates from every sentence that stands on its own."""
    from quizgen.read.reader import is_heading

    terms = key_terms(analysis)
    title = topic_text(analysis, title)
    section = ""  # the heading the sentence stands under
    spoken = analysis.speech()
    for n, doc in enumerate(analysis.docs):
        if is_heading(paragraphs[n]):
            section = paragraphs[n]
            continue
        whole = text_of(doc)
        for sentence in doc.sents:
            if _points_back(sentence, analysis):
                continue
            named: list = []
            if not _blankable(sentence, spoken=spoken):
                named = _named_pronouns(sentence, analysis, n) or []
                if not named or not _blankable(
                    sentence,
                    spoken=spoken,
                    text=_substituted(text_of(sentence), sentence.start_char, named),
                ):
                    continue
            offset = sentence.start_char
            text = text_of(sentence).strip()
            cleaned = clean_blank_sentence(text)
            if cleaned is None:
                continue
            cut = text.index(cleaned)  # what a bullet or a leading stop took off the front
            best = None
            linked = CONNECTIVE.match(cleaned)
            for start, end, label, found in _spans(sentence, analysis, n, terms):
                cluster = found if isinstance(found, Cluster) else None
                entity = found.label_ if isinstance(found, Span) else ""
                if end - start > 1 and doc[end - 1].lower_ in POSSESSIVE:
                    end -= 1  # 'New York City's higher education': the name without its 's
                span = doc[start:end]
                answer = span.text
                if linked and span.start_char - offset - cut < linked.end():
                    continue  # 'In _____, supporters speculated': a fixed phrase, not content
                before = whole[span.start_char - 1 : span.start_char] if span.start_char else " "
                after = whole[span.end_char : span.end_char + 1] or " "
                if before.isalnum() or after.isalnum() or "-" in (before, after):
                    continue  # '_____-backed': a blank glued to a word gives it away
                if before in CURRENCY_SIGNS:
                    continue  # 'worth $_____': the sign glued to the blank
                if span.start_char - offset < cut or key_faults(answer, title, label):
                    continue
                if label == "NAME" and _named_beside(span):
                    continue  # '_____, D.C.': the rest of the name gives the blank away
                if label == "NAME" and _acronym_modifier(span):
                    continue  # '28 _____ member states': 'EU' is known without reading
                if _in_title(span, sentence) or (label == Label.NUMBER and _names_after(span)):
                    continue  # 'The _____ Mice': a word of a title, guessed from the rest
                if _echoed(span) or _light_object(span):
                    continue
                if label == Label.NUMBER and _listed_after(span):
                    continue  # '_____ versions: the Shuffle, the Nano and the Touch': count them
                if label == Label.TERM and span.root.lemma_.lower() in RELATIONAL_NOUNS:
                    continue  # 'The _____ is defined as …' -> 'word': the sentence's filler
                if label == Label.TERM and _partitive(span.root):
                    continue  # 'a _____ of meat': 'piece' is the phrase, not the passage
                if label == Label.TERM and _fixed_phrase(span.root):
                    continue  # 'in absolute _____': 'terms' completes the idiom, not the text
                if section and _titled(span, section):
                    continue  # 'The Hare and the Tortoise' above the fable names its animals
                if any(a < span.end_char and span.start_char < b for a, b, _ in named):
                    continue
                prompt = _substituted(
                    text[: cut + len(cleaned)],
                    offset,
                    [
                        *(s for s in named if offset + cut <= s[0] < offset + cut + len(cleaned)),
                        (span.start_char, span.end_char, BLANK),
                    ],
                )[cut:]
                prompt = _drop_connective(prompt, linked)
                if quality.contains_phrase(
                    prompt.replace(BLANK, " "), answer
                ) or quality.vague_pronoun(prompt):
                    continue
                if not prompt.rstrip().endswith((".", "!", "?", "\u201d", '"', ")")):
                    continue
                if REMNANT.match(prompt) and "," not in prompt:
                    continue  # 'When Aunt Em came there to live she was a _____.'
                salience = cluster.salience if cluster else 1
                blank = SentenceBlank(
                    prompt,
                    answer,
                    n,
                    sentence,
                    label,
                    cluster,
                    (n, sentence.start, start),
                    BLANK_WEIGHTS[label] + 0.02 * min(salience, 10),
                    entity,
                    start,
                )
                if best is None or blank.score > best.score:
                    best = blank  # one blank a sentence: its most telling span
            if best is not None:
                yield best


# --- what a statement or a blank sentence must be, checked on its text ---------------------------

WH = r"(?:who|whom|whose|what|which|where|when|why|how|whether)"
# 'From which, a ladder led down', 'Where, the cows…', 'Exactly what, a superbug is.': a clause's
# remains after its antecedent was cut away, not a statement
REMNANT = re.compile(
    rf"^\W*(?:(?:in|from|of|across|to|by|with|at|on|for|during|through|under|into|upon|after|"
    rf"before|exactly)\s+)?{WH}\b|,\s*(?:\w+\s+)?(?:which|whom|whose),",
    re.I,
)
# 'Atop, the Main Building's gold dome…', 'During, the Middle Ages…': a lone word cut off by a comma
LONE_LEAD = re.compile(
    r"^\W*(?:atop|during|in|from|of|to|by|with|at|on|for|before|after|since|as|while|though|"
    r"although|because|unless|until|if|than|whenever|wherever|whereas|once|when|where|"
    r"whether|so that)\s*,\s",
    re.I,
)
# 'In addition, …', 'However, …': a link to a sentence the reader of one item does not see
CONNECTIVE = re.compile(
    r"^\W*(?:in addition|in turn|however|also|rather|instead|thus|therefore|moreover|"
    r"furthermore|still|yet|so|then|besides|meanwhile|consequently|nevertheless|nonetheless|"
    r"hence|otherwise|similarly|likewise|indeed|in fact|of course|for example|for instance|"
    r"in contrast|by contrast|on the other hand|as a result|finally|and|but|or|even so|"
    r"first(?:ly)?|second(?:ly)?|third(?:ly)?|lastly|next)\b,?\s+",
    re.I,
)
# hedges and attributions a true statement must keep (the checker's list, with the modals of
# possibility): 'suggested that', 'critics argue', 'according to', 'probably', 'may'
HEDGES = re.compile(
    r"\b(argue[sd]?|arguing|assume[sd]?|assuming|suggest(s|ed)?|claim(s|ed)?|believe[sd]?|"
    r"perhaps|possibly|probably|reportedly|allegedly|likely|unlikely|according to|probability|"
    r"hypothes[ie]s|theor(y|ies|ized|ised)|may|might|legend holds)\b",
    re.I,
)
# a sentence a false statement may not come from: what it says holds only under a condition,
# for one of two things, in some measure, or is itself a negative ('did not fail to win')
UNDECIDABLE = re.compile(
    r"\b(until|unless|if|only|either|neither|whether|nor|except|almost|nearly|hardly|barely|"
    r"scarcely|may|might|could|would|should|must|cannot|can't|once more|as before|without|"
    r"fail(s|ed)?|refuse[sd]?|lack(s|ed)?|avoid(s|ed)?|den(y|ies|ied)|never|none|nobody|"
    r"nothing|no|little|few)\b",
    re.I,
)
# in the sentence, these make what any of its clauses says hold only on a condition (or,
# 'whenever', only on the occasions it names)
CONDITIONAL = re.compile(r"\b(if|unless|until|either|whether|or not|otherwise|whenever)\b", re.I)
# a sentence that is someone's report: '…, officials said.', 'According to the CDC, …'
ATTRIBUTED = re.compile(
    r",\s+(?:(?!(?:and|but|or|while|when|as)\b)[\w.'\u2019\-]+\s+){1,5}"
    r"(?:said|says|reported|reports|added|noted|told \w+)\b"
    r"[^,;]*[.!?]?[\u201d\"]?$|^\W*according to\b",
    re.I,
)
# what a true statement must keep: without it, it says what the sentence does not
ONE_OF_TWO = re.compile(r"\b(neither|nor|either|unless|if|whether|whenever)\b", re.I)
DANGLING_END = quality.DANGLING_END | {
    "while",
    "because",
    "although",
    "when",
    "if",
    "so",
    "nor",
    "whose",
    "who",
    "from",
    "in",
    "on",
    "at",
    "into",
}
_CAPITALIZED = re.compile(r"\b[A-Z][\w\-]+")
NOT_NAMES = {"The", "A", "An", "In", "On", "At", "Of", "And", "But", "He", "She", "It", "They"}
NOT_NAMES |= {"I", "Mr", "Mrs", "Dr", "St", "Ms", "This", "That", "There", "When", "As", "If"}
_TOKEN = re.compile(r"\w+(?:['\-.]\w+)*|--|[^\w\s]")
# marks that keep words apart: run together in a statement they make a garble
# ('the hop-skip-and-jump--proof enough' -> 'the hop-skip-and-jump proof enough')
SEPARATORS = {"--", "\u2014", "\u2013", "(", ")", "[", "]", ";"}


def names_in(text: str) -> Counter:
    """Capitalized words outside quotation marks, a possessive 's left off: 'Ben', 'Marley'."""
    found = _CAPITALIZED.findall(quality.outside_quotes(text.replace("\u2019", "'")))
    return Counter(n for w in found if (n := re.sub(r"'s$", "", w)) not in NOT_NAMES)


def repeated_name(text: str, evidence: str) -> bool:
    """A name said more often than the sentence says it: 'Ben did not range up alongside of
    Ben', where the passage has 'him'."""
    said = names_in(evidence)
    return any(n > 1 and n > said[w] for w, n in names_in(text).items())


def repeated_phrase(text: str, evidence: str) -> bool:
    """A noun said more often than the sentence says it, once a pronoun is spelled out: 'The man
    did not fling a look back along the way the man had come.'"""
    said = Counter(quality.words(evidence))
    mine = Counter(w for w in quality.words(text) if len(w) > 2 and w not in quality.EMPTY_WORDS)
    return any(n > 1 and n > said[w] for w, n in mine.items())


def unclosed_aside(text: str, evidence: str) -> bool:
    """An aside between two commas of the sentence kept with its first comma only: 'Thomas
    Hobbes and Baruch Spinoza, in the next generation are …'."""
    mine, theirs = _tokens(text), _tokens(evidence)
    joined = " " + " ".join(mine) + " "
    commas = [i for i, t in enumerate(theirs) if t == ","]
    for a, b in zip(commas, commas[1:], strict=False):
        if 1 < b - a <= 8 and b + 1 < len(theirs):
            run = " ".join([*theirs[a:b], theirs[b + 1]])
            if f" {run} " in joined:
                return True
    return False


def new_name(text: str, evidence: str) -> bool:
    """A name the sentence does not have: a pronoun resolved, or an element swapped in."""
    said = names_in(evidence)
    plain = set(quality.words(evidence))  # 'From' first in the statement is 'from' in the sentence
    return any(not said[w] and w.lower() not in plain for w in names_in(text))


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold_typography(text))


def run_together(text: str, evidence: str) -> bool:
    """Words a dash, bracket or semicolon keeps apart in the sentence, side by side in the text."""
    mine, theirs = _tokens(text), _tokens(evidence)
    pairs = set(zip(mine, mine[1:], strict=False))
    adjacent = set(zip(theirs, theirs[1:], strict=False))
    return any(
        theirs[i + 1] in SEPARATORS
        and (theirs[i], theirs[i + 2]) in pairs
        and (theirs[i], theirs[i + 2]) not in adjacent
        for i in range(len(theirs) - 2)
    )


def stray_marks(text: str) -> str | None:
    """Marks a printed item should not carry: a lower-case start, a bullet or leading stop, an
    ellipsis, doubled or spaced punctuation, brackets."""
    t = text.strip()
    if not t or not (t[0].isupper() or t[0] in "\"\u201c'\u2018_0123456789"):
        return "lower-case start"
    if re.match(r"^[*\u2022\-\u2013\u2014.\u00b7]", t) or re.search(r"\.\s?\.\s?\.|\u2026", t):
        return "bullet or ellipsis"
    if re.search(r"(?<!\.)\.\.(?!\.)|\?\.|\.\?|,[.?!]|\s[,.;:?!]", t):
        return "doubled or spaced punctuation"
    if not quality.balanced(t) or "(" in t or "[" in t:
        return "brackets"
    return None


_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her|its|their)\b", re.I)
_POSSESSOR = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+){0,2}[a-z]+['\u2019]s\b")


def possessive_spelled_out(text: str, evidence: str) -> bool:
    """'stretched out the little girl's feet' for 'stretched out her feet': a possessive
    pronoun written out as a common noun phrase reads as nobody writes; a name ('Dorothy's')
    is fine."""
    if not _POSSESSIVE_PRONOUN.search(evidence):
        return False
    said = fold_typography(evidence)
    return any(fold_typography(m.group(0)) not in said for m in _POSSESSOR.finditer(text))


def _list_cut(text: str, evidence: str) -> bool:
    """'… three Canadian provinces: British Columbia.': the statement keeps a colon's list
    shorter than its sentence does (the rest went with the parse's other conjuncts); or a
    title cut at its colon ('The Legend of Zelda' of 'The Legend of Zelda: Twilight
    Princess')."""
    if ":" not in text:
        head = evidence.split(":", 1)[0].strip() if ":" in evidence else ""
        return (
            bool(head)
            and len(head.split()) <= 8
            and fold_typography(text).startswith(fold_typography(head) + " ")
        )
    kept = text.split(":", 1)[1]
    said = evidence.split(":", 1)[1] if ":" in evidence else ""
    return kept.count(",") + kept.count(" and ") < said.count(",") + said.count(" and ")


SPLICE = re.compile(r";|--|\u2014")  # the marks that join a sentence's clauses


def statement_faults(text: str, evidence: str, *, true: bool) -> list[str]:
    """Why a true/false statement made from the evidence sentence would not stand on its own, or
    (when it is false) could not be decided from the passage; empty when it is sound."""
    faults = []
    if REMNANT.search(text) and (REMNANT.match(text) or "," in text) or LONE_LEAD.match(text):
        faults.append("fragment")
    if quality.text_reference(text):
        faults.append("text reference")  # 'are illustrated in Figure 4.16
    if possessive_spelled_out(text, evidence):
        faults.append("pronoun spelled out")
    if CONNECTIVE.match(text):
        faults.append("connective")
    if _list_cut(text, evidence):
        faults.append("list cut")
    last = quality.words(text)[-1:]
    if last and last[0] in DANGLING_END:
        faults.append("dangling end")
    if repeated_name(text, evidence) or repeated_phrase(text, evidence):
        faults.append("repeated name")
    if unclosed_aside(text, evidence):
        faults.append("unclosed aside")
    if new_name(text, evidence):
        faults.append("name not in the sentence")
    said = quality.outside_quotes(evidence)
    if true and {m.group(0).lower() for m in HEDGES.finditer(said)} - {
        m.group(0).lower() for m in HEDGES.finditer(text)
    }:
        faults.append("hedge dropped")
    if not true and (HEDGES.search(said) or UNDECIDABLE.search(text) or CONDITIONAL.search(said)):
        faults.append("undecidable")
    if true and ATTRIBUTED.search(said.strip()) and not ATTRIBUTED.search(text):
        faults.append("attribution dropped")  # '…, officials said.' -> the claim as a fact
    if true and {m.group(0).lower() for m in ONE_OF_TWO.finditer(said)} - {
        m.group(0).lower() for m in ONE_OF_TWO.finditer(text)
    }:
        faults.append("condition dropped")  # 'neither intends … nor knows' -> 'intends'
    if re.search(r"\b(\w+),? \1\b", text, re.I):
        faults.append("repeated word")  # 'grew louder, louder!' -> 'did not grow louder louder'

    if run_together(text, evidence):
        faults.append("run together")
    if SPLICE.search(text.strip().rstrip(".!?")) and fold_typography(text) != fold_typography(
        evidence
    ):
        # 'was sitting up in the bed listening;--just night after night': a statement cut
        # from a sentence of several clauses keeps one of them whole or none
        faults.append("spliced")
    if why := stray_marks(text):
        faults.append(why)
    return faults


def without_connective(text: str) -> str:
    """'In addition, the club reached the final.' -> 'The club reached the final.'"""
    match = CONNECTIVE.match(text)
    if not match or match.end() >= len(text):
        return text
    rest = text[match.end() :]
    return rest[0].upper() + rest[1:]


# --- what a blank must be ------------------------------------------------------------------------

POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
MAX_KEY_WORDS = 3  # a longer key behind one short blank is a guess at its length, not a reading
FILLERS = {"one", "a", "an", "the same", "same"}  # '_____ dollar' -> 'One': the sentence says it


def _initials(title: str) -> list[str]:
    """The initials of every run of capitalized words in a title ('ECB' of 'Economics: The
    European Central Bank', 'EU' of 'European Union'), 'of' and 'the' skipped inside a run."""
    found, run = [], []
    for word in re.findall(r"[\w'\-]+|[^\w\s]", title) + ["."]:
        if word[:1].isupper() and word.lower() not in {"the", "of"}:
            run.append(word)
            continue
        if word.lower() in {"of", "the"} and run:
            continue
        for start in range(len(run)):
            for end in range(start + 2, len(run) + 1):
                found.append("".join(w[0] for w in run[start:end]))
        run = []
    return list(dict.fromkeys(found))


def topic_text(analysis: Analysis, title: str) -> str:
    """The words a blank must not be: the title's, its initials ('ECB' of 'European Central
    Bank') and the names of the one entity the passage is about, when one stands out (twice
    as often named as any other, and at least five times): guessable without reading."""
    initials = " ".join(_initials(title))
    named = sorted(analysis.clusters, key=lambda c: (-c.salience, c.id))
    top = ""
    if named and named[0].salience >= 5:
        if len(named) == 1 or named[0].salience >= 2 * named[1].salience:
            top = " ".join(named[0].names)
    return " ".join(w for w in (title, initials, top) if w)


def key_faults(answer: str, title: str = "", label: str = "") -> list[str]:
    """Why a key should not be blanked: the passage's topic (every word of it in the title), a
    filler the sentence gives away, longer than three words, a word unsuitable for school."""
    faults = []
    ws = quality.words(answer)
    content = [w for w in ws if w not in quality.EMPTY_WORDS]
    if content and set(content) <= set(quality.words(title)):
        faults.append("topic word")
    if fold_typography(answer).strip() in FILLERS or not content and label != "NUMBER":
        faults.append("filler")
    if len(ws) > MAX_KEY_WORDS:
        faults.append("long key")
    if "," in answer or ";" in answer:
        faults.append("two phrases")  # 'cross, uncle' behind one blank
    if re.search(r"[^\w\s'\u2019\-.,&]", answer):
        faults.append("symbols")  # 'TX > TY': a formula, not a word to write in
    if unsuitable_words() & set(ws):
        faults.append("unsuitable word")
    if answer.strip().upper() in TIME_ZONES:
        faults.append("time zone")  # '1:27 a.m. _____': 'CDT' is no fact to recall
    return faults


# the time zones a news report writes after a time ('11:43 a.m. EDT')
TIME_ZONES = frozenset(
    "UTC GMT BST CET CEST EET EEST WET IST JST AEST AEDT EST EDT CST CDT MST MDT PST PDT AKST "
    "AKDT HST".split()
)


SHOUTED = re.compile(r"\b[A-Z]{2,}\b\W+\b[A-Z]{2,}\b\W+\b[A-Z]{2,}\b")  # three capitals words
BULLET = re.compile(r"^\s*(?:[*\u2022\u00b7\-\u2013\u2014]+|\.+|\d+[.)]|\([a-z0-9]\))\s+")


def clean_blank_sentence(text: str) -> str | None:
    """A sentence fit to print with a blank: a bullet or leading stop taken off; None when it
    still carries stray marks (an ellipsis, brackets, a lower-case start)."""
    cleaned = BULLET.sub("", text, count=1).strip()
    if stray_marks(cleaned) or cleaned.startswith("\u2018") or _repeated_run(cleaned):
        return None  # a single quotation mark first reads as a stray mark on its own
    if SHOUTED.search(cleaned):
        return None  # 'FRIENDS AND FELLOW CITIZENS:--I stand …': a heading or a salutation
    if REMNANT.match(cleaned) and "," not in cleaned:
        return None  # 'When Aunt Em came there to live she was a _____.' reads as a question
    return cleaned


def _repeated_run(text: str) -> bool:
    """A name of two or more capitalized words said twice in one sentence ('Royal Arsenal')."""
    runs, run = [], []
    for i, word in enumerate(re.findall(r"[A-Za-z][\w'\u2019\-]*", quality.outside_quotes(text))):
        if i > 0 and word[0].isupper():
            run.append(re.sub(r"['\u2019]s$", "", word))
            continue
        if len(run) >= 2:
            runs.append(" ".join(run))
        run = []
    if len(run) >= 2:
        runs.append(" ".join(run))
    return len(runs) != len(set(runs))


def _names_after(span: Span) -> bool:
    """A number counting a common noun the passage capitalises ('the two Mice' of a fable):
    the number belongs to a title or a character's name."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (
        after is not None
        and after.is_title
        and after.pos_ == "NOUN"
        and span.root.head.i == after.i
    )


def _in_title(span: Span, sentence: Span) -> bool:
    """A capitalised word between capitalised words mid-sentence ('The Two Mice', 'the Old
    Town Hall'): a piece of a title or a name, which its other words give away."""
    doc = span.doc
    if not span[0].is_title or span.start <= sentence.start:
        return False
    before, after = doc[span.start - 1], (doc[span.end] if span.end < len(doc) else None)
    if before.ent_type_ == "ORDINAL" and before.ent_iob_ != "O" and span.root.ent_type_:
        return True  # 'the 43rd _____' -> 'Annual Grammy Awards': the rest of a name
    if _title_of(span, sentence):
        return True
    return (
        after is not None
        and after.is_title
        and after.is_alpha
        and (before.is_title and before.is_alpha)
    )


PLACE_OR_PERSON = {"GPE", "LOC", "PERSON", "NORP"}


def _title_of(span: Span, sentence: Span) -> bool:
    """The end of a title joined by 'of' ('Artist of the _____' -> 'Millennium', 'Secretary
    of _____' -> 'State'): a piece of the title, not a fact; a place or a person after 'of'
    ('the Battle of _____' -> 'Hastings') is one and stays."""
    doc = span.doc
    i = span.start - 1
    if i > sentence.start and doc[i].lower_ in {"the", "a", "an"}:
        i -= 1
    if i <= sentence.start + 1 or doc[i].lower_ != "of":
        return False
    head = doc[i - 1]
    return (
        head.is_title
        and head.is_alpha
        and head.i > sentence.start
        and span.root.ent_type_ not in PLACE_OR_PERSON
    )


def _acronym_modifier(span: Span) -> bool:
    """An acronym standing before the noun it qualifies ('the EU member states', 'US troops',
    'UN peacekeepers'): the noun names what the acronym is, and a student fills it in from
    what everyone knows."""
    if len(span) != 1:
        return False
    t = span[0]
    return (
        t.text.isupper()
        and 2 <= len(t.text) <= 4
        and t.dep_ in {"compound", "nmod", "amod"}
        and t.head.i > t.i
        and t.head.pos_ == "NOUN"
    )


def _named_beside(span: Span) -> bool:
    """The rest of a name stands beside the span and gives it away: after or before a comma
    ('Washington, D.C.', 'Fredericksburg, Texas'), a title before it ('Mr. _____', 'General
    _____'), a name it begins ('_____'s Child' for 'Destiny's Child')."""
    doc = span.doc

    def name(token) -> bool:
        return token.pos_ == "PROPN" and token.ent_type_ == span.root.ent_type_

    if span.end + 1 < len(doc) and doc[span.end].text == "," and name(doc[span.end + 1]):
        return True
    if span.start >= 2 and doc[span.start - 1].text == "," and name(doc[span.start - 2]):
        return True
    if span.start >= 1 and doc[span.start - 1].lower_.rstrip(".") in TITLE_WORDS | RANKS:
        return True
    # a name it is part of: 'St. Mary's _____', 'the U.S. _____', 'from _____ Complex 39A',
    # '_____'s Child' for 'Destiny's Child'
    before = doc[span.start - 1] if span.start >= 1 else None
    if before is not None and before.lower_ in POSSESSIVE and span.start >= 2:
        before = doc[span.start - 2]
    if before is not None and before.pos_ == "PROPN":
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in POSSESSIVE and span.end + 1 < len(doc):
        after = doc[span.end + 1]
    # a capital word after it, mid-sentence, is the name's own ('Child', which the tagger
    # may call a common noun), and so is a number ('_____ 11 astronauts' for 'Apollo 11')
    return after is not None and (
        after.pos_ in {"PROPN", "NOUN"}
        and after.is_title
        or (after.text[:1].isdigit() and not span[-1].whitespace_ == "" and after.like_num)
    )


# --- the word bank -------------------------------------------------------------------------------


def _bank_shape(span: Span, label: str) -> tuple:
    """What a word-bank word must share with a key: its kind, entity type, length and number."""
    if label == "NAME":
        return ("NAME", span.root.ent_type_, len(span))
    if label == "NUMBER":
        return ("NUMBER", span.root.ent_type_, any(t.is_digit for t in span))
    return ("TERM", len(span), span.root.tag_)


def _bank_spans(analysis: Analysis) -> Iterator[tuple[str, tuple]]:
    """Every name, number and key term of the passage with its shape, in passage order."""
    terms = key_terms(analysis)
    for n, doc in enumerate(analysis.docs):
        for sentence in doc.sents:
            for start, end, label, _ in _spans(sentence, analysis, n, terms):
                span = doc[start:end]
                yield span.text, _bank_shape(span, label)


def word_bank(keys: list[str], analysis: Analysis, seed: int) -> list[str]:
    """As many extra words as there are blanks, each another word of the passage of its key's
    kind (a name for a name, a number for a number, a noun of its shape for a noun), none of
    them a key; chosen by the seed."""
    rng = random.Random(f"{seed}:word-bank")
    by_shape: dict[tuple, list[str]] = {}
    shape_of: dict[str, tuple] = {}
    for text, shape in _bank_spans(analysis):
        shape_of.setdefault(fold_typography(text), shape)
        words = by_shape.setdefault(shape, [])
        if text not in words:
            words.append(text)
    taken = {fold_typography(k) for k in keys}
    extra: list[str] = []
    for key in keys:
        shape = shape_of.get(fold_typography(key))
        pool = [
            w
            for w in by_shape.get(shape, ())
            if fold_typography(w) not in taken
            and not quality.contains_phrase(w, key)
            and not quality.contains_phrase(key, w)
            and not key_faults(w)
        ]
        if not pool:
            continue
        choice = rng.choice(pool)
        taken.add(fold_typography(choice))
        extra.append(choice)
    return extra

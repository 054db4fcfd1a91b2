"""Question templates (YAML data) applied to facts: candidates with keys and evidence.

The templates say which slot of which fact is asked about, under what conditions, and in what
words. The slot finders here locate the answer in a clause and fill the template's slots with
the help of :mod:`quizgen.text.grammar`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Span, Token

from quizgen.base.errors import QuizgenError
from quizgen.base.folding import fold_words
from quizgen.base.resources import questions_dir
from quizgen.quiz.model import Kind, Label, Skill
from quizgen.quiz.quizfile import safe_load
from quizgen.text import grammar
from quizgen.text.analysis import PERSON_VERBS, Analysis, Cluster, named_thing
from quizgen.text.extract import (
    CAUSE_PREPS,
    Clause,
    Fact,
    Phrase,
    Quote,
    Role,
    anaphoric,
    joined,
    phrase_tokens,
)
from quizgen.text.lexicon import (
    PLACE_TYPES,
    POINT_WORDS,
    date_key,
    is_duration,
    looks_like_organization,
    name_gender,
    organization_kind,
    person_noun,
    person_nouns,
    place_kind,
)

FACT_KINDS = {"clause", "role", "quote"}
TEMPLATE_KEYS = {"id", "fact", "answer", "when", "ask", "kinds", "weight", "skill"}
# the conditions a template's when may state; the filters after the first seven are on unless
# a template says otherwise (defaults below, listed in the header of templates/questions/*.yaml)
# a template that does not name its skill: a why-question's slots test cause, the rest detail
CAUSE_SLOTS = {"cause", "purpose", "reason", "effect", "result"}
CONDITION_KEYS = {"label", "not_label", "person", "max_words", "source", "quote_words", "copula"}
FILTER_DEFAULTS: dict[str, dict[str, object]] = {  # answer slot ('*': every one) -> defaults
    "*": {"negated_copula": False, "bound_subject": False},
    "subject": {
        "vague_answer": False,
        "cut_answer": False,
        "min_rest_words": 4,
        "counted_answer": False,
    },
    "object": {"vague_answer": False, "cut_answer": False},
}
CONDITION_KEYS |= {key for defaults in FILTER_DEFAULTS.values() for key in defaults}
# the labels a template may name in when: label / not_label ("none": a common noun phrase)
LABEL_NAMES = {label.value for label in Label if label} | {"none"}

PLACE_PREPS = {
    "in",
    "at",
    "on",
    "near",
    "inside",
    "outside",
    "from",
    "to",
    "into",
    "across",
    "throughout",
    "off",
    "around",
    "over",
    "under",
    "beside",
}
TIME_PREPS = {"in", "on", "at", "during"}
# "in retaliation for X", "because of X": a prepositional phrase that gives a cause
CAUSE_PHRASES = (
    "in retaliation for",
    "because of",
    "due to",
    "as a result of",
    "in response to",
    "owing to",
    "on account of",
    "out of fear of",
    "for fear of",
    "thanks to",
)
TAIL_PREPS = {"from"}  # 'Where did they arrive from?'


@dataclass(frozen=True, slots=True)
class Template:
    """A question template from a YAML file."""

    id: str
    fact: str
    answer: str
    ask: str
    kinds: tuple[Kind, ...]
    weight: float = 0.5
    when: tuple[tuple[str, Any], ...] = ()  # condition -> its value, as YAML gave it
    file: str = ""
    skill: Skill = Skill.DETAIL

    def condition(self, key: str, default=None):
        """The value of one of the template's conditions: as its when says, else the default
        for its answer slot (FILTER_DEFAULTS), else ``default``."""
        when = dict(self.when)
        if key in when:
            return when[key]
        for slot in (self.answer, "*"):
            if key in FILTER_DEFAULTS.get(slot, {}):
                return FILTER_DEFAULTS[slot][key]
        return default


@dataclass(slots=True)
class Candidate:
    """A question a template made from a fact, before selection."""

    template: Template
    prompt: str
    answer: str  # as it stands in the evidence sentence
    paragraph: int  # 0-based
    sentence: Span
    answer_label: Label  # entity type, or CAUSE, PURPOSE; NONE for a common noun phrase
    cluster: Cluster | None = None
    answer_tokens: list[Token] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    # identifies the fact and slot: (paragraph, sentence start, answer start); two candidates
    # of one fact test one thing
    fact: tuple[int, ...] = ()
    clause: Fact | None = None  # the fact itself


# --- loading -------------------------------------------------------------------------------


def _template(raw: Any, file: Path, n: int) -> Template:
    where = f"{file.name}, template {n + 1}"
    if not isinstance(raw, dict):
        raise QuizgenError(f"{where}: a template must be a mapping")
    unknown = set(raw) - TEMPLATE_KEYS
    missing = {"id", "fact", "answer", "ask", "kinds"} - set(raw)
    if unknown or missing:
        what = f"unknown keys {sorted(unknown)}" if unknown else f"missing keys {sorted(missing)}"
        raise QuizgenError(f"{where} ({raw.get('id', '?')}): {what}")
    if raw["fact"] not in FACT_KINDS:
        raise QuizgenError(f"{where} ({raw['id']}): fact must be one of {sorted(FACT_KINDS)}")
    if raw["answer"] not in SLOT_FINDERS.get(raw["fact"], {}):
        choices = sorted(SLOT_FINDERS.get(raw["fact"], {}))
        raise QuizgenError(f"{where} ({raw['id']}): answer must be one of {choices}")
    when = raw.get("when") or {}
    if not isinstance(when, dict) or set(when) - CONDITION_KEYS:
        raise QuizgenError(f"{where} ({raw['id']}): when may hold {sorted(CONDITION_KEYS)}")
    for key in ("label", "not_label"):
        names = when.get(key, [])
        if not isinstance(names, list) or any(n not in LABEL_NAMES for n in names):
            raise QuizgenError(
                f"{where} ({raw['id']}): {key} is a list of answer labels: "
                f"{', '.join(sorted(LABEL_NAMES))}"
            )
    try:
        kinds = tuple(Kind(k) for k in raw["kinds"])
    except (ValueError, TypeError):
        raise QuizgenError(
            f"{where} ({raw['id']}): kinds must be item kinds, e.g. [multiple_choice, short_answer]"
        ) from None
    try:
        weight = float(raw.get("weight", 0.5))
    except (TypeError, ValueError):
        raise QuizgenError(f"{where} ({raw['id']}): weight must be a number from 0 to 1") from None
    default = Skill.CAUSE if raw["answer"] in CAUSE_SLOTS else Skill.DETAIL
    try:
        skill = Skill(raw.get("skill", default))
    except ValueError:
        skills = ", ".join(s.value for s in Skill)
        raise QuizgenError(f"{where} ({raw['id']}): skill must be one of {skills}") from None
    return Template(
        id=str(raw["id"]),
        fact=raw["fact"],
        answer=raw["answer"],
        ask=str(raw["ask"]),
        kinds=kinds,
        weight=weight,
        when=tuple(sorted(when.items(), key=str)),
        file=file.name,
        skill=skill,
    )


def _load_file(path: Path) -> list[Template]:
    try:
        data = safe_load(path.read_text(encoding="utf-8"))
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}" if mark else ""
        raise QuizgenError(
            f"{path}: refused{where}: templates may hold only plain YAML data, "
            "not tags that build objects"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise QuizgenError(f"{path}: not valid YAML{where}") from None
    except RecursionError:
        raise QuizgenError(f"{path}: nested too deeply to be a template file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QuizgenError(f"{path}: cannot read: {exc}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise QuizgenError(f"{path}: a question template file holds a list of templates")
    return [_template(raw, path, n) for n, raw in enumerate(data)]


@cache
def load_templates(extra: Path | None = None) -> tuple[Template, ...]:
    """The shipped question templates, then a teacher's own (which replace same-id ones)."""
    templates: dict[str, Template] = {}
    folders = [questions_dir()] + ([extra / "questions", extra] if extra else [])
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
                for template in _load_file(path):
                    templates[template.id] = template
    return tuple(templates.values())


# --- slot finders --------------------------------------------------------------------------


@dataclass(slots=True)
class Slot:
    """An answer found in a fact, and the words the template's slots take."""

    answer: str
    tokens: list[Token]
    label: Label
    cluster: Cluster | None
    removed: Phrase | None  # the constituent the answer takes out of {rest}
    values: dict[str, str]
    person: bool = False
    evidence: Span | None = None  # where the key stands, when not in the fact's own sentence


def is_person(
    phrase_tokens: list[Token], label: Label, articled: frozenset[str] | set[str] = frozenset()
) -> bool:
    """Whether a phrase names a person: a PERSON entity or a person noun at its head. A name
    the passage gives an article ('the Chopper', 'the Juggler') names a thing the small
    model took for a person, unless a person noun stands with it ('the pianist Chopin')."""
    if label is Label.PERSON:
        names = [t for t in phrase_tokens if t.pos_ == "PROPN"]
        if names and fold_words(names[-1].text) in articled and not _person_noun_beside(names[-1]):
            return False  # 'Chopper' that the passage calls 'the Chopper' elsewhere
        return not _articled_name(phrase_tokens)
    if label in NAMED_AS_PERSON and _given_and_family_name(phrase_tokens):
        return True  # 'René Descartes' the small model took for a place or an organization
    if label:
        return False
    heads = [
        t
        for t in phrase_tokens
        if t.dep_
        not in {"det", "amod", "compound", "poss", "case", "nummod", "prep", "pobj", "punct"}
    ]
    head = heads[0] if heads else (phrase_tokens[-1] if phrase_tokens else None)
    if head is None:
        return False
    if head.pos_ in {"PRON", "ADJ", "NUM", "DET"} or head.lower_ in QUANTIFIERS:
        # 'many of the workers', 'some of the pupils': the people are in the 'of' phrase
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if pobj is not None:
            head = pobj
    if head.lemma_.lower() in person_nouns():
        return True
    # 'series protagonist Link', 'the pianist Wojciech': a person noun names what the name is
    return head.pos_ == "PROPN" and any(
        c.dep_ in {"compound", "appos"} and c.lemma_.lower() in person_nouns()
        for c in head.children
    )


QUANTIFIERS = {"many", "some", "most", "all", "several", "few", "none", "one", "two", "both"}
# the tagger's labels a person's full name often gets in the small model
NAMED_AS_PERSON = {Label.ORG, Label.GPE, Label.LOC, Label.NORP, Label.FAC, Label.PRODUCT}


def _given_and_family_name(tokens: list[Token]) -> bool:
    """'René Descartes', 'George Darwin': two or three proper nouns and nothing else, the
    first a given name of one gender only, none a word that names an organization or a
    place ('George Washington University', 'Mary River')."""
    words = [t for t in tokens if not t.is_punct]
    if not 2 <= len(words) <= 3 or any(t.pos_ != "PROPN" for t in words):
        return False
    name = " ".join(t.text for t in words)
    return bool(name_gender(name)) and not looks_like_organization(name) and not place_kind(name)


def described_as_person(clause: Clause) -> bool:
    """'Descartes is described as a philosopher', 'was regarded as a genius': the 'as'
    phrase of the verb names a person noun."""
    for part in clause.parts:
        if part.head.lower_ == "as":
            pobj = _pobj(part)
            if pobj is not None and person_noun(pobj.lemma_.lower()):
                return True
    return False


def _person_noun_beside(head: Token) -> bool:
    """'the pianist Chopin', 'the Sailor': a person noun as the name's compound or
    appositive, or as the name itself."""
    return head.lemma_.lower() in person_nouns() or any(
        c.dep_ in {"compound", "appos"} and c.lemma_.lower() in person_nouns()
        for c in head.children
    )


def _articled_name(tokens: list[Token]) -> bool:
    """'the Chopper': a proper name with 'the' before it and no person noun beside it."""
    names = [t for t in tokens if t.pos_ == "PROPN"]
    if not names:
        return False
    head = names[-1]
    if any(t.lemma_.lower() in person_nouns() for t in tokens) or _person_noun_beside(head):
        return False
    if any(c.dep_ == "amod" for c in head.children):
        return False  # 'the young Chopin', 'the great Napoleon'
    if any(c.dep_ == "cc" or c.dep_ == "conj" for c in head.children):
        return False  # 'the Bennets and Lucases'? a family's name takes 'the'
    if head.tag_ == "NNPS":
        return False  # 'the Chopins': a family
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def copula_kind(clause: Clause) -> bool | None:
    """What 'X is a Y' says X is: a person (True) when Y is a person noun, a thing (False)
    when Y is another common noun ('the twenty-fourth James Bond film'), None otherwise."""
    if clause.verb.lemma_ != "be":
        return None
    attr = next((p for p in clause.parts if p.role == "attr"), None)
    if attr is None or attr.head.pos_ != "NOUN":
        return None
    return attr.head.lemma_.lower() in person_nouns()


def acts_as_person(clause: Clause) -> bool:
    """People are born, say, marry and die; things do not: the verb tells a 'who'."""
    if clause.verb.lemma_ == "bear":
        return clause.passive
    return clause.verb.lemma_ in PERSON_VERBS and not clause.passive


def wh_word(label: Label, text: str, head: Token | None = None, *, person: bool) -> str:
    """who / which organization / which country / what, from the entity type and head noun."""
    if (
        person
        or label is Label.NORP
        or (label is Label.ORG and head is not None and head.tag_ == "NNPS")
    ):
        return "who"  # 'the Vandals', 'Polynesians': a people
    if label is Label.ORG:
        # the small model calls many names ORG ('Taranaki', a volcano): say 'organization'
        # only of a name that says it is one
        named = organization_kind(text)
        if named:
            return f"which {named}"  # 'Which school did Beyoncé attend?'
        return "which organization" if looks_like_organization(text) else "what"
    if label is Label.GPE:
        kind = place_kind(text)
        if kind in {"country", "city", "state"}:
            return f"which {kind}"
    return "what"


def _rest(clause: Clause, removed: Phrase | None) -> str:
    parts = joined([p for p in clause.parts if p is not removed])
    fronted = [
        grammar.lower_start(p.text, p.tokens[0])
        for p in clause.fronted
        if p is not removed and p.role != "clause"
    ]
    return " ".join(t for t in [parts, *fronted] if t)


def _base_values(clause: Clause, removed: Phrase | None) -> dict[str, str]:
    aux, verb = grammar.question_order(
        clause.verb,
        clause.aux,
        clause.adverbs,
        negated=clause.negated,
        negation=clause.negation,
    )
    subject = grammar.lower_start(clause.subject.text, clause.subject.tokens[0])
    return {
        "aux": aux,
        "verb": verb,
        "subject": subject,
        "verb_group": grammar.subject_verb_group(
            clause.verb,
            clause.aux,
            clause.adverbs,
            negated=clause.negated,
            negation=clause.negation,
        ),
        "rest": _rest(clause, removed),
        "tail": "",
    }


def _entity_text(phrase: Phrase) -> tuple[str, list[Token]]:
    """The answer words of a noun phrase: the whole phrase, or the name it holds."""
    return grammar.lower_start(phrase.text, phrase.tokens[0]), phrase.tokens


def find_subject(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """The subject as the answer: 'Who led the Quds Force?'"""
    subj = clause.subject
    if clause.verb.lemma_ == "be" and not clause.parts:
        return
    answer, tokens = _entity_text(subj)
    # a he/she resolved to a character is a person: 'When the king came, he was pleased';
    # the character's name then stands earlier in the sentence or in the one before
    resolved = subj.head.lower_ in {"he", "she"}
    label = Label.of(subj.label)
    person = is_person(subj.tokens, label, analysis.thing_names()) or resolved
    if not subj.label or subj.label == "PERSON":
        kind = copula_kind(clause)  # 'Spectre is the twenty-fourth film': a what
        if kind is not None and not resolved:
            person = kind
        elif not person and not subj.label and acts_as_person(clause):
            person = True  # 'the general spoke on condition of anonymity'
    if not person and described_as_person(clause) and (not label or label in NAMED_AS_PERSON):
        person = True
    if person and subj.cluster is not None and named_thing(subj.cluster, analysis):
        person = False  # 'the Mars Chopper', tagged a person: what is heavier, not who
    if person and label in NAMED_AS_PERSON:
        label = Label.PERSON  # a person's options, or none: no organizations for a who
    evidence = with_previous(clause.sentence) if resolved or _resolved(clause) else None
    values = _base_values(clause, None)
    label = _as_named_thing(label, person=person)
    values["wh"] = wh_word(label, answer, subj.head, person=person)
    yield Slot(answer, tokens, label, subj.cluster, None, values, person, evidence=evidence)


def _as_named_thing(label: Label, *, person: bool) -> Label:
    """A name the tagger took for a person's that the passage shows names a thing ('Kataib
    Hezbollah, an Iranian-supported militia') is asked and given options as the name of an
    organization, the tagger's next most likely reading."""
    return Label.ORG if label is Label.PERSON and not person else label


def _resolved(clause: Clause) -> bool:
    """Whether a he/his of the clause was given a name from the sentence before: then the
    evidence is both sentences, and the key is checked against them."""
    return clause.subject.resolved or any(p.resolved for p in [*clause.parts, *clause.fronted])


HAVING_VERBS = frozenset({"have", "include", "contain", "comprise", "number"})


def find_object(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """A direct object as the answer: 'What did the leadership convene?'"""
    for part in clause.parts:
        if part.role not in {"object", "dative"}:
            continue
        if clause.verb.lemma_ in HAVING_VERBS and any(
            c.dep_ == "nummod" for c in part.head.children
        ):
            continue  # 'Who does the Senate have?' -> '100 members': a count, asked 'how many'
        answer, tokens = _entity_text(part)
        label = Label.of(part.label)
        person = is_person(part.tokens, label, analysis.thing_names())
        if person and part.cluster is not None and named_thing(part.cluster, analysis):
            person = False
        if person and label in NAMED_AS_PERSON:
            label = Label.PERSON
        label = _as_named_thing(label, person=person)
        values = _base_values(clause, part)
        values["wh"] = wh_word(label, answer, part.head, person=person)
        evidence = with_previous(clause.sentence) if _resolved(clause) else None
        yield Slot(answer, tokens, label, part.cluster, part, values, person, evidence=evidence)


def _pobj(part: Phrase) -> Token | None:
    return next((c for c in part.head.children if c.dep_ == "pobj"), None)


def _pp_answer(
    part: Phrase, analysis: Analysis, clause: Clause
) -> tuple[str, list[Token], Label, Cluster | None] | None:
    pobj = _pobj(part)
    if pobj is None:
        return None
    inside = {s.i for s in pobj.subtree}
    tokens = [t for t in part.tokens if t.i >= pobj.left_edge.i and t.i in inside]
    if not tokens:
        return None
    text = " ".join("".join(t.text_with_ws for t in tokens).split())
    cluster = analysis.cluster_of(clause.paragraph, pobj)
    label = Label.of(cluster.label if cluster else pobj.ent_type_)
    return text, tokens, label, cluster


def find_agent(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """The agent of a passive as the answer, asked in the active: 'Who authorized the strike?'"""
    if not clause.passive:
        return
    for part in clause.parts:
        if part.role != "agent":
            continue
        found = _pp_answer(part, analysis, clause)
        if found is None:
            continue
        text, tokens, label, cluster = found
        values = _base_values(clause, part)
        # 'were worked out by Darwin' -> 'worked out': the particle stays with its verb
        particles = [p for p in clause.parts if p.role == "particle"]
        values["active"] = " ".join(
            [grammar.active_verb(clause.verb, clause.aux), *(p.text for p in particles)]
        )
        values["rest"] = " ".join(
            p.text for p in clause.parts if p is not part and p.role != "particle"
        )
        person = is_person(tokens, label, analysis.thing_names())
        label = _as_named_thing(label, person=person)
        yield Slot(text, tokens, label, cluster, part, values, person)


def find_place(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """A place in a prepositional phrase: 'Where was Soleimani killed?'"""
    for part in [*clause.parts, *clause.fronted]:
        if part.role != "prep" or part.head.lower_ not in PLACE_PREPS:
            continue
        found = _pp_answer(part, analysis, clause)
        if found is None:
            continue
        text, tokens, label, cluster = found
        pobj = _pobj(part)
        if label not in PLACE_TYPES or pobj is None or tokens[0].i != pobj.left_edge.i:
            continue
        if any(t.like_num or t.ent_type_ in {"DATE", "TIME"} for t in tokens) or date_key(text):
            continue  # 'Aug.1' tagged as a place is a date
        values = _base_values(clause, part)
        values["tail"] = part.head.lower_ if part.head.lower_ in TAIL_PREPS else ""
        yield Slot(text, tokens, label, cluster, part, values)


def find_time(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """A date or time: 'When did some Maori tribes declare independence?'; or a stretch of
    time, labelled DURATION: 'How long did the war last?'"""
    for part in [*clause.parts, *clause.fronted]:
        if part.role == "prep" and part.head.lower_ in TIME_PREPS:
            pobj = _pobj(part)
            if pobj is None or pobj.ent_type_ not in {"DATE", "TIME"}:
                continue
            tokens = [t for t in part.tokens if t.ent_type_ in {"DATE", "TIME"}]
        elif part.role == "adverb" and part.head.ent_type_ in {"DATE", "TIME"}:
            tokens = [t for t in part.tokens if t.ent_type_ in {"DATE", "TIME"}]
        else:
            continue
        if not tokens or tokens[-1].i - tokens[0].i + 1 != len(tokens):
            continue
        tokens = _with_of(tokens, part)
        if tokens[-1].pos_ in {"CCONJ", "ADP", "PUNCT"} or tokens[0].pos_ == "CCONJ":
            continue  # '1930–31 and': the tagger's date runs into a list it cut in two
        text = " ".join("".join(t.text_with_ws for t in tokens).split())
        if text.lower() in {"now", "today", "then", "once", "later", "recently", "the time"}:
            continue
        # 'less than a month before the outbreak' is a point in time, for all its 'a month'
        around = set(part.text.lower().split()) - set(text.lower().split())
        label = Label.DURATION if is_duration(text) and not around & POINT_WORDS else Label.DATE
        if label is Label.DURATION and part.role == "prep":
            continue  # 'in three years': neither when nor quite how long
        if label is Label.DATE and not when_answer(text):
            continue  # 'every year' answers 'how often', 'all day' 'how long'
        yield Slot(text, tokens, label, None, part, _base_values(clause, part))


def _with_of(tokens: list[Token], part: Phrase) -> list[Token]:
    """A date with the 'of' phrase that says which it is: 'the very day of the funeral', not
    'the very day' (the tagger's date stops at 'day')."""
    last = tokens[-1]
    inside = {t.i for t in part.tokens}
    of = next((c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or of.i != last.i + 1 or of.right_edge.i not in inside:
        return tokens
    return [*tokens, *last.doc[of.i : of.right_edge.i + 1]]


FREQUENCY_STARTS = ("every", "each", "all ", "daily", "weekly", "monthly", "yearly", "annually")
DURATION_WORDS = {"long", "hours", "days", "weeks", "months", "years", "decades", "centuries"}
DURATION_STARTS = {"less", "more", "about", "for", "over", "hundreds", "thousands", "nearly"}


def when_answer(text: str) -> bool:
    """A point in time answers 'When': not a frequency ('every year' is 'how often'), nor a
    duration ('all day', 'less than a month', 'hundreds of years' are 'how long')."""
    words = text.lower().split()
    if not words or text.lower().startswith(FREQUENCY_STARTS) or "times" in words:
        return False
    if words[0] in DURATION_STARTS:
        return False
    return not (words[-1] in DURATION_WORDS and not any(w.isdigit() for w in words))


def _counted(part: Phrase) -> tuple[list[Token], str] | None:
    """In '31 rockets', the number's tokens and the counted noun phrase ('rockets')."""
    head = part.head
    if head.pos_ not in {"NOUN", "PROPN"} or head.tag_ not in {"NNS", "NNPS"}:
        return None
    nums = [c for c in head.children if c.dep_ == "nummod" and c.like_num]
    if len(nums) != 1:
        return None
    num = nums[0]
    tokens = sorted([*(t for t in num.subtree)], key=lambda t: t.i)
    if any(t.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT"} for t in tokens):
        return None
    drop = {t.i for t in tokens} | {c.i for c in head.children if c.dep_ in {"det", "predet"}}
    doc = head.doc
    for c in head.children:
        if c.dep_ == "prep" and c.i > head.i and doc[c.i - 1].text == ",":
            # 'five people, including the militia chief': an aside, not what is counted
            drop |= {t.i for t in c.subtree} | {c.i - 1}
    kept = {t.i for t in phrase_tokens(head, keep_restrictive=False)}
    thing = [t for t in part.tokens if t.i not in drop and t.i in kept]
    return tokens, " ".join("".join(t.text_with_ws for t in thing).split())


def find_count(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """A number in the object: 'How many rockets did Kataib Hezbollah fire ...?'"""
    for part in clause.parts:
        if part.role != "object":
            continue
        found = _counted(part)
        if found is None:
            continue
        tokens, thing = found
        values = _base_values(clause, part)
        values["thing"] = thing
        text = " ".join("".join(t.text_with_ws for t in tokens).split())
        yield Slot(text, tokens, Label.CARDINAL, None, part, values)


def find_subject_count(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """A number in the subject: 'How many Maori chiefs signed the treaty?'"""
    found = _counted(clause.subject)
    if found is None:
        return
    tokens, thing = found
    values = _base_values(clause, None)
    values["thing"] = thing
    text = " ".join("".join(t.text_with_ws for t in tokens).split())
    if clause.verb.tag_ == "VBP" or any(a.lower_ in {"are", "were", "have"} for a in clause.aux):
        # 'How many people were killed?': a counted plural keeps its plural verb
        values["verb_group"] = " ".join(w.text for w in [*clause.aux, *clause.adverbs, clause.verb])
    yield Slot(text, tokens, Label.CARDINAL, None, None, values)


def find_amount(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """An amount of money in the object: 'How much did the company pay?'"""
    for part in clause.parts:
        if part.role != "object":
            continue
        tokens = [t for t in part.tokens if t.ent_type_ == "MONEY"]
        if not tokens or len(tokens) != len(part.tokens):
            continue
        text = " ".join("".join(t.text_with_ws for t in tokens).split())
        yield Slot(text, tokens, Label.MONEY, None, part, _base_values(clause, part))


def _marks(head: Token) -> set[str]:
    return {c.lower_ for c in head.children if c.dep_ == "mark"}


def _reasons(clause: Clause) -> list[Phrase]:
    """The constituents that may give a clause's cause, purpose or means: those after the verb,
    those before the subject, and a fronted cause clause ('Because ..., the council ...')."""
    return [*clause.parts, *clause.fronted, *clause.reasons]


def _trailed(clause: Clause, part: Phrase) -> bool:
    """'in retaliation for the death in a rocket attack | last week near Kirkuk': a
    constituent right after a reason, with no comma between, may as well belong to the reason
    as to the verb; the parse cannot tell, and a key cut short or a stem that says what the
    passage does not are worse than no question."""
    doc = part.head.doc
    return part in clause.parts and any(
        p.start >= part.end and not any(t.text == "," for t in doc[part.end : p.start + 1])
        for p in clause.parts
    )


# words that say how often: a why question with one asks why so often ('Why does the board
# meet twice a month?'), which the reason ('to assess developments') does not answer
FREQUENCY_WORDS = frozenset(
    "twice once thrice often always usually sometimes seldom rarely frequently regularly "
    "daily weekly monthly yearly annually every each".split()
)


def _how_often(clause: Clause, part: Phrase) -> bool:
    """Whether the clause, besides its reason, says how often it happens."""
    words = {a.lower_ for a in clause.adverbs} | {
        t.lower_ for p in [*clause.parts, *clause.fronted] if p is not part for t in p.tokens
    }
    words |= {c.lower_ for c in clause.verb.children if c.dep_ == "advmod"}
    return bool(words & FREQUENCY_WORDS)


def _reason_slot(clause: Clause, part: Phrase, label: Label) -> Slot | None:
    if _trailed(clause, part) or _how_often(clause, part):
        return None
    text = grammar.lower_start(part.text, part.tokens[0])
    return Slot(text, part.tokens, label, None, part, _base_values(clause, part))


def _some(slot: Slot | None) -> list[Slot]:
    return [slot] if slot is not None else []


def find_cause(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """A cause as the key of a why question, phrased to answer it: 'because floods had
    weakened it', 'since ...', 'in retaliation for ...', 'due to the drought'."""
    for part in _reasons(clause):
        text = part.text.lower()
        cause = (
            (part.role == "prep" and text.startswith(CAUSE_PHRASES + CAUSE_PREPS))
            or (part.role == "clause" and _marks(part.head) & {"because", "since"})
            or (part.head.lower_ == "because" and part.role in {"prep", "other"})
        )
        if cause:
            yield from _some(_reason_slot(clause, part, Label.CAUSE))


# verbs whose subject is the cause of their object: 'Floods caused the collapse', 'Disputes
# led to a war'; the preposition a verb needs before its effect, or '' for an object
CAUSING_VERBS = {"cause": "", "trigger": "", "lead": "to", "result": "in", "spark": ""}
ALSO_WORDS = {"also", "too", "partly", "often", "sometimes"}  # 'also led to': not the only cause


def find_cause_subject(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """The subject of a causing verb as the key of 'What caused ...?': 'Different traditions
    of land use led to a series of wars' -> 'What led to a series of wars?'"""
    prep = CAUSING_VERBS.get(clause.verb.lemma_)
    if prep is None or clause.negated or clause.passive or clause.verb.dep_ == "relcl":
        return
    if any(c.lower_ in ALSO_WORDS for c in clause.verb.children):
        return  # 'X also results in Y': the passage gives Y another cause
    effect = next(iter(clause.parts), None)
    led = _led_to_do(clause)
    if effect is None or (
        not led
        and (effect.head.lower_ != prep if prep else effect.role not in {"object", "clause"})
    ):
        return  # 'led the way to the river' is no 'led to'; a cause needs its effect right after
    subj = clause.subject
    if subj.head.pos_ not in {"NOUN", "PROPN"} or subj.resolved or len(subj) > 12:
        return
    if led and (subj.head.ent_type_ or person_noun(subj.head.lemma_.lower())):
        return  # 'The guide led the party to cross the river': a person leads, no cause
    answer, tokens = _entity_text(subj)
    slot = Slot(answer, tokens, Label.NONE, None, None, _base_values(clause, None))
    if len(subj) < 2 or vague_common_answer(slot, analysis) or cut_short(slot):
        return
    yield replace(slot, label=Label.CAUSE)


def _led_to_do(clause: Clause) -> bool:
    """'Concerns about lawlessness led the UK to appoint a Resident': 'lead', its object, then
    what the object was brought to do."""
    if clause.verb.lemma_ != "lead" or len(clause.parts) < 2:
        return False
    obj, then = clause.parts[0], clause.parts[1]
    return (
        obj.role == "object"
        and then.head.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in then.head.children)
    )


def find_result_cause(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """'The river flooded. As a result, the council closed the bridge.': the sentence before
    is the key of 'Why did the council close the bridge?', when it stands on its own."""
    before = clause.cause_before
    if before is None:
        return
    tokens = [t for t in before if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not 4 <= len(tokens) <= 20 or anaphoric(tokens, analysis):
        return
    if tokens[0].dep_ in {"advmod", "cc", "prep", "mark"} or any(t.text == "?" for t in before):
        return  # 'Moreover, ...': a sentence tied to the one before it is no cause on its own
    if any(
        t.pos_ == "PRON" and t.lower_ not in {"who", "which", "that"} or t.is_quote for t in tokens
    ):
        return  # 'It rained for a week': the cause must say what it is about
    said = grammar.lower_start(" ".join("".join(t.text_with_ws for t in tokens).split()), tokens[0])
    text = f"because {said}"  # the key in the form a why question invites
    doc = before.doc
    yield Slot(
        text,
        tokens,
        Label.CAUSE,
        None,
        None,
        _base_values(clause, None),
        evidence=doc[before.start : clause.sentence.end],
    )


def find_purpose(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """A purpose: 'to oversee the colony', 'in order to ...', 'so that the town would be safe'."""
    for part in _reasons(clause):
        text = part.text.lower()
        purpose = (
            part.role == "clause"
            and part.head.dep_ == "advcl"
            and (
                (
                    part.head.tag_ == "VB"
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in part.head.children)
                )
                or {"so", "that"} <= _marks(part.head)
            )
        ) or (part.role == "prep" and text.startswith(("in order to", "so as to")))
        if purpose:
            yield from _some(_reason_slot(clause, part, Label.PURPOSE))


def find_means(clause: Clause, analysis: Analysis) -> Iterator[Slot]:
    """A means as the key of a how question: 'by flooding the fields'."""
    for part in _reasons(clause):
        if part.role == "prep" and part.head.lower_ == "by":
            gerunds = [c for c in part.head.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]
            if any(c.dep_ == "conj" and c.pos_ == "VERB" for g in gerunds for c in g.children):
                continue  # 'by changing the font and splitting the screen': two means
            if _second_means(clause.verb, part.head):
                continue  # '… by changing the font and, in most cases, splitting the screen',
                # the second parsed as the verb's own: a key of one is half the answer
            if gerunds:
                yield from _some(_reason_slot(clause, part, Label.MEANS))


def _second_means(verb: Token, by: Token) -> bool:
    """An 'and' after the by-phrase, then a gerund the parse hung on the verb itself."""
    cc = [c.i for c in verb.children if c.dep_ == "cc" and c.i > by.i]
    return bool(cc) and any(
        c.dep_ in {"conj", "advcl"} and c.tag_ == "VBG" and c.i > min(cc) for c in verb.children
    )


def find_role_person(role: Role, analysis: Analysis) -> Iterator[Slot]:
    """The person who holds a role: 'Who is the chief executive of ...?'"""
    name = next((n for n in role.person.names if n in role.sentence.text), None)
    if name is None:
        return
    start = role.sentence.text.index(name)
    tokens = [
        t for t in role.sentence if start <= t.idx - role.sentence.start_char < start + len(name)
    ]
    text = role.role
    if text.split()[0].lower() in {"the", "a", "an"}:
        text = text[0].lower() + text[1:]
    elif not role.possessive:
        text = f"the {text}"
    verb = role.sentence.root
    be = (
        "is"
        if verb.lemma_ in {"say", "tell", "add", "write"} and verb.tag_ == "VBD"
        else grammar.be_form(verb)
    )
    yield Slot(name, tokens, Label.PERSON, role.person, None, {"role": text, "be": be}, True)


def with_previous(sentence: Span) -> Span:
    """The sentence together with the one before it in its paragraph."""
    doc = sentence.doc
    if sentence.start == 0:
        return sentence
    return doc[doc[sentence.start - 1].sent.start : sentence.end]


def find_speaker(quote: Quote, analysis: Analysis) -> Iterator[Slot]:
    """The speaker of a quotation: 'Who said, "The game has changed"?'

    When the sentence names the speaker only as 'he', the name stands in the sentence
    before, and the evidence is both sentences.
    """
    for span in (quote.sentence, with_previous(quote.sentence)):
        # a character's noun may open the sentence ('The wife said …'); a name is matched
        # as written ('Will' is not 'will')
        text = span.text if quote.speaker is not None else span.text.casefold()
        name = next((n for n in quote.speaker_names if _fold_as(n, quote) in text), None)
        if name is not None:
            break
    else:
        return
    start = text.index(_fold_as(name, quote))
    tokens = [t for t in span if start <= t.idx - span.start_char < start + len(name)]
    if (
        quote.speaker is not None  # a character's text has its 'the' already
        and tokens
        and tokens[0].i > 0
        and tokens[0].doc[tokens[0].i - 1].lower_ == "the"
    ):
        name = f"the {name}"  # 'said the Whale': the Whale, not 'Whale said'
        tokens = [tokens[0].doc[tokens[0].i - 1], *tokens]
    yield Slot(
        name,
        tokens,
        Label.PERSON,
        quote.speaker,
        None,
        {"quote": quote.words},
        True,
        evidence=span if span is not quote.sentence else None,
    )


def _fold_as(name: str, quote: Quote) -> str:
    return name if quote.speaker is not None else name.casefold()


# fact kind -> answer slot -> finder (each takes the fact of its kind)
SLOT_FINDERS: dict[str, dict[str, Callable[[Any, Analysis], Iterator[Slot]]]] = {
    "clause": {
        "subject": find_subject,
        "object": find_object,
        "agent": find_agent,
        "place": find_place,
        "time": find_time,
        "count": find_count,
        "subject_count": find_subject_count,
        "amount": find_amount,
        "cause": find_cause,
        "cause_subject": find_cause_subject,
        "result_cause": find_result_cause,
        "purpose": find_purpose,
        "means": find_means,
    },
    "role": {"person": find_role_person},
    "quote": {"speaker": find_speaker},
}


# --- applying ------------------------------------------------------------------------------


def failed_condition(template: Template, slot: Slot, fact: Fact) -> str | None:
    """The first of a template's conditions the slot does not meet, or None."""
    label = slot.label or "none"
    labels = template.condition("label")
    if labels is not None and label not in labels:
        return f"label {label} not in {labels}"
    not_labels = template.condition("not_label")
    if not_labels is not None and label in not_labels:
        return f"label {label} is excluded"
    person = template.condition("person")
    if person is not None and bool(person) != slot.person:
        return "names a person" if slot.person else "does not name a person"
    max_words = template.condition("max_words")
    if max_words is not None and len(slot.answer.split()) > int(max_words):
        return f"answer longer than {max_words} words"
    copula = template.condition("copula")
    if (
        copula is not None
        and isinstance(fact, Clause)
        and bool(copula) != (fact.verb.lemma_ == "be")
    ):
        return "a copula" if not copula else "not a copula"
    sources = template.condition("source")
    if sources is not None and getattr(fact, "source", "main") not in sources:
        return f"clause from {getattr(fact, 'source', 'main')}"
    span = template.condition("quote_words")
    if span is not None:
        n = len(slot.values.get("quote", "").split())
        if not int(span[0]) <= n <= int(span[1]):
            return f"quotation of {n} words"
    return None


def _names_cluster(slot: Slot) -> bool:
    """Whether the answer is one of its cluster's names (perhaps with a title before it)."""
    answer = slot.answer.casefold().removeprefix("the ")
    return any(
        answer == n.casefold().removeprefix("the ") or answer.endswith(" " + n.casefold())
        for n in (slot.cluster.names if slot.cluster is not None else [])
    )


def _context_bound(subject: str, analysis: Analysis) -> bool:
    """'the observer', 'the statement': a bare definite noun the passage uses once or twice
    points back into text the student cannot see; 'the king' of a tale recurs and is clear."""
    words = subject.split()
    if (
        len(words) != 2
        or words[0].lower() != "the"
        or not words[1].isalpha()
        or not words[1].islower()
    ):
        return False
    return analysis.mentions(subject) < 3


def key_text(slot: Slot) -> str:
    """The key as options show it: a person's name without the title ('Donald Trump' for
    'President Donald Trump'), a number word in lower case."""
    answer = slot.answer
    if slot.label is Label.PERSON and slot.cluster is not None:
        name = slot.cluster.name
        title = answer[: -len(name)].strip()
        if answer != name and answer.endswith(name) and title and title.lower() != "the":
            return name  # not 'the' of 'the Whale', which the story always says
    if slot.label is Label.CARDINAL and answer[:1].isupper():
        return answer[0].lower() + answer[1:]
    return answer


def _stem(word: str) -> str:
    word = word.lower().strip(".,;:!?\u2019'")
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def echoes(slot: Slot, prompt: str) -> bool:
    """'What became one of the best-selling girl groups?' -> 'the group': the key's head
    noun stands in the question, so the question gives its answer away. Names, numbers,
    dates and causes are not judged so ('Who succeeded Henry?' -> 'Henry's son')."""
    if slot.label or slot.cluster is not None or not slot.tokens:
        return False
    nouns = [t for t in slot.tokens if t.pos_ == "NOUN" and t.dep_ not in {"compound", "pobj"}]
    if not nouns:
        return False
    asked = {_stem(w) for w in prompt.split()}
    return _stem(nouns[-1].text) in asked


_SLOT = re.compile(r"\{(\w+)\}")


def realize(template: Template, values: dict[str, str]) -> str | None:
    """Fill a template's wording; None when it needs a slot the fact does not have."""
    missing = [name for name in _SLOT.findall(template.ask) if name not in values]
    if missing:
        return None
    return grammar.tidy(_SLOT.sub(lambda m: values[m.group(1)], template.ask))


def vague_common_answer(slot: Slot, analysis: Analysis) -> bool:
    """'a president', 'the picture', 'officials': a common noun phrase with nothing to pin
    it down, unless it names something the passage keeps coming back to."""
    if slot.label or slot.cluster is not None or not slot.tokens:
        return False
    content = [t for t in slot.tokens if t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM", "VERB"}]
    first = slot.tokens[0]
    if first.lower_ in {"a", "an"} and len(content) < 3:
        return True
    if first.lower_ == "the" and len(content) == 2 and content[0].pos_ == "NUM":
        return True  # 'the two men': a group the passage named before, not its names
    if len(content) >= 2:
        return False
    if first.dep_ not in {"det", "poss"}:
        return True  # a bare 'officials', 'tides'
    head = content[0] if content else slot.tokens[-1]
    return analysis.mentions(head.text) < 3


def cut_short(slot: Slot) -> bool:
    """'the side of Earth nearest': a noun phrase the parse cut off before its end, which
    a noun, a name, a number or a pronoun ends."""
    return bool(slot.tokens) and slot.tokens[-1].pos_ not in {"NOUN", "PROPN", "NUM", "PRON"}


def explain(
    templates: tuple[Template, ...],
    fact: Fact,
    kind: str,
    analysis: Analysis,
) -> Iterator[tuple[Template, Candidate | None, str]]:
    """For each template of the fact's kind: the candidate it made, or why it made none."""
    found: dict[str, list[Slot]] = {}  # templates asking for the same answer share its slots
    for template in templates:
        if template.fact != kind:
            continue
        if (
            isinstance(fact, Clause)
            and fact.negated
            and fact.verb.lemma_ == "be"
            and not template.condition("negated_copula")
        ):
            yield (
                template,
                None,
                "what a thing is not has too many answers ('What is not a point?')",
            )
            continue
        made = False
        if template.answer not in found:
            found[template.answer] = list(SLOT_FINDERS[kind][template.answer](fact, analysis))
        for slot in found[template.answer]:
            why = failed_condition(template, slot, fact)
            if why is not None:
                yield template, None, why
                made = True
                continue
            prompt = realize(template, slot.values)
            if prompt is None:
                yield template, None, "a slot of its wording is missing"
                made = True
                continue
            if isinstance(fact, Clause) and any(
                p.loose for p in [*fact.parts, *fact.fronted] if p is not slot.removed
            ):
                yield template, None, "an 'it' in the question only its key explains"
                made = True
                continue
            if isinstance(fact, Clause) and fact.attribution:
                # a claim keeps its source: 'According to U.S. officials, who fired ...?'
                prompt = grammar.tidy(
                    f"According to {fact.attribution}, {prompt[0].lower()}{prompt[1:]}"
                )
            if echoes(slot, prompt):
                yield template, None, f"answer {slot.answer!r} repeats the question's words"
                made = True
                continue
            if slot.cluster is not None and not _names_cluster(slot):
                slot = replace(slot, cluster=None)  # 'Fryderyk and his family' is not Fryderyk
            if " and " in slot.answer and slot.label not in {Label.CAUSE, Label.PURPOSE}:
                # two people are not one: no options of names
                slot = replace(slot, label=Label.NONE)
            made = True
            why = failed_filter(template, slot, analysis)
            if why is not None:
                yield template, None, why
                continue
            yield template, _candidate(template, prompt, slot, fact), ""
        if not made:
            yield template, None, f"no {template.answer} in this {kind}"


def failed_filter(template: Template, slot: Slot, analysis: Analysis) -> str | None:
    """The first filter the answer as it will be asked fails, or None. Each is a named
    condition a template may turn off or change (FILTER_DEFAULTS)."""
    if template.condition("vague_answer") is False and vague_common_answer(slot, analysis):
        return f"answer {slot.answer!r} is too vague to ask for"
    if template.condition("cut_answer") is False and cut_short(slot):
        return f"answer {slot.answer!r} stops mid-phrase"
    least = template.condition("min_rest_words")
    if (
        least is not None
        and not slot.label
        and not slot.person
        and len(slot.values.get("rest", "").split()) < int(least)
    ):
        return "too little said of it to tell what is meant"
    if template.condition("counted_answer") is False and slot.tokens and slot.tokens[0].like_num:
        return "a counted answer is asked with how many"
    if template.condition("bound_subject") is False and _context_bound(
        slot.values.get("subject", ""), analysis
    ):
        return f"subject {slot.values['subject']!r} is context-bound"
    return None


def apply(
    templates: tuple[Template, ...], fact: Fact, kind: str, analysis: Analysis
) -> Iterator[Candidate]:
    """Every candidate question the templates make from one fact."""
    for _, candidate, _ in explain(templates, fact, kind, analysis):
        if candidate is not None:
            yield candidate


def _candidate(template: Template, prompt: str, slot: Slot, fact: Fact) -> Candidate:
    return Candidate(
        template=template,
        prompt=prompt,
        answer=key_text(slot),
        paragraph=fact.paragraph,
        sentence=fact.sentence if slot.evidence is None else slot.evidence,
        answer_label=slot.label,
        cluster=slot.cluster,
        answer_tokens=slot.tokens,
        fact=(fact.paragraph, fact.sentence.start, slot.tokens[0].i if slot.tokens else -1),
        clause=fact,
    )

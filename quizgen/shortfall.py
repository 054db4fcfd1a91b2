"""What a quiz could not be made of, in words: a line for each count or kind asked for that the
passage could not give, saying what was made of what was asked, and why. quizgen never pads a
quiz with weak items to reach a count; it says so instead.

Selection (:func:`quizgen.items.select.choose`) reports what it aimed at and found; the words
are here, so the wording can change without touching selection.
"""

from __future__ import annotations

from collections import Counter

from quizgen.items.select import Selection
from quizgen.quiz.model import Kind, Passage, Skill

# (one, many): "3 multiple-choice items", "1 matching exercise"
NAMES = {
    Kind.MULTIPLE_CHOICE: ("multiple-choice item", "multiple-choice items"),
    Kind.SHORT_ANSWER: ("short-answer question", "short-answer questions"),
    Kind.TRUE_FALSE: ("true-or-false statement", "true-or-false statements"),
    Kind.FILL_BLANK: ("fill-in-the-blank sentence", "fill-in-the-blank sentences"),
    Kind.MATCHING: ("matching exercise", "matching exercises"),
}
QUESTIONS = ("question", "questions")  # multiple choice and short answer asked together
SHORT = {  # kind -> how the summary of a quiz names it
    Kind.MULTIPLE_CHOICE: "multiple choice",
    Kind.SHORT_ANSWER: "short answer",
    Kind.TRUE_FALSE: "true or false",
    Kind.FILL_BLANK: "fill in the blank",
    Kind.MATCHING: "matching",
}

# why a kind falls short: what the passage lacks for it
OPTIONS = (
    "the passage names too few other people, places, dates or numbers of the same kind to "
    "give {which} questions three wrong options (with short_answer in --kinds they are asked "
    "without options)"
)
WHY = {
    Kind.MULTIPLE_CHOICE: (
        "the passage has no more sentences that say who did what, where, when or how many "
        "in a way a question can ask"
    ),
    Kind.TRUE_FALSE: "the passage states no more facts plainly enough to make true or false",
    Kind.FILL_BLANK: (
        "the passage has no more sentences with a name, a number or a key word worth blanking"
    ),
    Kind.MATCHING: (
        "the passage names fewer than three people with a role (as in 'Mark Esper, the "
        "Defense Secretary') and dates fewer than three events"
    ),
}
WHY[Kind.SHORT_ANSWER] = WHY[Kind.MULTIPLE_CHOICE]


def _count(n: int, names: tuple[str, str]) -> str:
    return f"{n} {names[0] if n == 1 else names[1]}"


def _made(selection: Selection) -> Counter:
    return Counter(item.kind for item in selection.items)


def _short(selection: Selection, kinds: tuple[Kind, ...]) -> list[tuple[Kind, str, int, int]]:
    """(kind, its name, planned, made) for each kind, or the questions together, made fewer
    times than planned, in the order of ``Kind``."""
    made = _made(selection)
    both = Kind.MULTIPLE_CHOICE in kinds and Kind.SHORT_ANSWER in kinds
    out = []
    for kind, planned in selection.planned.items():
        if kind not in kinds:
            continue
        got = made[kind] + (made[Kind.SHORT_ANSWER] if both else 0)
        names = QUESTIONS if both and kind is Kind.MULTIPLE_CHOICE else NAMES[kind]
        if kind is Kind.MATCHING:
            got = int(selection.matched)
        if got < planned:
            out.append((kind, names[1], planned, got))
    return sorted(out, key=lambda row: list(Kind).index(row[0]))


def _why(kind: Kind, selection: Selection, kinds: tuple[Kind, ...]) -> str:
    """What the passage lacks for a kind."""
    if kind is Kind.MULTIPLE_CHOICE and selection.lacking_options:
        if Kind.SHORT_ANSWER not in kinds:
            which = "more of its" if _made(selection)[kind] else "its"
            return OPTIONS.format(which=which)
    return WHY[kind]


SKILL_SOURCES = {
    Skill.CAUSE: "a why or how question needs a cause, purpose or means the passage states",
    Skill.SEQUENCE: "an ordering item needs four events told in order or dated",
    Skill.VOCABULARY: "a vocabulary item needs a word the passage explains",
    Skill.EVIDENCE: "a two-part item needs a question with three sentences that look like "
    "its proof and are not",
}


def _skills_line(skills: tuple[Skill, ...], how_many: str = "few") -> str:
    """What the skills beyond detail need of a passage, for a line saying why there are few
    items of them (or none)."""
    asked = ", ".join(s.value for s in skills)
    needs = "; ".join(SKILL_SOURCES[s] for s in skills if s in SKILL_SOURCES)
    return f"the passage supports {how_many} items of the skills asked for ({asked}): {needs}"


def notes(
    selection: Selection,
    passage: Passage,
    kinds: tuple[Kind, ...],
    *,
    count_asked: bool,
    kinds_asked: bool,
    skills: tuple[Skill, ...] = (),
) -> list[str]:
    """A line for each thing asked for that the quiz has fewer of: each kind (when ``--kinds``
    was given), else the count (when ``-n`` was, and no kind's line says it already)."""
    name = passage.file or "passage"
    made = _made(selection)
    total = len(selection.items)
    out = []
    short = _short(selection, kinds) if kinds_asked else []
    if count_asked and total < selection.wanted and not short:
        mix = ", ".join(f"{made[k]} {SHORT[k]}" for k in Kind if made[k])
        why = (
            "a quiz has one matching exercise, of up to six pairs"
            if set(kinds) == {Kind.MATCHING}
            else f"the {passage.words:,}-word passage gives no more without asking a fact twice "
            "or giving another item's answer away; quizgen does not pad a quiz with weak items"
        )
        out.append(
            f"{name}: made {total} item{'' if total == 1 else 's'} of the {selection.wanted} "
            f"asked ({mix}): {why}"
        )
    if skills and Skill.DETAIL not in skills:
        # items of the skills beyond detail only: as many as the passage supports, one a skill
        return [f"{name}: made {total} item{'' if total == 1 else 's'}: {_skills_line(skills)}"]
    if not count_asked and not kinds_asked and total < selection.wanted:
        why = (
            "the others it could make are items reviewers would likely not hand out unchanged"
            if selection.held_back
            else "it found no more facts to ask about without asking one twice"
        )
        out.append(
            f"{name}: made {total} item{'' if total == 1 else 's'}, fewer than the "
            f"{selection.wanted} a {passage.words:,}-word passage usually gives: {why}; "
            "quizgen does not pad a quiz with weak items"
        )
    for kind, _, planned, got in short:
        alone = count_asked and planned == selection.wanted  # the kind is all that was asked
        if kind is Kind.MATCHING:
            out.append(f"{name}: made no matching exercise: {WHY[kind]}")
            continue
        names = QUESTIONS if kind is Kind.MULTIPLE_CHOICE and len(_questions(kinds)) > 1 else None
        names = names or NAMES[kind]
        counted = set(_questions(kinds)) if names is QUESTIONS else {kind}
        others = [_count(made[k], NAMES[k]) for k in Kind if made[k] and k not in counted]
        rest = ""
        if others and total >= selection.wanted:
            rest = f" ({' and '.join(others)} make up the {total})"
        elif others:
            rest = f" (and {' and '.join(others)})"
        out.append(
            f"{name}: made {_count(got, names)} of the {planned} "
            f"{'asked' if alone else 'planned'}{rest}: {_why(kind, selection, kinds)}"
        )
    return out


def _questions(kinds: tuple[Kind, ...]) -> list[Kind]:
    return [k for k in (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER) if k in kinds]


def nothing(
    selection: Selection,
    passage: Passage,
    kinds: tuple[Kind, ...],
    *,
    kinds_asked: bool,
    skills: tuple[Skill, ...] = (),
) -> str:
    """Why no item at all could be made (of the kinds, or the reading skills, asked for), in
    one line."""
    name = passage.file or "passage"
    if skills and Skill.DETAIL not in skills:
        return f"{name}: {_skills_line(skills, 'no')}; ask for detail too, or leave out --skills"
    short = _short(selection, kinds) if kinds_asked else []
    if not short:
        return (
            f"{name}: found nothing to ask about; is it a passage of English prose at least a "
            "paragraph long?"
        )
    what = " or ".join(
        "a matching exercise" if kind is Kind.MATCHING else f"any {names}"
        for kind, names, _, _ in short
    )
    why = "; ".join(dict.fromkeys(_why(kind, selection, kinds) for kind, *_ in short))
    return f"{name}: could not make {what}: {why}"

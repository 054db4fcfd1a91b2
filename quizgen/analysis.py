"""Analysis beyond the raw parse: entity clusters, roles from appositives and titles, and a
safe pronoun resolver.

A passage is parsed one paragraph per ``Doc`` (so evidence never crosses a paragraph); the
analysis ties mentions of one entity together across all of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

# entity types that name things a question can be about; numbers and dates are handled apart
NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW",
              "PRODUCT", "LANGUAGE"}
NUMBER_TYPES = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
TIME_TYPES = {"DATE", "TIME"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}

# honorifics and ranks that come before a name and are not part of it
TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "st",
    "saint", "rev", "maj", "gen", "col", "lt", "capt", "sgt", "adm", "cmdr", "gov", "sen", "rep",
    "pres", "president", "king", "queen", "prince", "princess", "ayatollah", "general", "major",
    "captain", "colonel", "admiral", "sheikh", "pope", "emperor", "empress", "duke", "duchess",
    "count", "countess", "baron", "judge", "justice", "senator", "governor", "chancellor",
    "minister", "secretary", "administrator", "director", "chief", "commander", "doctor",
}
_NAME_TOKEN = re.compile(r"[\w'\u2019.-]+")


def name_key(text: str) -> tuple[str, ...]:
    """Words of a name for matching mentions: case-folded, without titles, 'the' and "'s"."""
    words = [w.strip(".").casefold() for w in _NAME_TOKEN.findall(text)]
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in words]
    words = [w for w in words if w and w not in {"the", "'s", "\u2019s"}]
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words = words[1:]
    return tuple(words)


def clean_mention(span: Span) -> str:
    """A mention's text without a leading 'the' or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if tokens and tokens[0].lower_ == "the" and span.label_ in {"PERSON"}:
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip()


@dataclass(slots=True)
class Cluster:
    """All mentions of one entity in the passage."""

    id: int
    key: tuple[str, ...]  # the name words of the longest mention
    mentions: list[Span] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)  # from appositives and titles

    @property
    def label(self) -> str:
        """The entity type most of its mentions have (first seen wins a tie)."""
        return self.labels.most_common(1)[0][0] if self.labels else ""

    @property
    def names(self) -> list[str]:
        """Distinct surface forms, longest first."""
        seen: dict[str, None] = {}
        for m in sorted(self.mentions, key=lambda s: (-len(clean_mention(s)), s.start)):
            seen.setdefault(clean_mention(m), None)
        return [n for n in seen if n]

    @property
    def name(self) -> str:
        """The fullest name without a title: 'Qasem Soleimani' rather than 'Soleimani'."""
        names = self.names
        untitled = [n for n in names if name_key(n) == self.key and not _has_title(n)]
        return (untitled or names or [" ".join(self.key)])[0]

    @property
    def short(self) -> str:
        """The shortest frequent name: 'Soleimani'."""
        names = self.names
        return names[-1] if names else self.name

    @property
    def salience(self) -> int:
        """How often the passage mentions it."""
        return len(self.mentions)


def _has_title(text: str) -> bool:
    first = text.split()[0].strip(".").casefold() if text.split() else ""
    return first in TITLE_WORDS and len(text.split()) > 1


@dataclass(slots=True)
class Analysis:
    """A parsed passage: one Doc per paragraph, entity clusters, and lookups into them."""

    docs: list[Doc]
    clusters: list[Cluster]
    by_token: dict[tuple[int, int], Cluster]  # (paragraph, token index) -> cluster

    def cluster_of(self, paragraph: int, token: Token) -> Cluster | None:
        """The cluster a token's entity belongs to, if any."""
        return self.by_token.get((paragraph, token.i))

    def clusters_of(self, label: str | Iterable[str]) -> list[Cluster]:
        """Clusters of the given type(s), most mentioned first."""
        labels = {label} if isinstance(label, str) else set(label)
        found = [c for c in self.clusters if c.label in labels]
        return sorted(found, key=lambda c: (-c.salience, c.id))

    def mentions(self, text: str) -> int:
        """How often a phrase occurs in the passage (case-insensitive, on word boundaries)."""
        pattern = re.compile(r"(?<!\w)" + re.escape(text.casefold()) + r"(?!\w)")
        return sum(len(pattern.findall(d.text.casefold())) for d in self.docs)


def _mentions(docs: Sequence[Doc]) -> list[tuple[int, Span]]:
    return [(n, ent) for n, doc in enumerate(docs) for ent in doc.ents
            if ent.label_ in NAME_TYPES and name_key(ent.text)]


def cluster_entities(docs: Sequence[Doc]) -> tuple[list[Cluster], dict[tuple[int, int], Cluster]]:
    """Group mentions of one entity: 'Maj. Gen. Qasem Soleimani', 'Qasem Soleimani', 'Soleimani'.

    Longer names come first; a shorter one joins the one cluster whose name holds all its
    words. A short name that fits several clusters ('Smith' for two Smiths) stays apart.
    """
    mentions = _mentions(docs)
    keys = sorted({name_key(m.text) for _, m in mentions}, key=lambda k: (-len(k), k))
    clusters: list[Cluster] = []
    home: dict[tuple[str, ...], Cluster | None] = {}
    for key in keys:
        fits = [c for c in clusters if set(key) <= set(c.key) and len(key) < len(c.key)]
        if len(fits) == 1:
            home[key] = fits[0]
        else:
            cluster = Cluster(id=len(clusters), key=key)
            clusters.append(cluster)
            home[key] = cluster
    by_token: dict[tuple[int, int], Cluster] = {}
    for n, mention in mentions:
        cluster = home[name_key(mention.text)]
        cluster.mentions.append(mention)
        cluster.labels[mention.label_] += 1
        for token in mention:
            by_token[(n, token.i)] = cluster
    clusters = [c for c in clusters if c.mentions]
    return clusters, by_token


# roles: "Mark Dubowitz, the chief executive of ..."; "Defense Secretary Mark Esper"
ROLE_DEPS = {"appos"}


def _np_text(head: Token) -> str:
    """A noun phrase's words, without a relative clause, a nested appositive or punctuation."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in {"relcl", "appos", "acl", "punct", "cc", "conj"}:
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in skip]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip()


def find_roles(analysis: Analysis) -> None:
    """Attach roles from appositives and pre-name titles to PERSON clusters."""
    for n, doc in enumerate(analysis.docs):
        for token in doc:
            cluster = analysis.cluster_of(n, token)
            if cluster is None or cluster.label != "PERSON" or token.ent_iob_ == "I":
                continue
            ent = next(e for e in doc.ents if e.start <= token.i < e.end)
            head = ent.root
            # "X, the chief executive of Y": a common-noun appositive of the name
            for child in head.children:
                if child.dep_ in ROLE_DEPS and child.pos_ == "NOUN" and child.ent_type_ == "":
                    _add_role(cluster, _np_text(child))
            # "the chief executive of Y, X": the name is the appositive of a common noun
            if head.dep_ in ROLE_DEPS and head.head.pos_ == "NOUN" and head.head.ent_type_ == "":
                _add_role(cluster, _np_text(head.head))
            # "Defense Secretary Mark Esper": capitalized title words just before the name
            title = []
            i = ent.start - 1
            while i >= 0 and doc[i].dep_ == "compound" and doc[i].head.i in range(ent.start, ent.end) \
                    and doc[i].is_title and not doc[i].ent_type_:
                title.insert(0, doc[i].text)
                i -= 1
            if title and not (len(title) == 1 and title[0].strip(".").casefold() in TITLE_WORDS
                              and title[0].endswith(".")):
                _add_role(cluster, " ".join(title))


def _add_role(cluster: Cluster, role: str) -> None:
    words = role.split()
    if 1 <= len(words) <= 12 and role not in cluster.roles and role.casefold() not in {
            "one", "the one", "man", "woman", "the man", "the woman"}:
        cluster.roles.append(role)


def analyze(docs: Sequence[Doc]) -> Analysis:
    """Cluster entities and find roles across a passage's paragraph docs."""
    clusters, by_token = cluster_entities(docs)
    analysis = Analysis(docs=list(docs), clusters=clusters, by_token=by_token)
    find_roles(analysis)
    return analysis


def resolve_pronoun(analysis: Analysis, paragraph: int, token: Token) -> Cluster | None:
    """The person a he/she/him/her/his refers to, only where that is safe.

    Safe means: the candidates are the PERSON clusters mentioned earlier in the same sentence
    and in the sentence before it, in the same paragraph, and there is exactly one.
    """
    if token.lower_ not in PERSONAL_PRONOUNS:
        return None
    doc = token.doc
    sent = token.sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    found = {id(c): c for t in doc[start:token.i]
             if (c := analysis.cluster_of(paragraph, t)) is not None and c.label == "PERSON"}
    return next(iter(found.values())) if len(found) == 1 else None

"""Is this English prose? A cheap test on function words, before any parsing."""

from __future__ import annotations

import re

# the commonest English function words: any English prose is full of them
FUNCTION_WORDS = frozenset(
    """
the of and to a in is was that for it with as on be at by he she his her this from had have
are were not but or an they which you one all their there been has would will we if when who
what so its them him our into than then out up about can no some could more other only over
after did do also any these two first how said may most such even those through many where
""".split()
)

# function words of other languages in the Latin script that are not English words: a text
# that has more of one language's than of English's is that language (Dutch, for one, shares
# 'in', 'is', 'was', 'had' and 'over' with English, and would pass on those alone)
OTHER_FUNCTION_WORDS = {
    "German": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem ich er "
    "sie es wir ihr auch als wie aus bei nach noch nur oder aber wenn schon wird",
    "Dutch": "de het een en van dat op te zijn voor met niet aan er maar om hij ook als bij uit "
    "dan nog naar kan wel ze zich hun werd",
    "French": "le la les de des du un une et est pas que qui dans pour sur avec il elle ne se ce "
    "au aux son sa ses mais ou où nous vous ils sont été",
    "Spanish": "el la los las de del un una y es que en por con para se su sus al lo como pero "
    "más muy está fue",
    "Italian": "il lo la gli le di del della un una e è che non per con si da al nel ma come più "
    "anche sono",
    "Portuguese": "o os as de do da dos das um uma e é que não em por com para se no na ao mas "
    "como mais foi",
    "Scandinavian": "och att det som en på är av för med till den har inte om ett men var jag "
    "han hon og er af ikke til med også",
}
OTHER_WORDS = {
    language: frozenset(words.split()) - FUNCTION_WORDS
    for language, words in OTHER_FUNCTION_WORDS.items()
}
MIN_SHARE = 0.12  # English prose runs at 0.35-0.5; a list of names or numbers near 0


def share(words: list[str], vocabulary: frozenset[str]) -> float:
    """The share of ``words`` found in ``vocabulary``."""
    return sum(w in vocabulary for w in words) / len(words) if words else 0.0


def looks_english(text: str) -> bool:
    """Whether at least one word in eight is a common English function word, and no other
    language's function words are more common."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    english = share(words, FUNCTION_WORDS)
    if len(words) < 8:
        return english > 0
    return english >= MIN_SHARE and all(
        english > share(words, other) for other in OTHER_WORDS.values()
    )

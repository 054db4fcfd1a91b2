"""Is this English prose? A cheap test on function words, before any parsing."""

from __future__ import annotations

import re

# the commonest English function words: any English prose is full of them
FUNCTION_WORDS = frozenset("""
the of and to a in is was that for it with as on be at by he she his her this from had have
are were not but or an they which you one all their there been has would will we if when who
what so its them him our into than then out up about can no some could more other only over
after did do also any these two first how said may most such even those through many where
""".split())


def looks_english(text: str) -> bool:
    """Whether at least one word in eight is a common English function word."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 8:
        return bool(words) and any(w in FUNCTION_WORDS for w in words)
    share = sum(w in FUNCTION_WORDS for w in words) / len(words)
    return share >= 0.12

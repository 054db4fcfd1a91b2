"""Build ``data/noun_classes.txt`` from WordNet 3.0's noun files (a development tool).

    python -m quizgen.text.wordnet_table /usr/share/wordnet   # Debian's wordnet-base package

For every single-word noun that occurs at least once in WordNet's sense-tagged texts (the
common ones, about ten thousand), the hypernym chains of its two most frequent senses, from
'entity' down, each synset written as a number. Wrong options of a common noun phrase are
drawn from nouns that share a deep ancestor with the key ('planks' and 'chimneys' beside
'pebbles': objects; not 'the midst'), and no option is the key's hypernym or hyponym. The
table is read at run time; nothing is downloaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "noun_classes.txt"
SENSES = 2
# the licence of WordNet 3.0, which every table derived from it carries
WORDNET_LICENCE = """\
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided that
# you agree to comply with the following copyright notice and statements, including the
# disclaimer, and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS
# FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
# RIGHTS. The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to copyright
# in this software, database and any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
"""
NOTICE = (
    """\
# noun -> hypernym chains of its most frequent senses, derived from WordNet 3.0 by
# quizgen/text/wordnet_table.py. Each chain is synset numbers joined by '.', from 'entity' down.
#
"""
    + WORDNET_LICENCE
)


def _hypernyms(folder: Path) -> dict[str, str | None]:
    """synset offset -> its first hypernym's offset (None at the top)."""
    up: dict[str, str | None] = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split(" | ")[0].split()
        count = int(parts[3], 16)
        k = 4 + 2 * count
        pointers = [parts[k + 1 + 4 * i : k + 5 + 4 * i] for i in range(int(parts[k]))]
        up[parts[0]] = next((p[1] for p in pointers if p[0] in {"@", "@i"}), None)
    return up


def build(folder: Path) -> str:
    """The table's text."""
    up = _hypernyms(folder)
    numbers: dict[str, int] = {}
    lines = [NOTICE.rstrip("\n")]
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma, pointers = parts[0], int(parts[3])
        tagged, offsets = int(parts[5 + pointers]), parts[6 + pointers :]
        if tagged < 1 or not lemma.replace("-", "").isalpha():
            continue
        chains = []
        for offset in offsets[:SENSES]:
            chain, seen = [], offset
            while seen is not None:
                chain.append(numbers.setdefault(seen, len(numbers)))
                seen = up[seen]
            chains.append(".".join(map(str, reversed(chain))))
        lines.append(f"{lemma} {' '.join(chains)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")))

"""The floor under every stage: the one exception, atomic writes, text comparison, shipped files."""

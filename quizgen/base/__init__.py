"""The floor under every stage: the one exception, atomic writes, where shipped files live."""

"""quizgen: reading-comprehension quizzes from a passage, offline."""

__version__ = "0.1.0"  # the one place: pyproject.toml reads it from here (tool.hatch.version)

"""quizgen: reading-comprehension quizzes from a passage, offline."""

__version__ = "0.1.0"

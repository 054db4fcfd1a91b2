"""The one exception quizgen raises for a bad input, a bad quiz file or a bad option."""


class QuizgenError(Exception):
    """A problem the user can fix; the CLI prints it as one line and exits 1."""

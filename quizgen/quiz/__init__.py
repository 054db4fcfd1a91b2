"""The quiz, the vocabulary every stage speaks: the model, the quiz file (quizgen/1), forms."""

"""What the passage says: spaCy loading, what words and names are, grammar, analysis, facts."""

"""Full-text search of records' texts in every language: one normalization (normalize.py),
matching and relevance per backend (match.py), relevance-ordered pages (ranking.py)."""

"""Passage files in (txt, md, html, docx, pdf), a Passage out; the is-it-English check."""

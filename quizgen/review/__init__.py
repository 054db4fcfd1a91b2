"""The review app (``quizgen review``): a page in the teacher's own browser to keep, drop, fix
and export a quiz file's items, with each item's evidence lit up in the passage.

``edits`` (pure changes to the quiz file's data), ``store`` (validated, atomic saving, undo),
``page`` (what the page shows), ``app`` (the Starlette routes and their guard), ``server`` (the
port, the address, uvicorn). A driver on top: it imports the quiz file and exporters below it.
"""

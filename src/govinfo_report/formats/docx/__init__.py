"""The .docx form: the contract (``contract``), the writer in the national layout (``writer``).

``contract`` is pure data shared with the .docx reader; ``writer`` and its OOXML helpers
need python-docx, which is loaded only when a .docx is written.
"""

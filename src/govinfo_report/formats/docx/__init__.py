"""The .docx form: the writer in the national layout (``writer``) and its OOXML helpers.

This package needs python-docx; it is loaded only when a .docx is written.
"""

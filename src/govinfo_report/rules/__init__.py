"""The rules: the arithmetic of the format as data (``catalogue``) and the verbs that apply it.

``catalogue`` holds every rule (code, official wording, the cells it sums) and evaluates
them on cell values; ``checks`` holds ``check``, ``is_consistent`` and ``validate``.
This package imports the model, ``cells`` and ``findings``; nothing here reads or writes files.
"""

"""The rules: the catalogue of codes and the arithmetic of the format as data, and the verbs.

``codes.csv`` is the catalogue of every rule this library reports, one row per rule (code,
severity, title and message template in Chinese and English), loaded as
:data:`govinfo_report.findings.RULES`; ``catalogue`` holds the arithmetic (the cells each
sum rule adds up) and evaluates it on cell values; ``checks`` holds ``check``,
``is_consistent`` and ``validate``. Nothing here reads or writes the user's files.
"""

"""Reports as published: the record with its slips (``record``), the readers, and the audit.

A reader turns a document (web page, text, .docx) into a ``PublishedReport`` that keeps
every cell as printed; ``audit`` checks it; ``PublishedReport.to_report()`` makes the
``AnnualReport`` when the tables are sound.
"""

"""The .xlsx form: a workbook to fill in and the filled workbook (``writer``), and its layout.

Writing needs openpyxl, loaded only when a workbook is written; the layout is plain data.
"""

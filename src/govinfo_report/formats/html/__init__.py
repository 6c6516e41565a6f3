"""The web form: the report as a page that carries its own data (``writer``).

Standard library only: importing it loads neither python-docx nor lxml.
"""

"""Tools over many reports: aggregation, year-to-year continuity, comparison, copied text."""

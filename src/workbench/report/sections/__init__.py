"""The sections of the regio-analyse, one module each, numbered as in the report.

Every module has ``compute(...)`` (the section's data: tables, key numbers, chart data; no prose) and
``render(section)`` (its HTML; no arithmetic). See :mod:`workbench.report.sections.base`.
"""

"""Rendering the report: formats, HTML parts, charts, texts, sections, the notebooks' façades."""

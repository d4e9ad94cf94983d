"""Render: analysis results as text for documents (tables in every format, reports)."""

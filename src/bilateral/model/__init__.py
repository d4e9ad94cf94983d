"""The model: typed, frozen records for what sources say about a partnership.

Nothing here knows about files, tables or terminals.
"""

"""Analysis: the questions the library exists for, answered as typed records.

Every function here is pure and deterministic, and returns attrs records in a
stable order, for scripts and tables to consume.
"""

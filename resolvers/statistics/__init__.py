"""Statistics: verified hours, active volunteers, applications and completed participations,
filtered and grouped, read from rollups kept by the writes that change them, and protected
against re-identification wherever a caller is not the tenant's own staff.

    rollups.py     the rollup tables kept in each write's transaction, and their rebuild
    facts.py       the facts of the rollups, computed from hours entries and applications
    keys.py        the record keys and noise multipliers (derived from the deployment's keys)
    calendar.py    months and segments (ISO weeks cut at month ends), in SQL and in Python
    question.py    a question checked: metrics, grouping, tenants, period, filters
    policy.py      who sees what: exact, protected or public (docs/statistics.md)
    reading.py     the true tallies of a question's cells, from the rollups
    protection.py  suppression of small cells, the "other" cell, consistent perturbation
    labels.py      the cells' keys labelled in the served language
    queries.py     the `statistics` query, from question to answer
"""

"""Writing in UK English: spelling (Hunspell with the shipped en_GB and cy_GB dictionaries),
words GOV.UK asks writers to avoid, repeated words and reading ease.

Plain functions and classes over plain text, used by the checks table (briefing check, build,
the app's checks panel) and by the app's underlining as the officer types. Qt-free.
"""

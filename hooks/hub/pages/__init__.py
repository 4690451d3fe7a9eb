"""What each page shows: listings, generated pages, the front page, record pages, the translations
report, and the links from a page to its source.
"""

"""The MkDocs build: the state it shares between language builds, language builds side by side, the
search index, the staged output and the preview under `mkdocs serve`.
"""

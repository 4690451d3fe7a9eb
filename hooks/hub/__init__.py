"""Chengdu Global Hub: content model, validation and page generation for the MkDocs build."""

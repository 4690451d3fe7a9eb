"""The editors' commands (`python -m hub …`: check, new, translations, schema, report) and the checks
they run without building.
"""

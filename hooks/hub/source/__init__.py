"""The content model: records, pages and UI strings as editors and translators write them, loaded and
checked once with every problem collected, the settings they are read with, and the facts derived
from them (status, relations, reading time, pictures and their variants).
"""

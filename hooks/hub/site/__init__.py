"""What every page carries: the renderer of the hub's templates and the views it is given, dates and
times in each language, the page frame, what a page tells search engines and link previews, its
language versions and its subscribe control.
"""

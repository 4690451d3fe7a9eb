"""Pictures the hub draws itself: social cards, maps of the partner cities, QR codes, and where they go
into a page.
"""

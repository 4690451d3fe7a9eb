"""Feeds, calendars and OPML files: what a subscriber's reader or calendar app gets."""

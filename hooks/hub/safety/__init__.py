"""What the hub reads from editors and lets out, kept safe: YAML read without losing or changing
anything, no symbolic links, slugs, the allowlist of what docs/ publishes, lead images' originals,
and page HTML through an allowlist.
"""

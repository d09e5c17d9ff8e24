"""The importer: a first draft of a .budsjett file from a proposal document (text, Markdown,
Word or PDF), every figure placed in an entry or marked for review."""

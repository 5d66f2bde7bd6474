"""Stage 4 — extractors: pure functions from an article body (and its
publication date) to rows. One module per extractor."""

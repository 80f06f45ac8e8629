"""Cleaning: decoding, boilerplate removal, metadata, language and duplicates (see `article.clean`)."""

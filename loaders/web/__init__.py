"""Releases over HTTP: a polite fetcher, discovery of release URLs in feeds, sitemaps and
listing pages, a fetched page -> Release, the sources file, and the sync state."""

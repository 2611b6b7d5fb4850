"""dipgraph: foreign-ministry releases to a knowledge graph of diplomatic relations."""

from dipgraph.version import __version__

__all__ = ["__version__"]

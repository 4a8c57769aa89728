"""digest: turn a pile of feeds into a daily three-block news digest email."""

__version__ = "0.1.0"

"""Plover stroke captions plugin."""

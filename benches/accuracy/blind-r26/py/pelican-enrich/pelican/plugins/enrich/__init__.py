"""Pelican namespace plugin: link previews + search index.

Enable in pelicanconf.py:

    PLUGINS = ["pelican.plugins.enrich"]
    ENRICH_PREVIEW_API = "https://preview.internal.example.com/v1/unfurl"
    ENRICH_INDEX_URL = "postgresql+psycopg2://blog:blog@db.internal:5432/blog"
"""
from pelican import signals

from .enrich import add_link_previews
from .index import configure_index, index_article, report_index


def register():
    # Called once when Pelican loads the plugin.
    signals.initialized.connect(configure_index)
    signals.content_object_init.connect(add_link_previews)
    signals.article_generator_write_article.connect(index_article)
    signals.finalized.connect(report_index)

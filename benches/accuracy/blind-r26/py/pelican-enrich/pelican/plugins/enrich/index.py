import logging

from sqlalchemy import create_engine, text

log = logging.getLogger(__name__)

_engine = None
_stats = {"indexed": 0, "skipped": 0}

UPSERT = text(
    """
    INSERT INTO articles (slug, title, category, tags, published, body)
    VALUES (:slug, :title, :category, :tags, :published, :body)
    ON CONFLICT (slug) DO UPDATE
       SET title = EXCLUDED.title,
           category = EXCLUDED.category,
           tags = EXCLUDED.tags,
           published = EXCLUDED.published,
           body = EXCLUDED.body
    """
)


def configure_index(pelican):
    """initialized: once per Pelican run."""
    global _engine
    url = pelican.settings.get("ENRICH_INDEX_URL")
    if not url:
        log.info("ENRICH_INDEX_URL not set, search indexing disabled")
        return
    if _engine is None:
        _engine = create_engine(url, pool_size=2, max_overflow=0, pool_pre_ping=True)


def index_article(generator, content):
    """article_generator_write_article: once per article written."""
    if _engine is None:
        return
    if content.status != "published":
        _stats["skipped"] += 1
        return

    conn = _engine.connect()
    conn.execute(
        UPSERT,
        {
            "slug": content.slug,
            "title": content.title,
            "category": str(content.category),
            "tags": [str(t) for t in getattr(content, "tags", [])],
            "published": content.date,
            "body": content.content,
        },
    )
    conn.commit()
    _stats["indexed"] += 1


def report_index(pelican):
    """finalized: once per run."""
    log.info("search index: %(indexed)d indexed, %(skipped)d skipped", _stats)
    if _engine is not None:
        with _engine.connect() as conn:
            total = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        log.info("search index now holds %d articles", total)

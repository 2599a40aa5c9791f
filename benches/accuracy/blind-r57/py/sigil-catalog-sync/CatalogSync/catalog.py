"""Catalog database and cover storage used by the CatalogSync plugin.

Sigil starts a fresh Python process for every plugin run, so run() opens
one connection and one S3 client per run and closes them before exiting.
"""
import re

import boto3
import psycopg2

UPSERT_TITLE = """
    INSERT INTO titles (isbn, title, authors, language, updated_at)
    VALUES (%s, %s, %s, %s, now())
    ON CONFLICT (isbn) DO UPDATE SET
        title = EXCLUDED.title, authors = EXCLUDED.authors,
        language = EXCLUDED.language, updated_at = now()
    RETURNING id
"""

REPLACE_CHAPTERS_DELETE = "DELETE FROM title_chapters WHERE title_id = %s"
REPLACE_CHAPTERS_INSERT = (
    "INSERT INTO title_chapters (title_id, position, href, words) VALUES (%s, %s, %s, %s)"
)

_TAGS = re.compile(r"<[^>]+>")
_WORDS = re.compile(r"\w+", re.UNICODE)


def open_catalog(prefs):
    return psycopg2.connect(
        host=prefs["db_host"],
        dbname=prefs["db_name"],
        user=prefs["db_user"],
        password=prefs["db_password"],
        connect_timeout=10,
        application_name="sigil-catalogsync",
    )


def open_cover_store(prefs):
    session = boto3.session.Session(profile_name=prefs.get("aws_profile") or None)
    return session.client("s3", region_name=prefs["s3_region"])


def word_count(xhtml):
    body = xhtml.split("<body", 1)[-1]
    return len(_WORDS.findall(_TAGS.sub(" ", body)))


def save_title(cur, meta, chapters):
    cur.execute(UPSERT_TITLE, (meta["isbn"], meta["title"],
                               meta["authors"], meta["language"]))
    title_id = cur.fetchone()[0]
    cur.execute(REPLACE_CHAPTERS_DELETE, (title_id,))
    cur.executemany(REPLACE_CHAPTERS_INSERT,
                    [(title_id, pos, href, words) for pos, (href, words) in enumerate(chapters)])
    return title_id

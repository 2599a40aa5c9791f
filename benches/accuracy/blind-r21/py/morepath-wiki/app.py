"""Morepath app: pages are models published on paths, rendered by JSON views."""
from __future__ import annotations

import os

import morepath
import redis
from sqlalchemy import select
from webob.exc import HTTPConflict

from db import PageRow, SessionLocal

REDIS_HOST = os.environ.get("REDIS_HOST", "redis.internal")


class App(morepath.App):
    pass


class PageCollection:
    def __init__(self, views: redis.Redis, limit: int):
        self.views = views
        self.limit = limit


class Page:
    def __init__(self, slug: str, title: str, body: str, revision: int):
        self.slug = slug
        self.title = title
        self.body = body
        self.revision = revision


@App.path(model=PageCollection, path="pages")
def get_pages(limit: int = 50) -> PageCollection:
    views = redis.Redis(host=REDIS_HOST, port=6379, db=2, decode_responses=True)
    return PageCollection(views, min(limit, 200))


@App.path(model=Page, path="pages/{slug}")
def get_page(slug: str) -> Page | None:
    session = SessionLocal()
    row = session.get(PageRow, slug)
    if row is None:
        return None
    page = Page(row.slug, row.title, row.body, row.revision)
    session.close()
    return page


@App.json(model=PageCollection)
def list_pages(self: PageCollection, request: morepath.Request) -> dict:
    with SessionLocal() as session:
        rows = session.scalars(
            select(PageRow).order_by(PageRow.updated_at.desc()).limit(self.limit)
        ).all()
    counts = self.views.mget([f"views:{r.slug}" for r in rows]) if rows else []
    return {
        "pages": [
            {
                "slug": r.slug,
                "title": r.title,
                "link": request.link(Page(r.slug, r.title, "", r.revision)),
                "views": int(c or 0),
            }
            for r, c in zip(rows, counts)
        ]
    }


@App.json(model=PageCollection, request_method="POST")
def create_page(self: PageCollection, request: morepath.Request) -> dict:
    data = request.json
    with SessionLocal.begin() as session:
        session.add(
            PageRow(
                slug=data["slug"],
                title=data["title"],
                body=data.get("body", ""),
                updated_by=request.headers.get("X-Remote-User", "anonymous"),
            )
        )

    @request.after
    def created(response):
        response.status = 201

    return {"slug": data["slug"]}


@App.json(model=Page)
def show_page(self: Page, request: morepath.Request) -> dict:
    return {"slug": self.slug, "title": self.title, "body": self.body, "revision": self.revision}


@App.json(model=Page, request_method="PUT")
def update_page(self: Page, request: morepath.Request) -> dict:
    data = request.json
    with SessionLocal.begin() as session:
        row = session.get(PageRow, self.slug, with_for_update=True)
        if row is None or row.revision != data.get("revision"):
            raise HTTPConflict("page was changed by someone else")
        row.title = data.get("title", row.title)
        row.body = data.get("body", row.body)
        row.revision += 1
        row.updated_by = request.headers.get("X-Remote-User", "anonymous")
        revision = row.revision
    return {"slug": self.slug, "revision": revision}

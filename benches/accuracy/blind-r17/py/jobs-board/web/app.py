from fasthtml.common import Button, Form, Input, Li, Redirect, Titled, Ul, fast_app, serve
from sqlalchemy import text

from common.db import make_engine

engine = make_engine("web")
app, rt = fast_app()


@rt("/")
def get():
    with engine.connect() as conn:
        rows = conn.execute(text("select id, title, status from jobs order by id desc limit 50")).all()
    return Titled(
        "Jobs",
        Form(Input(name="title", placeholder="What needs doing?"), Button("Queue"), method="post", action="/jobs"),
        Ul(*[Li(f"#{r.id} {r.title} — {r.status}") for r in rows]),
    )


@rt("/jobs")
def post(title: str):
    with engine.begin() as conn:
        conn.execute(text("insert into jobs (title, status) values (:t, 'queued')"), {"t": title})
        conn.execute(text("select pg_notify('jobs_queued', '')"))
    return Redirect("/")


serve()

"""TurboGears 2 (minimal mode) read API over the archived moderation log. Served by gunicorn."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker
from tg import MinimalApplicationConfigurator, TGController, expose, response

from common import ModAction, make_engine

engine = make_engine(pool_size=5)
SessionLocal = sessionmaker(bind=engine)


def _as_dict(a: ModAction) -> dict:
    return {
        "id": a.id,
        "moderator": a.moderator,
        "action": a.action,
        "target_author": a.target_author,
        "permalink": a.target_permalink,
        "details": a.details,
        "created_at": a.created_at.isoformat(),
    }


class RootController(TGController):
    @expose("json")
    def actions(self, moderator=None, action=None, limit="100", **kw):
        stmt = select(ModAction).order_by(ModAction.created_at.desc()).limit(min(int(limit), 500))
        if moderator:
            stmt = stmt.where(ModAction.moderator == moderator)
        if action:
            stmt = stmt.where(ModAction.action == action)
        with SessionLocal() as session:
            return {"actions": [_as_dict(a) for a in session.scalars(stmt)]}

    @expose("json")
    def stats(self, days="7", **kw):
        since = datetime.now(timezone.utc) - timedelta(days=int(days))
        with SessionLocal() as session:
            rows = session.execute(
                select(ModAction.moderator, ModAction.action, func.count())
                .where(ModAction.created_at >= since)
                .group_by(ModAction.moderator, ModAction.action)
                .order_by(func.count().desc())
            ).all()
        return {"since": since.isoformat(), "rows": [list(r) for r in rows]}

    @expose("json")
    def healthz(self, **kw):
        response.headers["Cache-Control"] = "no-store"
        return {"ok": True}


config = MinimalApplicationConfigurator()
config.update_blueprint({"root_controller": RootController()})
application = config.make_wsgi_app()

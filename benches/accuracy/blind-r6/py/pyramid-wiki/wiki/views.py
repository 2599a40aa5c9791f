from pyramid.httpexceptions import HTTPCreated, HTTPNotFound
from pyramid.view import view_config
from sqlalchemy import select

from .models import Page


@view_config(route_name="pages", request_method="GET", renderer="json")
def list_pages(request):
    titles = request.dbsession.scalars(select(Page.title).order_by(Page.title)).all()
    return {"pages": titles}


@view_config(route_name="page", request_method="GET", renderer="json")
def show_page(request):
    title = request.matchdict["title"]
    page = request.dbsession.scalar(select(Page).where(Page.title == title))
    if page is None:
        raise HTTPNotFound(f"no page called {title!r}")
    return {"title": page.title, "body": page.body, "updated_at": page.updated_at.isoformat()}


@view_config(route_name="page", request_method="PUT", renderer="json")
def save_page(request):
    title = request.matchdict["title"]
    body = request.json_body.get("body", "")
    page = request.dbsession.scalar(select(Page).where(Page.title == title))
    created = page is None
    if created:
        page = Page(title=title, body=body)
        request.dbsession.add(page)
    else:
        page.body = body
    request.dbsession.flush()
    if created:
        request.response.status_code = HTTPCreated.code
    return {"title": page.title}

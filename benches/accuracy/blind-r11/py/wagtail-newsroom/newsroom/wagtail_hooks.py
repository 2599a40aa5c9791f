from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from elasticsearch import Elasticsearch
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import ArticlePage

INDEX = "newsroom-articles"


def _doc_for(page: ArticlePage) -> dict:
    return {
        "title": page.title,
        "standfirst": page.standfirst,
        "section": page.section,
        "body": strip_tags(page.body),
        "url": page.full_url,
        "published_at": page.last_published_at.isoformat() if page.last_published_at else None,
    }


@hooks.register("register_admin_menu_item")
def register_corrections_menu_item():
    return MenuItem("Corrections", reverse("admin:newsroom_correction_changelist"), icon_name="warning", order=900)


@hooks.register("after_publish_page")
def push_to_search(request, page):
    page = page.specific
    if not isinstance(page, ArticlePage):
        return
    es = Elasticsearch(settings.ELASTICSEARCH_URL, api_key=settings.ELASTICSEARCH_API_KEY, request_timeout=5)
    es.index(index=INDEX, id=str(page.pk), document=_doc_for(page))


@hooks.register("after_unpublish_page")
def drop_from_search(request, page):
    from .signals import search_client

    search_client().delete(index=INDEX, id=str(page.pk), ignore_status=[404])

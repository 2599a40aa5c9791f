from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class ArticlePage(Page):
    standfirst = models.CharField(max_length=300, blank=True)
    body = RichTextField()
    section = models.CharField(max_length=40, default="news")

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("section"),
        FieldPanel("body"),
    ]


class Correction(models.Model):
    article = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField()
    published = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Correction on {self.article_id}"

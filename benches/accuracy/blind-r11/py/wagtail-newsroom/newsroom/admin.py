import csv
import io
from datetime import datetime, timezone

import boto3
from django.conf import settings
from django.contrib import admin, messages

from .models import Correction


@admin.action(description="Export selected corrections to S3")
def export_to_s3(modeladmin, request, queryset):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "article_id", "text", "published", "created_at"])
    for c in queryset.select_related("article"):
        writer.writerow([c.pk, c.article_id, c.text, c.published, c.created_at.isoformat()])

    key = f"corrections/{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{request.user.pk}.csv"
    s3 = boto3.client("s3")
    s3.put_object(Bucket=settings.EXPORT_BUCKET, Key=key, Body=buf.getvalue().encode())
    modeladmin.message_user(request, f"Exported {queryset.count()} rows to s3://{settings.EXPORT_BUCKET}/{key}", messages.SUCCESS)


@admin.action(description="Publish selected corrections")
def publish(modeladmin, request, queryset):
    for correction in queryset:
        correction.published = True
        correction.save(update_fields=["published"])


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("article", "published", "created_at")
    list_filter = ("published",)
    actions = [export_to_s3, publish]

from django.conf import settings
from django.db import models


class Report(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    tenant = models.CharField(max_length=64)
    title = models.CharField(max_length=200)
    s3_key = models.CharField(max_length=512)
    created_at = models.DateTimeField(auto_now_add=True)

from django.contrib.auth.models import User
from django.db import models


class Incident(models.Model):
    tenant = models.CharField(max_length=32, db_index=True)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=16, default="open")
    severity = models.PositiveSmallIntegerField(default=3)
    service = models.CharField(max_length=64)
    opened_at = models.DateTimeField(auto_now_add=True)
    assignee = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL)


class Membership(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="membership")
    tenant = models.CharField(max_length=32)

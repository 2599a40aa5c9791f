from datetime import datetime

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.security import django_auth

from reports.clients import get_billing_client, get_redis, get_s3
from reports.models import Report

router = Router(tags=["reports"], auth=django_auth)


class ReportOut(Schema):
    id: int
    title: str
    created_at: datetime


class DownloadOut(Schema):
    url: str
    downloads: int


@router.get("/", response=list[ReportOut])
def list_reports(request):
    return Report.objects.filter(owner=request.user).order_by("-created_at")[:50]


@router.get("/{report_id}/download", response=DownloadOut)
def download(request, report_id: int):
    report = get_object_or_404(Report, id=report_id, owner=request.user)
    url = get_s3().generate_presigned_url(
        "get_object",
        Params={"Bucket": settings.REPORTS_BUCKET, "Key": report.s3_key},
        ExpiresIn=300,
    )
    downloads = get_redis().incr(f"report:{report.id}:downloads")
    return {"url": url, "downloads": downloads}


@router.get("/{report_id}/invoice-total")
def invoice_total(request, report_id: int):
    report = get_object_or_404(Report, id=report_id, owner=request.user)
    client = get_billing_client(report.tenant)
    resp = client.get("/v1/invoices/summary", params={"report": report.id})
    resp.raise_for_status()
    return {"tenant": report.tenant, "total_cents": resp.json()["total_cents"]}

from django.conf import settings
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_POST
from django_q.tasks import async_task


@require_POST
def request_report(request, tenant: str):
    if tenant not in settings.TENANT_SEARCH_URLS:
        raise Http404("unknown tenant")
    days = int(request.POST.get("days", 30))
    task_id = async_task("reports.tasks.build_usage_report", tenant, days)
    return JsonResponse({"task_id": task_id}, status=202)

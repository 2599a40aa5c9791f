from django.urls import re_path
from tastypie import fields
from tastypie.authentication import ApiKeyAuthentication
from tastypie.authorization import ReadOnlyAuthorization
from tastypie.constants import ALL
from tastypie.exceptions import BadRequest
from tastypie.resources import ModelResource
from tastypie.utils import trailing_slash

from . import search
from .models import Incident


class IncidentResource(ModelResource):
    assignee = fields.CharField(attribute="assignee__username", null=True, readonly=True)

    class Meta:
        queryset = Incident.objects.select_related("assignee").all()
        resource_name = "incident"
        allowed_methods = ["get"]
        authentication = ApiKeyAuthentication()
        authorization = ReadOnlyAuthorization()
        filtering = {"status": ALL, "severity": ALL, "service": ALL}
        ordering = ["opened_at", "severity"]

    def authorized_read_list(self, object_list, bundle):
        tenant = bundle.request.user.membership.tenant
        return super().authorized_read_list(object_list, bundle).filter(tenant=tenant)

    def dehydrate(self, bundle):
        # Runs once per serialised incident.
        views = search.counters.get(f"incident:{bundle.obj.pk}:views")
        bundle.data["views"] = int(views or 0)
        return bundle

    def prepend_urls(self):
        return [
            re_path(
                r"^(?P<resource_name>%s)/(?P<pk>\d+)/logs%s$" % (self._meta.resource_name, trailing_slash),
                self.wrap_view("get_logs"),
                name="api_incident_logs",
            ),
        ]

    def get_logs(self, request, **kwargs):
        self.method_check(request, allowed=["get"])
        self.is_authenticated(request)
        self.throttle_check(request)

        tenant = request.user.membership.tenant
        incident = Incident.objects.filter(pk=kwargs["pk"], tenant=tenant).first()
        if incident is None:
            raise BadRequest("no such incident")

        try:
            es = search.cluster_for(tenant)
        except search.UnknownTenant:
            raise BadRequest("log search is not enabled for this tenant")
        result = es.search(
            index=f"logs-{incident.service}-*",
            query={"range": {"@timestamp": {"gte": incident.opened_at.isoformat(), "lte": "now"}}},
            size=int(request.GET.get("size", 100)),
            sort=[{"@timestamp": "desc"}],
        )
        search.counters.incr(f"incident:{incident.pk}:views")
        self.log_throttled_access(request)
        return self.create_response(request, {"hits": [h["_source"] for h in result["hits"]["hits"]]})

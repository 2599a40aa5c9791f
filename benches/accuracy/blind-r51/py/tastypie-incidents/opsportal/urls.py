from django.urls import include, path
from tastypie.api import Api

from incidents.api import IncidentResource

v1_api = Api(api_name="v1")
v1_api.register(IncidentResource())

urlpatterns = [
    path("api/", include(v1_api.urls)),
]

from django.urls import path
from ninja import NinjaAPI

from reports.api import router as reports_router

api = NinjaAPI(title="Reports")
api.add_router("/reports/", reports_router)

urlpatterns = [path("api/", api.urls)]

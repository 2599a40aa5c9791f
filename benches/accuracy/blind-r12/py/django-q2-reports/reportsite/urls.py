from django.urls import path

from reports import views

urlpatterns = [
    path("tenants/<slug:tenant>/reports/", views.request_report),
]

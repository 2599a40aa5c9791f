from django.urls import path

from storefront import views

urlpatterns = [
    path("", views.home, name="home"),
    path("p/<slug:slug>/", views.product_detail, name="product"),
    path("search/", views.search, name="search"),
]

from django.shortcuts import get_object_or_404, render

from .models import Product
from .search import search_products


def home(request):
    products = Product.objects.order_by("-id")[:12]
    return render(request, "storefront/home.html", {"products": products})


def product_detail(request, slug):
    product = get_object_or_404(Product, slug=slug)
    return render(request, "storefront/product.html", {"product": product})


def search(request):
    q = request.GET.get("q", "").strip()
    results = search_products(q) if q else []
    return render(request, "storefront/search.html", {"q": q, "results": results})

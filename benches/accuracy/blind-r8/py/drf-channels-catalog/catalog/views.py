from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from elasticsearch import Elasticsearch
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .clients import pricing_client
from .models import Product


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "sku", "name", "category", "stock"]


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all().order_by("id")
    serializer_class = ProductSerializer

    def retrieve(self, request, *args, **kwargs):
        product = self.get_object()
        data = self.get_serializer(product).data
        pricing = pricing_client()
        resp = pricing.get(f"{settings.PRICING_API_URL}/prices/{product.sku}", timeout=5)
        data["price"] = resp.json() if resp.ok else None
        return Response(data)

    @action(detail=False, methods=["get"])
    def search(self, request):
        q = request.query_params.get("q", "")
        es = Elasticsearch(settings.ELASTICSEARCH_URL, api_key=settings.ELASTICSEARCH_API_KEY)
        result = es.search(
            index="products",
            query={"multi_match": {"query": q, "fields": ["name^2", "description"]}},
            size=20,
        )
        ids = [int(hit["_id"]) for hit in result["hits"]["hits"]]
        products = Product.objects.filter(id__in=ids)
        return Response(self.get_serializer(products, many=True).data)

    @action(detail=True, methods=["post"])
    def restock(self, request, pk=None):
        product = self.get_object()
        product.stock += int(request.data.get("quantity", 0))
        product.save(update_fields=["stock", "updated_at"])
        async_to_sync(get_channel_layer().group_send)(
            f"stock.{product.sku}",
            {"type": "stock.changed", "payload": {"sku": product.sku, "stock": product.stock}},
        )
        return Response({"id": product.id, "stock": product.stock})

import graphene
from django.conf import settings
from graphene_django import DjangoObjectType
from pymongo import MongoClient
from qdrant_client import QdrantClient

from reviews import store as review_store

from .models import Category, Product

mongo = MongoClient(settings.MONGO_URI)
product_views = mongo[settings.MONGO_DB]["product_views"]


class CategoryType(DjangoObjectType):
    class Meta:
        model = Category
        fields = ("slug", "name")


class ReviewType(graphene.ObjectType):
    author = graphene.String()
    stars = graphene.Int()
    body = graphene.String()


class ProductType(DjangoObjectType):
    class Meta:
        model = Product
        fields = ("sku", "name", "description", "price", "category")

    rating = graphene.Float()
    review_count = graphene.Int()
    reviews = graphene.List(ReviewType, limit=graphene.Int(default_value=5))

    def resolve_rating(self, info):
        return review_store.rating_summary(self.sku)["avg"]

    def resolve_review_count(self, info):
        return review_store.rating_summary(self.sku)["count"]

    def resolve_reviews(self, info, limit):
        return [ReviewType(**r) for r in review_store.for_product(self.sku, limit)]


class Query(graphene.ObjectType):
    product = graphene.Field(ProductType, sku=graphene.String(required=True))
    products = graphene.List(ProductType, category=graphene.String())
    similar_products = graphene.List(
        ProductType, sku=graphene.String(required=True), limit=graphene.Int(default_value=8)
    )

    def resolve_product(root, info, sku):
        product_views.update_one({"sku": sku}, {"$inc": {"count": 1}}, upsert=True)
        return Product.objects.select_related("category").filter(sku=sku, active=True).first()

    def resolve_products(root, info, category=None):
        qs = Product.objects.select_related("category").filter(active=True)
        if category:
            qs = qs.filter(category__slug=category)
        return qs[:100]

    def resolve_similar_products(root, info, sku, limit):
        product = Product.objects.filter(sku=sku).only("id").first()
        if product is None:
            return []
        qdrant = QdrantClient(url=settings.QDRANT_URL, api_key=settings.QDRANT_API_KEY, timeout=5)
        hits = qdrant.recommend(
            collection_name="products",
            positive=[product.id],
            limit=limit,
            with_payload=["sku"],
        )
        skus = [hit.payload["sku"] for hit in hits]
        by_sku = {p.sku: p for p in Product.objects.filter(sku__in=skus, active=True)}
        return [by_sku[s] for s in skus if s in by_sku]


schema = graphene.Schema(query=Query)

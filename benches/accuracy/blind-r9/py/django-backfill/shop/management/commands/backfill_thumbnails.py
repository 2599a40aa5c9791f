import io

import boto3
import requests
from django.conf import settings
from django.core.management.base import BaseCommand

from shop.models import Product


class Command(BaseCommand):
    help = "Download product images and upload 256px thumbnails to S3 (run once after the migration)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=0)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **opts):
        from PIL import Image

        s3 = boto3.client("s3", region_name=settings.AWS_REGION)
        qs = Product.objects.filter(thumbnail_key="").exclude(image_url="").order_by("id")
        if opts["limit"]:
            qs = qs[: opts["limit"]]

        done = 0
        with requests.Session() as http:
            for product in qs.iterator(chunk_size=200):
                resp = http.get(product.image_url, timeout=30)
                if resp.status_code != 200:
                    self.stderr.write(f"{product.sku}: HTTP {resp.status_code}")
                    continue
                img = Image.open(io.BytesIO(resp.content))
                img.thumbnail((256, 256))
                out = io.BytesIO()
                img.convert("RGB").save(out, format="JPEG", quality=85)
                key = f"thumbs/{product.sku}.jpg"
                if not opts["dry_run"]:
                    s3.put_object(Bucket=settings.THUMBNAIL_BUCKET, Key=key, Body=out.getvalue())
                    product.thumbnail_key = key
                    product.save(update_fields=["thumbnail_key"])
                done += 1
        self.stdout.write(self.style.SUCCESS(f"{done} thumbnails written"))

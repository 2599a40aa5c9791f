import boto3
from django.core.management.base import BaseCommand

from weblate.addons.models import Addon

from ...storage import s3_client


class Command(BaseCommand):
    help = "One-off check that every configured S3 export bucket is reachable"

    def handle(self, *args, **options):
        sts = boto3.client("sts")
        try:
            identity = sts.get_caller_identity()
            self.stdout.write(f"running as {identity['Arn']}")
            for addon in Addon.objects.filter(name="weblate.s3export.mirror"):
                cfg = addon.configuration
                s3 = s3_client(cfg["region"])
                try:
                    s3.head_bucket(Bucket=cfg["bucket"])
                    self.stdout.write(self.style.SUCCESS(f"{addon.component}: {cfg['bucket']} ok"))
                except s3.exceptions.ClientError as exc:
                    self.stdout.write(self.style.ERROR(f"{addon.component}: {exc}"))
        finally:
            sts.close()

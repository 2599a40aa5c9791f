from django.core.management.base import BaseCommand
from django_q.models import Schedule


class Command(BaseCommand):
    help = "Create or update the Django-Q schedules for report jobs (run once per deploy)."

    def handle(self, *args, **options):
        Schedule.objects.update_or_create(
            name="nightly-usage-reports",
            defaults={
                "func": "reports.tasks.nightly_reports",
                "schedule_type": Schedule.CRON,
                "cron": "15 2 * * *",
            },
        )
        Schedule.objects.update_or_create(
            name="purge-old-reports",
            defaults={
                "func": "reports.tasks.purge_old_reports",
                "kwargs": "keep_days=90",
                "schedule_type": Schedule.DAILY,
            },
        )
        self.stdout.write(self.style.SUCCESS("schedules registered"))

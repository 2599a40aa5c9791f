"""Daily clickstream enrichment.

Runs on EMR from the nightly scheduler:

    python enrich_job.py -r emr --conf-path mrjob.conf \
        s3://acme-raw/clicks/2024-06-01/ --output-dir s3://acme-enriched/clicks/2024-06-01/

Each input line is one JSON click event. Output is one JSON summary per site.
"""
import json
import os
from collections import Counter
from datetime import date

import boto3
import redis
from mrjob.job import MRJob
from mrjob.protocol import JSONValueProtocol
from mrjob.step import MRStep

from geo import geo_client, lookup_country


class MRClickstreamEnrich(MRJob):
    OUTPUT_PROTOCOL = JSONValueProtocol

    # ship the helper module with the job
    FILES = ["geo.py"]

    def configure_args(self):
        super().configure_args()
        self.add_passthru_arg(
            "--redis-url",
            default=os.environ.get("BOTLIST_REDIS_URL", "redis://localhost:6379/3"),
            help="Redis holding the bot user-agent set",
        )
        self.add_passthru_arg("--report-bucket", default="acme-click-reports")
        self.add_passthru_arg("--run-date", default=date.today().isoformat())

    def steps(self):
        return [
            MRStep(
                mapper_init=self.mapper_init,
                mapper=self.mapper,
                mapper_final=self.mapper_final,
                combiner=self.combiner,
                reducer=self.reducer,
            )
        ]

    def mapper_init(self):
        # one connection pool per map task, reused for every line of the split
        self.bots = redis.Redis.from_url(self.options.redis_url, decode_responses=True)

    def mapper(self, _, line):
        try:
            event = json.loads(line)
        except ValueError:
            self.increment_counter("clicks", "malformed")
            return

        ua = event.get("user_agent", "")
        if ua and self.bots.sismember("bots:user_agents", ua):
            self.increment_counter("clicks", "bot_filtered")
            return

        geo = geo_client()
        country = lookup_country(geo, event.get("ip", ""))
        self.increment_counter("clicks", "kept")
        yield event["site_id"], [country, 1]

    def mapper_final(self):
        self.bots.close()

    def combiner(self, site_id, pairs):
        counts = Counter()
        for country, n in pairs:
            counts[country] += n
        for country, n in counts.items():
            yield site_id, [country, n]

    def reducer(self, site_id, pairs):
        counts = Counter()
        for country, n in pairs:
            counts[country] += n

        summary = {
            "site_id": site_id,
            "run_date": self.options.run_date,
            "total": sum(counts.values()),
            "by_country": dict(counts.most_common(50)),
        }

        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        s3.put_object(
            Bucket=self.options.report_bucket,
            Key=f"daily/{self.options.run_date}/{site_id}.json",
            Body=json.dumps(summary).encode("utf-8"),
            ContentType="application/json",
        )
        yield None, summary


if __name__ == "__main__":
    MRClickstreamEnrich.run()

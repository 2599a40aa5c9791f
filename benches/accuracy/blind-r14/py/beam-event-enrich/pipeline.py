"""Clickstream enrichment job.

Run on Dataflow:
    python pipeline.py --runner DataflowRunner --project acme-analytics \
        --region europe-west1 --input gs://acme-raw/clicks/*.jsonl \
        --output gs://acme-curated/clicks/part --accounts-dsn postgresql+psycopg2://...
"""
import argparse
import json
import logging

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions, SetupOptions

from transforms import AttachCustomer, DropDuplicates, GeoEnrich, ParseEvent, ScoreRisk


def run(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--accounts-dsn", dest="accounts_dsn", required=True)
    known, pipeline_args = parser.parse_known_args(argv)

    options = PipelineOptions(pipeline_args)
    options.view_as(SetupOptions).save_main_session = True

    with beam.Pipeline(options=options) as p:
        (
            p
            | "Read" >> beam.io.ReadFromText(known.input)
            | "Parse" >> beam.ParDo(ParseEvent())
            | "Dedupe" >> beam.ParDo(DropDuplicates())
            | "Customer" >> beam.ParDo(AttachCustomer(known.accounts_dsn))
            | "Geo" >> beam.ParDo(GeoEnrich())
            | "Risk" >> beam.ParDo(ScoreRisk())
            | "Serialize" >> beam.Map(json.dumps)
            | "Write" >> beam.io.WriteToText(known.output, file_name_suffix=".jsonl")
        )


if __name__ == "__main__":
    logging.getLogger().setLevel(logging.INFO)
    run()

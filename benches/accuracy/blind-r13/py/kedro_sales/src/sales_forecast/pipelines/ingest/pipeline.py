from kedro.pipeline import Pipeline, node, pipeline

from .nodes import aggregate_weekly, export_to_s3, extract_orders


def create_pipeline(**kwargs) -> Pipeline:
    return pipeline(
        [
            node(extract_orders, inputs="params:ingest", outputs="raw_orders", name="extract_orders"),
            node(aggregate_weekly, inputs="raw_orders", outputs="weekly_sales", name="aggregate_weekly"),
            node(export_to_s3, inputs=["weekly_sales", "params:ingest"], outputs=None, name="export_to_s3"),
        ]
    )

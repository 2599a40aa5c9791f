from kedro.pipeline import Pipeline

from sales_forecast.pipelines import ingest


def register_pipelines() -> dict[str, Pipeline]:
    ingest_pipeline = ingest.create_pipeline()
    return {"ingest": ingest_pipeline, "__default__": ingest_pipeline}

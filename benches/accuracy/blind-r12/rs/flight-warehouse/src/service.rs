use std::sync::Arc;

use arrow::array::{Float64Array, Int64Array, StringArray};
use arrow::datatypes::SchemaRef;
use arrow::error::ArrowError;
use arrow::record_batch::RecordBatch;
use arrow_flight::encode::FlightDataEncoderBuilder;
use arrow_flight::flight_service_server::FlightService;
use arrow_flight::{
    Action, ActionType, Criteria, Empty, FlightData, FlightDescriptor, FlightEndpoint, FlightInfo,
    HandshakeRequest, HandshakeResponse, PollInfo, PutResult, SchemaResult, Ticket,
};
use aws_config::BehaviorVersion;
use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use serde::Deserialize;
use sqlx::PgPool;
use tonic::{Request, Response, Status, Streaming};

pub struct WarehouseFlight {
    pub pg: PgPool,
    pub orders_schema: SchemaRef,
    pub manifest_bucket: String,
    pub clickhouse_url: String,
}

#[derive(Deserialize)]
struct Manifest {
    total_records: i64,
    total_bytes: i64,
}

fn internal<E: std::fmt::Display>(e: E) -> Status {
    Status::internal(e.to_string())
}

fn to_batch(schema: &SchemaRef, rows: Vec<(i64, String, f64)>) -> Result<RecordBatch, ArrowError> {
    let ids = Int64Array::from_iter_values(rows.iter().map(|r| r.0));
    let skus = StringArray::from_iter_values(rows.iter().map(|r| r.1.as_str()));
    let amounts = Float64Array::from_iter_values(rows.iter().map(|r| r.2));
    RecordBatch::try_new(schema.clone(), vec![Arc::new(ids), Arc::new(skus), Arc::new(amounts)])
}

#[tonic::async_trait]
impl FlightService for WarehouseFlight {
    type HandshakeStream = BoxStream<'static, Result<HandshakeResponse, Status>>;
    type ListFlightsStream = BoxStream<'static, Result<FlightInfo, Status>>;
    type DoGetStream = BoxStream<'static, Result<FlightData, Status>>;
    type DoPutStream = BoxStream<'static, Result<PutResult, Status>>;
    type DoActionStream = BoxStream<'static, Result<arrow_flight::Result, Status>>;
    type ListActionsStream = BoxStream<'static, Result<ActionType, Status>>;
    type DoExchangeStream = BoxStream<'static, Result<FlightData, Status>>;

    async fn handshake(
        &self,
        _request: Request<Streaming<HandshakeRequest>>,
    ) -> Result<Response<Self::HandshakeStream>, Status> {
        Err(Status::unimplemented("handshake is not required"))
    }

    async fn list_flights(
        &self,
        _request: Request<Criteria>,
    ) -> Result<Response<Self::ListFlightsStream>, Status> {
        Err(Status::unimplemented("list_flights"))
    }

    async fn get_flight_info(
        &self,
        request: Request<FlightDescriptor>,
    ) -> Result<Response<FlightInfo>, Status> {
        let descriptor = request.into_inner();
        let dataset = descriptor
            .path
            .first()
            .cloned()
            .ok_or_else(|| Status::invalid_argument("descriptor path is empty"))?;

        let sdk_config = aws_config::load_defaults(BehaviorVersion::latest()).await;
        let s3 = aws_sdk_s3::Client::new(&sdk_config);
        let object = s3
            .get_object()
            .bucket(&self.manifest_bucket)
            .key(format!("datasets/{dataset}/manifest.json"))
            .send()
            .await
            .map_err(|e| Status::not_found(format!("no manifest for {dataset}: {e}")))?;
        let body = object.body.collect().await.map_err(internal)?.into_bytes();
        let manifest: Manifest = serde_json::from_slice(&body).map_err(internal)?;

        let info = FlightInfo::new()
            .try_with_schema(&self.orders_schema)
            .map_err(internal)?
            .with_endpoint(FlightEndpoint::new().with_ticket(Ticket::new(dataset)))
            .with_descriptor(descriptor)
            .with_total_records(manifest.total_records)
            .with_total_bytes(manifest.total_bytes);
        Ok(Response::new(info))
    }

    async fn poll_flight_info(
        &self,
        _request: Request<FlightDescriptor>,
    ) -> Result<Response<PollInfo>, Status> {
        Err(Status::unimplemented("poll_flight_info"))
    }

    async fn get_schema(
        &self,
        _request: Request<FlightDescriptor>,
    ) -> Result<Response<SchemaResult>, Status> {
        Err(Status::unimplemented("get_schema"))
    }

    async fn do_get(&self, request: Request<Ticket>) -> Result<Response<Self::DoGetStream>, Status> {
        let ticket = request.into_inner();
        let dataset = String::from_utf8(ticket.ticket.to_vec())
            .map_err(|_| Status::invalid_argument("ticket is not utf-8"))?;
        if dataset != "orders" {
            return Err(Status::not_found(format!("unknown dataset {dataset}")));
        }

        // Stream the table out in chunks with a server-side cursor so we never
        // materialise the whole result set in one query.
        let mut conn = self.pg.acquire().await.map_err(internal)?;
        sqlx::query("DECLARE export_cur CURSOR WITH HOLD FOR SELECT id, sku, amount FROM orders ORDER BY id")
            .execute(&mut *conn)
            .await
            .map_err(internal)?;

        let mut batches = Vec::new();
        loop {
            let rows: Vec<(i64, String, f64)> = sqlx::query_as("FETCH 10000 FROM export_cur")
                .fetch_all(&mut *conn)
                .await
                .map_err(internal)?;
            if rows.is_empty() {
                break;
            }
            batches.push(to_batch(&self.orders_schema, rows).map_err(internal)?);
        }

        sqlx::query("CLOSE export_cur")
            .execute(&mut *conn)
            .await
            .map_err(internal)?;

        let stream = FlightDataEncoderBuilder::new()
            .with_schema(self.orders_schema.clone())
            .build(futures::stream::iter(batches.into_iter().map(Ok)))
            .map_err(Status::from);
        Ok(Response::new(stream.boxed()))
    }

    async fn do_put(
        &self,
        _request: Request<Streaming<FlightData>>,
    ) -> Result<Response<Self::DoPutStream>, Status> {
        Err(Status::unimplemented("warehouse is read-only over flight"))
    }

    async fn do_action(
        &self,
        request: Request<Action>,
    ) -> Result<Response<Self::DoActionStream>, Status> {
        let action = request.into_inner();
        match action.r#type.as_str() {
            "refresh_rollup" => {
                let ch = clickhouse::Client::default()
                    .with_url(&self.clickhouse_url)
                    .with_database("analytics");
                ch.query(
                    "INSERT INTO daily_rollup
                     SELECT toDate(ts) AS day, sku, sum(amount) FROM orders_raw
                     WHERE ts >= today() - 1 GROUP BY day, sku",
                )
                .execute()
                .await
                .map_err(internal)?;

                let done = arrow_flight::Result {
                    body: Bytes::from_static(b"rollup refreshed"),
                };
                Ok(Response::new(futures::stream::iter([Ok(done)]).boxed()))
            }
            other => Err(Status::unimplemented(format!("unknown action {other}"))),
        }
    }

    async fn list_actions(
        &self,
        _request: Request<Empty>,
    ) -> Result<Response<Self::ListActionsStream>, Status> {
        let actions = vec![Ok(ActionType {
            r#type: "refresh_rollup".to_string(),
            description: "Rebuild yesterday's daily rollup in ClickHouse".to_string(),
        })];
        Ok(Response::new(futures::stream::iter(actions).boxed()))
    }

    async fn do_exchange(
        &self,
        _request: Request<Streaming<FlightData>>,
    ) -> Result<Response<Self::DoExchangeStream>, Status> {
        Err(Status::unimplemented("do_exchange"))
    }
}

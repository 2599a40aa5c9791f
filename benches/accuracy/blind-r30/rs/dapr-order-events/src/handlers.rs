use dapr::appcallback::*;
use dapr::dapr::proto::runtime::v1::app_callback_server::AppCallback;
use redis::AsyncCommands;
use serde::Deserialize;
use sqlx::PgPool;
use tonic::{Request, Response, Status};

pub struct OrderCallbacks {
    pub pool: PgPool,
    pub redis_url: String,
}

#[derive(Deserialize)]
struct OrderEvent {
    order_id: i64,
    store_id: i32,
    total_cents: i64,
}

#[derive(Deserialize)]
struct ReserveRequest {
    order_id: i64,
    sku: String,
    quantity: i32,
}

fn internal<E: std::fmt::Display>(e: E) -> Status {
    Status::internal(e.to_string())
}

impl OrderCallbacks {
    async fn reserve_stock(&self, body: &[u8]) -> Result<Vec<u8>, Status> {
        let req: ReserveRequest =
            serde_json::from_slice(body).map_err(|e| Status::invalid_argument(e.to_string()))?;

        let mut conn = self.pool.acquire().await.map_err(internal)?;
        sqlx::query("BEGIN").execute(&mut *conn).await.map_err(internal)?;

        let available: i32 =
            sqlx::query_scalar("SELECT on_hand - reserved FROM stock WHERE sku = $1 FOR UPDATE")
                .bind(&req.sku)
                .fetch_one(&mut *conn)
                .await
                .map_err(internal)?;
        if available < req.quantity {
            return Err(Status::failed_precondition("insufficient stock"));
        }

        sqlx::query("UPDATE stock SET reserved = reserved + $2 WHERE sku = $1")
            .bind(&req.sku)
            .bind(req.quantity)
            .execute(&mut *conn)
            .await
            .map_err(internal)?;
        sqlx::query("INSERT INTO reservations (order_id, sku, quantity) VALUES ($1, $2, $3)")
            .bind(req.order_id)
            .bind(&req.sku)
            .bind(req.quantity)
            .execute(&mut *conn)
            .await
            .map_err(internal)?;

        sqlx::query("COMMIT").execute(&mut *conn).await.map_err(internal)?;
        Ok(serde_json::to_vec(&serde_json::json!({ "reserved": req.quantity })).unwrap())
    }

    async fn record_order(&self, ev: &OrderEvent) -> Result<(), Status> {
        sqlx::query("INSERT INTO order_facts (order_id, store_id, total_cents) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .bind(ev.order_id)
            .bind(ev.store_id)
            .bind(ev.total_cents)
            .execute(&self.pool)
            .await
            .map_err(internal)?;

        let client = redis::Client::open(self.redis_url.as_str()).map_err(internal)?;
        let mut con = client.get_multiplexed_async_connection().await.map_err(internal)?;
        let key = format!("store:{}:revenue_today", ev.store_id);
        let _: i64 = con.incr(&key, ev.total_cents).await.map_err(internal)?;
        let _: bool = con.expire(&key, 60 * 60 * 36).await.map_err(internal)?;
        Ok(())
    }
}

#[tonic::async_trait]
impl AppCallback for OrderCallbacks {
    async fn on_invoke(
        &self,
        request: Request<InvokeRequest>,
    ) -> Result<Response<InvokeResponse>, Status> {
        let r = request.into_inner();
        let body = r.data.map(|any| any.value).unwrap_or_default();
        let out = match r.method.as_str() {
            "reserve-stock" => self.reserve_stock(&body).await?,
            other => return Err(Status::unimplemented(format!("unknown method {other}"))),
        };
        Ok(Response::new(InvokeResponse {
            data: Some(prost_types::Any { type_url: String::new(), value: out }),
            content_type: "application/json".into(),
        }))
    }

    async fn list_topic_subscriptions(
        &self,
        _request: Request<()>,
    ) -> Result<Response<ListTopicSubscriptionsResponse>, Status> {
        let topic = TopicSubscription::new("orders-pubsub".to_string(), "order.created".to_string(), None);
        Ok(Response::new(ListTopicSubscriptionsResponse::topic(topic)))
    }

    // Called by the sidecar once per delivered pub/sub message.
    async fn on_topic_event(
        &self,
        request: Request<TopicEventRequest>,
    ) -> Result<Response<TopicEventResponse>, Status> {
        let r = request.into_inner();
        let ev: OrderEvent = serde_json::from_slice(&r.data)
            .map_err(|e| Status::invalid_argument(e.to_string()))?;
        self.record_order(&ev).await?;
        Ok(Response::new(TopicEventResponse::default()))
    }

    async fn list_input_bindings(
        &self,
        _request: Request<()>,
    ) -> Result<Response<ListInputBindingsResponse>, Status> {
        Ok(Response::new(ListInputBindingsResponse::default()))
    }

    async fn on_binding_event(
        &self,
        _request: Request<BindingEventRequest>,
    ) -> Result<Response<BindingEventResponse>, Status> {
        Ok(Response::new(BindingEventResponse::default()))
    }
}

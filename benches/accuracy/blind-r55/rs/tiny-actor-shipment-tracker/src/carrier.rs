use serde::Deserialize;
use sqlx::PgPool;
use tiny_tokio_actor::*;

use crate::store::{self, ScanEvent};

#[derive(Clone, Debug)]
pub enum TrackerEvent {
    PageStored { carrier: String, inserted: usize },
    PollFailed { carrier: String, reason: String },
}

impl SystemEvent for TrackerEvent {}

/// One actor per carrier. Holds clones of the pool and HTTP client built in main.
#[derive(Clone)]
pub struct CarrierActor {
    pub carrier: String,
    pub endpoint: String,
    pub api_key: String,
    pub pool: PgPool,
    pub http: reqwest::Client,
    cursor: Option<String>,
}

impl CarrierActor {
    pub fn new(carrier: &str, endpoint: String, api_key: String, pool: PgPool, http: reqwest::Client) -> Self {
        CarrierActor { carrier: carrier.to_string(), endpoint, api_key, pool, http, cursor: None }
    }
}

#[async_trait]
impl Actor<TrackerEvent> for CarrierActor {
    async fn pre_start(&mut self, _ctx: &mut ActorContext<TrackerEvent>) -> Result<(), ActorError> {
        self.cursor = store::last_cursor(&self.pool, &self.carrier)
            .await
            .map_err(|e| ActorError::CreateError(e.to_string()))?;
        Ok(())
    }
}

#[derive(Clone, Debug)]
pub struct Poll;

impl Message for Poll {
    type Response = Result<usize, String>;
}

#[derive(Deserialize)]
struct Page {
    events: Vec<ScanEvent>,
    next_cursor: String,
}

#[async_trait]
impl Handler<TrackerEvent, Poll> for CarrierActor {
    async fn handle(&mut self, _msg: Poll, ctx: &mut ActorContext<TrackerEvent>) -> Result<usize, String> {
        let mut req = self.http.get(&self.endpoint).header("X-Api-Key", &self.api_key);
        if let Some(c) = &self.cursor {
            req = req.query(&[("after", c.as_str())]);
        }
        let page: Page = match req.send().await.and_then(|r| r.error_for_status()) {
            Ok(resp) => resp.json().await.map_err(|e| e.to_string())?,
            Err(e) => {
                ctx.system.publish(TrackerEvent::PollFailed { carrier: self.carrier.clone(), reason: e.to_string() });
                return Err(e.to_string());
            }
        };
        let inserted = store::save_page(&self.pool, &self.carrier, &page.events, &page.next_cursor)
            .await
            .map_err(|e| e.to_string())?;
        self.cursor = Some(page.next_cursor);
        ctx.system.publish(TrackerEvent::PageStored { carrier: self.carrier.clone(), inserted });
        Ok(inserted)
    }
}

use activitypub_federation::activity_sending::SendActivityTask;
use activitypub_federation::config::Data;
use activitypub_federation::protocol::context::WithContext;
use activitypub_federation::traits::ActivityHandler;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::{AppState, Error};

/// Outgoing-only activities; the relay never receives these.
#[derive(Deserialize, Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Outgoing<K> {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: K,
    pub actor: Url,
    pub object: serde_json::Value,
}

pub fn new_activity_id(data: &Data<AppState>) -> Result<Url, Error> {
    let nanos = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    Ok(Url::parse(&format!("https://{}/activities/{nanos:x}", data.domain()))?)
}

pub async fn deliver<K>(activity: Outgoing<K>, inboxes: Vec<Url>, data: &Data<AppState>) -> Result<(), Error>
where
    K: Serialize + std::fmt::Debug + Send + Sync,
    Outgoing<K>: ActivityHandler,
{
    let sends = SendActivityTask::prepare(&WithContext::new_default(activity), &data.relay, inboxes, data).await?;
    for send in sends {
        send.sign_and_send(data).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl<K> ActivityHandler for Outgoing<K>
where
    K: Serialize + for<'de> Deserialize<'de> + std::fmt::Debug + Send + Sync,
{
    type DataType = AppState;
    type Error = Error;

    fn id(&self) -> &Url {
        &self.id
    }
    fn actor(&self) -> &Url {
        &self.actor
    }
    async fn verify(&self, _data: &Data<AppState>) -> Result<(), Error> {
        Ok(())
    }
    async fn receive(self, _data: &Data<AppState>) -> Result<(), Error> {
        Err(anyhow::anyhow!("the relay does not accept its own activity types").into())
    }
}

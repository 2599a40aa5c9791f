use activitypub_federation::config::Data;
use activitypub_federation::fetch::object_id::ObjectId;
use activitypub_federation::kinds::activity::{AcceptType, AnnounceType, CreateType, FollowType, UndoType};
use activitypub_federation::traits::{ActivityHandler, Actor};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::actors::RemoteInstance;
use crate::outgoing::{deliver, new_activity_id, Outgoing};
use crate::{AppState, Error};

#[derive(Deserialize, Serialize, Debug)]
#[serde(untagged)]
#[enum_delegate::implement(ActivityHandler)]
pub enum RelayInboxActivities {
    Follow(Follow),
    Undo(Undo),
    Create(Create),
}

#[derive(Deserialize, Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Follow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: FollowType,
    pub actor: ObjectId<RemoteInstance>,
    pub object: Url,
}

#[derive(Deserialize, Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Undo {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: UndoType,
    pub actor: ObjectId<RemoteInstance>,
    pub object: Follow,
}

#[derive(Deserialize, Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Create {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: CreateType,
    pub actor: ObjectId<RemoteInstance>,
    pub object: serde_json::Value,
}

#[async_trait::async_trait]
impl ActivityHandler for Follow {
    type DataType = AppState;
    type Error = Error;

    fn id(&self) -> &Url {
        &self.id
    }
    fn actor(&self) -> &Url {
        self.actor.inner()
    }
    async fn verify(&self, data: &Data<AppState>) -> Result<(), Error> {
        if self.object != data.relay.ap_id && self.object.as_str() != "https://www.w3.org/ns/activitystreams#Public" {
            return Err(anyhow::anyhow!("follow is not addressed to this relay").into());
        }
        Ok(())
    }

    /// Runs once per Follow delivered to /inbox.
    async fn receive(self, data: &Data<AppState>) -> Result<(), Error> {
        let instance = self.actor.dereference(data).await?;
        let host = instance.inbox().host_str().unwrap_or_default().to_string();
        let software = data
            .nodeinfo_http
            .get(format!("https://{host}/.well-known/nodeinfo"))
            .send()
            .await
            .ok()
            .map(|r| r.status().is_success());

        let mut tx = data.pool.begin().await?;
        let blocked: Option<(bool,)> = sqlx::query_as("SELECT true FROM blocked_hosts WHERE host = $1")
            .bind(&host)
            .fetch_optional(&mut *tx)
            .await?;
        if blocked.is_some() {
            return Ok(()); // transaction rolled back on drop
        }
        sqlx::query(
            "INSERT INTO subscriptions (actor_id, follow_id, host, has_nodeinfo) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (actor_id) DO UPDATE SET follow_id = excluded.follow_id",
        )
        .bind(&instance.actor_id)
        .bind(self.id.as_str())
        .bind(&host)
        .bind(software.unwrap_or(false))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;

        let accept = Outgoing {
            id: new_activity_id(data)?,
            kind: AcceptType::default(),
            actor: data.relay.ap_id.clone(),
            object: serde_json::to_value(&self)?,
        };
        deliver(accept, vec![instance.inbox()], data).await
    }
}

#[async_trait::async_trait]
impl ActivityHandler for Undo {
    type DataType = AppState;
    type Error = Error;

    fn id(&self) -> &Url {
        &self.id
    }
    fn actor(&self) -> &Url {
        self.actor.inner()
    }
    async fn verify(&self, _data: &Data<AppState>) -> Result<(), Error> {
        Ok(())
    }
    async fn receive(self, data: &Data<AppState>) -> Result<(), Error> {
        sqlx::query("DELETE FROM subscriptions WHERE actor_id = $1")
            .bind(self.actor.inner().as_str())
            .execute(&data.pool)
            .await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl ActivityHandler for Create {
    type DataType = AppState;
    type Error = Error;

    fn id(&self) -> &Url {
        &self.id
    }
    fn actor(&self) -> &Url {
        self.actor.inner()
    }
    async fn verify(&self, _data: &Data<AppState>) -> Result<(), Error> {
        Ok(())
    }

    /// Re-broadcast public posts to every other subscribed instance.
    async fn receive(self, data: &Data<AppState>) -> Result<(), Error> {
        let inboxes: Vec<(String,)> = sqlx::query_as(
            "SELECT i.inbox FROM subscriptions s JOIN instances i USING (actor_id) WHERE s.actor_id <> $1",
        )
        .bind(self.actor.inner().as_str())
        .fetch_all(&data.pool)
        .await?;
        let inboxes = inboxes.into_iter().filter_map(|(i,)| Url::parse(&i).ok()).collect();
        let object_id = self.object.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let announce = Outgoing {
            id: new_activity_id(data)?,
            kind: AnnounceType::default(),
            actor: data.relay.ap_id.clone(),
            object: object_id,
        };
        deliver(announce, inboxes, data).await
    }
}

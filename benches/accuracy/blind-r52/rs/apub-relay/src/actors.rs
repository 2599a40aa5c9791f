use activitypub_federation::config::Data;
use activitypub_federation::fetch::object_id::ObjectId;
use activitypub_federation::http_signatures::generate_actor_keypair;
use activitypub_federation::kinds::actor::ServiceType;
use activitypub_federation::protocol::public_key::PublicKey;
use activitypub_federation::traits::{Actor, Object};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use url::Url;

use crate::{AppState, Error};

/// The relay's own Service actor; its keys live in the database.
#[derive(Clone, Debug)]
pub struct RelayActor {
    pub ap_id: Url,
    pub inbox: Url,
    pub public_key: String,
    pub private_key: String,
}

/// A subscribed remote instance (usually its instance actor).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RemoteInstance {
    pub actor_id: String,
    pub inbox: String,
    pub public_key: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceJson {
    #[serde(rename = "type")]
    pub kind: ServiceType,
    pub id: ObjectId<RemoteInstance>,
    pub preferred_username: String,
    pub inbox: Url,
    pub public_key: PublicKey,
}

pub async fn load_or_create_relay(pool: &PgPool, domain: &str) -> anyhow::Result<RelayActor> {
    let ap_id = Url::parse(&format!("https://{domain}/actor"))?;
    let inbox = Url::parse(&format!("https://{domain}/inbox"))?;
    if let Some((public_key, private_key)) =
        sqlx::query_as::<_, (String, String)>("SELECT public_key, private_key FROM relay_keys LIMIT 1")
            .fetch_optional(pool)
            .await?
    {
        return Ok(RelayActor { ap_id, inbox, public_key, private_key });
    }
    let keys = generate_actor_keypair()?;
    sqlx::query("INSERT INTO relay_keys (public_key, private_key) VALUES ($1, $2)")
        .bind(&keys.public_key)
        .bind(&keys.private_key)
        .execute(pool)
        .await?;
    Ok(RelayActor { ap_id, inbox, public_key: keys.public_key, private_key: keys.private_key })
}

impl RelayActor {
    pub async fn into_json(self, _data: &Data<AppState>) -> Result<ServiceJson, Error> {
        Ok(ServiceJson {
            kind: Default::default(),
            id: self.ap_id.clone().into(),
            preferred_username: "relay".into(),
            inbox: self.inbox.clone(),
            public_key: PublicKey::new(self.ap_id.clone(), self.public_key.clone()),
        })
    }
}

impl Actor for RelayActor {
    fn id(&self) -> Url {
        self.ap_id.clone()
    }
    fn public_key_pem(&self) -> &str {
        &self.public_key
    }
    fn private_key_pem(&self) -> Option<String> {
        Some(self.private_key.clone())
    }
    fn inbox(&self) -> Url {
        self.inbox.clone()
    }
}

#[async_trait::async_trait]
impl Object for RemoteInstance {
    type DataType = AppState;
    type Kind = ServiceJson;
    type Error = Error;

    /// Called whenever an incoming activity references an actor we may know.
    async fn read_from_id(object_id: Url, data: &Data<Self::DataType>) -> Result<Option<Self>, Self::Error> {
        let found = sqlx::query_as::<_, RemoteInstance>(
            "SELECT actor_id, inbox, public_key FROM instances WHERE actor_id = $1",
        )
        .bind(object_id.as_str())
        .fetch_optional(&data.pool)
        .await?;
        Ok(found)
    }

    async fn into_json(self, _data: &Data<Self::DataType>) -> Result<Self::Kind, Self::Error> {
        let id = Url::parse(&self.actor_id)?;
        Ok(ServiceJson {
            kind: Default::default(),
            id: id.clone().into(),
            preferred_username: id.host_str().unwrap_or_default().to_string(),
            inbox: Url::parse(&self.inbox)?,
            public_key: PublicKey::new(id, self.public_key),
        })
    }

    async fn verify(json: &Self::Kind, expected_domain: &Url, _data: &Data<Self::DataType>) -> Result<(), Self::Error> {
        activitypub_federation::protocol::verification::verify_domains_match(json.id.inner(), expected_domain)?;
        Ok(())
    }

    async fn from_json(json: Self::Kind, data: &Data<Self::DataType>) -> Result<Self, Self::Error> {
        let instance = RemoteInstance {
            actor_id: json.id.inner().to_string(),
            inbox: json.inbox.to_string(),
            public_key: json.public_key.public_key_pem,
        };
        sqlx::query(
            "INSERT INTO instances (actor_id, inbox, public_key) VALUES ($1, $2, $3) \
             ON CONFLICT (actor_id) DO UPDATE SET inbox = excluded.inbox, public_key = excluded.public_key",
        )
        .bind(&instance.actor_id)
        .bind(&instance.inbox)
        .bind(&instance.public_key)
        .execute(&data.pool)
        .await?;
        Ok(instance)
    }
}

impl Actor for RemoteInstance {
    fn id(&self) -> Url {
        Url::parse(&self.actor_id).expect("stored actor ids are valid urls")
    }
    fn public_key_pem(&self) -> &str {
        &self.public_key
    }
    fn private_key_pem(&self) -> Option<String> {
        None
    }
    fn inbox(&self) -> Url {
        Url::parse(&self.inbox).expect("stored inboxes are valid urls")
    }
}

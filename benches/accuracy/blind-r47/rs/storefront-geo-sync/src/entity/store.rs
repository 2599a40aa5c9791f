//! Partner storefronts. Coordinates are filled in by the geocoder whenever a
//! row is saved with a new address.

use sea_orm::entity::prelude::*;
use sea_orm::{ActiveValue, Set};
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "storefronts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub partner_ref: String,
    pub name: String,
    pub address: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

#[derive(Deserialize)]
struct GeocodeHit {
    lat: String,
    lon: String,
}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    async fn before_save<C>(mut self, _db: &C, insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait,
    {
        // Only geocode when the address was (re)assigned by this save.
        let address = match &self.address {
            ActiveValue::Set(a) => a.clone(),
            _ => return Ok(self),
        };
        tracing::debug!(insert, %address, "geocoding storefront");

        let http = reqwest::Client::new();
        let hits: Vec<GeocodeHit> = http
            .get("https://nominatim.internal.example/search")
            .query(&[("q", address.as_str()), ("format", "json"), ("limit", "1")])
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| DbErr::Custom(format!("geocode: {e}")))?
            .json()
            .await
            .map_err(|e| DbErr::Custom(format!("geocode body: {e}")))?;

        if let Some(hit) = hits.first() {
            self.lat = Set(hit.lat.parse().ok());
            self.lon = Set(hit.lon.parse().ok());
        }
        Ok(self)
    }
}

//! `data "cmdb_service" "x" { name = "checkout" }`
//!
//! Owner team, tier and pager policy for a service, straight from the CMDB tables.

use std::borrow::Cow;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use sqlx::postgres::PgPoolOptions;
use tf_provider::{
    map, Attribute, AttributeConstraint, AttributeType, Block, DataSource, Description, Diagnostics,
    Schema, ValueEmpty, ValueNumber, ValueString,
};

use crate::provider::{settings, SharedSettings};

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct ServiceState<'a> {
    #[serde(borrow = "'a")]
    pub name: ValueString<'a>,
    #[serde(borrow = "'a")]
    pub owner_team: ValueString<'a>,
    pub tier: ValueNumber,
    #[serde(borrow = "'a")]
    pub pager_policy: ValueString<'a>,
}

pub struct ServiceDataSource {
    settings: SharedSettings,
}

impl ServiceDataSource {
    pub fn new(settings: SharedSettings) -> Self {
        Self { settings }
    }
}

#[derive(sqlx::FromRow)]
struct ServiceRow {
    owner_team: String,
    tier: i32,
    pager_policy: String,
}

#[async_trait]
impl DataSource for ServiceDataSource {
    type State<'a> = ServiceState<'a>;
    type ProviderMetaState<'a> = ValueEmpty;

    fn schema(&self, _diags: &mut Diagnostics) -> Option<Schema> {
        let computed = |desc: &'static str, t: AttributeType| Attribute {
            attr_type: t,
            description: Description::plain(desc),
            constraint: AttributeConstraint::Computed,
            ..Default::default()
        };
        Some(Schema {
            version: 1,
            block: Block {
                description: Description::plain("A service registered in the CMDB"),
                attributes: map! {
                    "name" => Attribute {
                        attr_type: AttributeType::String,
                        description: Description::plain("Service slug"),
                        constraint: AttributeConstraint::Required,
                        ..Default::default()
                    },
                    "owner_team" => computed("Owning team slug", AttributeType::String),
                    "tier" => computed("Criticality tier (0-3)", AttributeType::Number),
                    "pager_policy" => computed("Escalation policy id", AttributeType::String),
                },
                ..Default::default()
            },
        })
    }

    /// Terraform calls this once per `data "cmdb_service"` instance on every plan, apply and
    /// refresh (the platform repo has one per service via for_each, ~300 of them).
    async fn read<'a>(
        &self,
        diags: &mut Diagnostics,
        config: Self::State<'a>,
        _provider_meta_state: Self::ProviderMetaState<'a>,
    ) -> Option<Self::State<'a>> {
        let settings = settings(&self.settings, diags)?;
        let name = config.name.as_ref().map_or(String::new(), |n| n.to_string());

        let pool = match PgPoolOptions::new()
            .max_connections(2)
            .connect(&settings.database_url)
            .await
        {
            Ok(pool) => pool,
            Err(err) => {
                diags.root_error("cannot reach the CMDB database", err.to_string());
                return None;
            }
        };

        let row: Option<ServiceRow> = match sqlx::query_as(
            "SELECT t.slug AS owner_team, s.tier, s.pager_policy \
               FROM services s JOIN teams t ON t.id = s.owner_team_id \
              WHERE s.slug = $1 AND s.retired_at IS NULL",
        )
        .bind(&name)
        .fetch_optional(&pool)
        .await
        {
            Ok(row) => row,
            Err(err) => {
                diags.root_error("CMDB query failed", err.to_string());
                return None;
            }
        };

        let Some(row) = row else {
            diags.root_error("unknown service", format!("no active service named {name:?}"));
            return None;
        };

        let mut state = config;
        state.owner_team = ValueString::Value(Cow::Owned(row.owner_team));
        state.tier = ValueNumber::Value(row.tier as i64);
        state.pager_policy = ValueString::Value(Cow::Owned(row.pager_policy));
        Some(state)
    }
}

//! `data "cmdb_network" "x" { site = "fra1", purpose = "k8s-nodes" }`

use std::borrow::Cow;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use tf_provider::{
    map, Attribute, AttributeConstraint, AttributeType, Block, DataSource, Description, Diagnostics,
    Schema, ValueEmpty, ValueNumber, ValueString,
};

use crate::provider::{settings, SharedSettings};

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct NetworkState<'a> {
    #[serde(borrow = "'a")]
    pub site: ValueString<'a>,
    #[serde(borrow = "'a")]
    pub purpose: ValueString<'a>,
    #[serde(borrow = "'a")]
    pub cidr: ValueString<'a>,
    pub vlan: ValueNumber,
    #[serde(borrow = "'a")]
    pub gateway: ValueString<'a>,
}

#[derive(Deserialize)]
struct Prefix {
    prefix: String,
    vlan: i64,
    gateway: String,
}

pub struct NetworkDataSource {
    settings: SharedSettings,
}

impl NetworkDataSource {
    pub fn new(settings: SharedSettings) -> Self {
        Self { settings }
    }
}

#[async_trait]
impl DataSource for NetworkDataSource {
    type State<'a> = NetworkState<'a>;
    type ProviderMetaState<'a> = ValueEmpty;

    fn schema(&self, _diags: &mut Diagnostics) -> Option<Schema> {
        let input = |desc: &'static str| Attribute {
            attr_type: AttributeType::String,
            description: Description::plain(desc),
            constraint: AttributeConstraint::Required,
            ..Default::default()
        };
        let output = |desc: &'static str, t: AttributeType| Attribute {
            attr_type: t,
            description: Description::plain(desc),
            constraint: AttributeConstraint::Computed,
            ..Default::default()
        };
        Some(Schema {
            version: 1,
            block: Block {
                description: Description::plain("A network prefix allocated in IPAM"),
                attributes: map! {
                    "site" => input("Site code"),
                    "purpose" => input("Prefix role"),
                    "cidr" => output("Allocated prefix", AttributeType::String),
                    "vlan" => output("VLAN id", AttributeType::Number),
                    "gateway" => output("Default gateway", AttributeType::String),
                },
                ..Default::default()
            },
        })
    }

    async fn read<'a>(
        &self,
        diags: &mut Diagnostics,
        config: Self::State<'a>,
        _provider_meta_state: Self::ProviderMetaState<'a>,
    ) -> Option<Self::State<'a>> {
        let settings = settings(&self.settings, diags)?;
        let site = config.site.as_ref().map_or(String::new(), |s| s.to_string());
        let purpose = config.purpose.as_ref().map_or(String::new(), |s| s.to_string());

        // shared client from `configure`, one per provider process
        let resp = settings
            .ipam
            .get(format!("{}/api/ipam/prefixes/", settings.ipam_url.trim_end_matches('/')))
            .query(&[("site", site.as_str()), ("role", purpose.as_str()), ("status", "active")])
            .send()
            .await;
        let prefixes: Vec<Prefix> = match resp {
            Ok(r) => match r.error_for_status() {
                Ok(r) => r.json().await.unwrap_or_default(),
                Err(err) => {
                    diags.root_error("IPAM lookup failed", err.to_string());
                    return None;
                }
            },
            Err(err) => {
                diags.root_error("IPAM unreachable", err.to_string());
                return None;
            }
        };

        let Some(prefix) = prefixes.into_iter().next() else {
            diags.root_error("no prefix", format!("no active {purpose} prefix at {site}"));
            return None;
        };

        let mut state = config;
        state.cidr = ValueString::Value(Cow::Owned(prefix.prefix));
        state.vlan = ValueNumber::Value(prefix.vlan);
        state.gateway = ValueString::Value(Cow::Owned(prefix.gateway));
        Some(state)
    }
}

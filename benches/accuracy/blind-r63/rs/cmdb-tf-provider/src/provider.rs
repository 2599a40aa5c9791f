use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use tf_provider::data_source::DynamicDataSource;
use tf_provider::{
    map, Attribute, AttributeConstraint, AttributeType, Block, Description, Diagnostics, Provider,
    Schema, ValueEmpty, ValueString,
};

use crate::{network::NetworkDataSource, service::ServiceDataSource, team::TeamDataSource};

/// Values from the `provider "cmdb" { ... }` block, resolved once in `configure`.
#[derive(Debug)]
pub struct Settings {
    pub database_url: String,
    pub directory_url: String,
    pub directory_token: String,
    pub ipam_url: String,
    /// IPAM client: built once per provider process, shared by every `cmdb_network` read.
    pub ipam: reqwest::Client,
}

pub type SharedSettings = Arc<OnceLock<Settings>>;

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct CmdbConfig<'a> {
    #[serde(borrow = "'a")]
    pub database_url: ValueString<'a>,
    #[serde(borrow = "'a")]
    pub directory_url: ValueString<'a>,
    #[serde(borrow = "'a")]
    pub directory_token: ValueString<'a>,
    #[serde(borrow = "'a")]
    pub ipam_url: ValueString<'a>,
}

#[derive(Debug, Default, Clone)]
pub struct CmdbProvider {
    settings: SharedSettings,
}

fn text<'a>(value: &ValueString<'a>, env: &str) -> String {
    value
        .as_ref()
        .map_or_else(|| std::env::var(env).unwrap_or_default(), |v: &Cow<'a, str>| v.to_string())
}

#[async_trait]
impl Provider for CmdbProvider {
    type Config<'a> = CmdbConfig<'a>;
    type MetaState<'a> = ValueEmpty;

    fn schema(&self, _diags: &mut Diagnostics) -> Option<Schema> {
        let optional = |desc: &'static str, sensitive: bool| Attribute {
            attr_type: AttributeType::String,
            description: Description::plain(desc),
            constraint: AttributeConstraint::Optional,
            sensitive,
            ..Default::default()
        };
        Some(Schema {
            version: 1,
            block: Block {
                description: Description::plain("Read-only access to the platform CMDB"),
                attributes: map! {
                    "database_url" => optional("CMDB Postgres URL (CMDB_DATABASE_URL)", true),
                    "directory_url" => optional("People directory API (CMDB_DIRECTORY_URL)", false),
                    "directory_token" => optional("People directory token (CMDB_DIRECTORY_TOKEN)", true),
                    "ipam_url" => optional("IPAM API base URL (CMDB_IPAM_URL)", false),
                },
                ..Default::default()
            },
        })
    }

    async fn configure<'a>(
        &self,
        diags: &mut Diagnostics,
        _terraform_version: String,
        config: Self::Config<'a>,
    ) -> Option<()> {
        let ipam = match reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent("terraform-provider-cmdb/0.4")
            .build()
        {
            Ok(client) => client,
            Err(err) => {
                diags.root_error("cannot build IPAM client", err.to_string());
                return None;
            }
        };
        let settings = Settings {
            database_url: text(&config.database_url, "CMDB_DATABASE_URL"),
            directory_url: text(&config.directory_url, "CMDB_DIRECTORY_URL"),
            directory_token: text(&config.directory_token, "CMDB_DIRECTORY_TOKEN"),
            ipam_url: text(&config.ipam_url, "CMDB_IPAM_URL"),
            ipam,
        };
        // configure is called once per provider instance; ignore a repeated call
        let _ = self.settings.set(settings);
        Some(())
    }

    fn get_data_sources(
        &self,
        _diags: &mut Diagnostics,
    ) -> Option<HashMap<String, Box<dyn DynamicDataSource>>> {
        Some(map! {
            "service" => ServiceDataSource::new(self.settings.clone()),
            "team" => TeamDataSource::new(self.settings.clone()),
            "network" => NetworkDataSource::new(self.settings.clone()),
        })
    }
}

pub fn settings<'s>(shared: &'s SharedSettings, diags: &mut Diagnostics) -> Option<&'s Settings> {
    let found = shared.get();
    if found.is_none() {
        diags.root_error_short("provider \"cmdb\" is not configured");
    }
    found
}

//! `data "cmdb_team" "x" { slug = "payments" }`
//!
//! Team metadata lives in the people directory, not in the CMDB database.

use std::borrow::Cow;
use std::time::Duration;

use async_trait::async_trait;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::{Deserialize, Serialize};
use tf_provider::{
    map, Attribute, AttributeConstraint, AttributeType, Block, DataSource, Description, Diagnostics,
    Schema, ValueEmpty, ValueList, ValueString,
};

use crate::provider::{settings, SharedSettings};

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct TeamState<'a> {
    #[serde(borrow = "'a")]
    pub slug: ValueString<'a>,
    #[serde(borrow = "'a")]
    pub display_name: ValueString<'a>,
    #[serde(borrow = "'a")]
    pub slack_channel: ValueString<'a>,
    pub members: ValueList<ValueString<'a>>,
}

#[derive(Deserialize)]
struct DirectoryTeam {
    display_name: String,
    slack_channel: String,
    members: Vec<String>,
}

pub struct TeamDataSource {
    settings: SharedSettings,
}

impl TeamDataSource {
    pub fn new(settings: SharedSettings) -> Self {
        Self { settings }
    }
}

#[async_trait]
impl DataSource for TeamDataSource {
    type State<'a> = TeamState<'a>;
    type ProviderMetaState<'a> = ValueEmpty;

    fn schema(&self, _diags: &mut Diagnostics) -> Option<Schema> {
        Some(Schema {
            version: 1,
            block: Block {
                description: Description::plain("A team from the people directory"),
                attributes: map! {
                    "slug" => Attribute {
                        attr_type: AttributeType::String,
                        description: Description::plain("Team slug"),
                        constraint: AttributeConstraint::Required,
                        ..Default::default()
                    },
                    "display_name" => Attribute {
                        attr_type: AttributeType::String,
                        description: Description::plain("Human readable name"),
                        constraint: AttributeConstraint::Computed,
                        ..Default::default()
                    },
                    "slack_channel" => Attribute {
                        attr_type: AttributeType::String,
                        description: Description::plain("Team channel"),
                        constraint: AttributeConstraint::Computed,
                        ..Default::default()
                    },
                    "members" => Attribute {
                        attr_type: AttributeType::List(AttributeType::String.into()),
                        description: Description::plain("Member e-mail addresses"),
                        constraint: AttributeConstraint::Computed,
                        ..Default::default()
                    },
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
        let slug = config.slug.as_ref().map_or(String::new(), |s| s.to_string());

        let mut headers = HeaderMap::new();
        let bearer = format!("Bearer {}", settings.directory_token);
        headers.insert(AUTHORIZATION, HeaderValue::from_str(&bearer).ok()?);
        let directory = match reqwest::Client::builder()
            .default_headers(headers)
            .timeout(Duration::from_secs(15))
            .build()
        {
            Ok(client) => client,
            Err(err) => {
                diags.root_error("cannot build directory client", err.to_string());
                return None;
            }
        };

        let url = format!("{}/v2/teams/{}", settings.directory_url.trim_end_matches('/'), slug);
        let team: DirectoryTeam = match directory.get(&url).send().await {
            Ok(resp) if resp.status().is_success() => match resp.json().await {
                Ok(team) => team,
                Err(err) => {
                    diags.root_error("bad directory response", err.to_string());
                    return None;
                }
            },
            Ok(resp) => {
                diags.root_error("directory lookup failed", format!("{url}: {}", resp.status()));
                return None;
            }
            Err(err) => {
                diags.root_error("directory unreachable", err.to_string());
                return None;
            }
        };

        let mut state = config;
        state.display_name = ValueString::Value(Cow::Owned(team.display_name));
        state.slack_channel = ValueString::Value(Cow::Owned(team.slack_channel));
        state.members = ValueList::Value(
            team.members
                .into_iter()
                .map(|m| ValueString::Value(Cow::Owned(m)))
                .collect(),
        );
        Some(state)
    }
}

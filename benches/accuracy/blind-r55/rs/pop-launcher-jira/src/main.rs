mod sites;

use pop_launcher_toolkit::launcher::{IconSource, Indice, PluginResponse, PluginSearchResult};
use pop_launcher_toolkit::plugin_trait::{async_trait, PluginExt};
use serde::Deserialize;

use crate::sites::{ClientCache, Site, SitesFile};

#[derive(Deserialize)]
struct SearchResponse {
    issues: Vec<Issue>,
}

#[derive(Deserialize)]
struct Issue {
    key: String,
    fields: Fields,
}

#[derive(Deserialize)]
struct Fields {
    summary: String,
    status: Status,
}

#[derive(Deserialize)]
struct Status {
    name: String,
}

struct JiraPlugin {
    config: SitesFile,
    clients: ClientCache,
    /// URLs of the results of the last search, indexed by result id.
    last_results: Vec<String>,
}

impl JiraPlugin {
    fn pick_site<'a>(&'a self, query: &'a str) -> (&'a Site, &'a str) {
        let rest = query.trim_start_matches("jira").trim();
        if let Some((alias, tail)) = rest.split_once(' ') {
            if let Some(site) = self.config.sites.iter().find(|s| s.alias == alias) {
                return (site, tail.trim());
            }
        }
        let default = self
            .config
            .sites
            .iter()
            .find(|s| s.alias == self.config.default_alias)
            .unwrap_or(&self.config.sites[0]);
        (default, rest)
    }
}

#[async_trait]
impl PluginExt for JiraPlugin {
    fn name(&self) -> &str {
        "jira_issues"
    }

    async fn search(&mut self, query: &str) {
        self.last_results.clear();
        let (site, text) = self.pick_site(query);
        let site = site.clone();
        let text = text.to_string();
        if text.len() >= 2 {
            if let Some(http) = self.clients.get(&site) {
                let jql = format!("text ~ \"{}\" ORDER BY updated DESC", text.replace('"', ""));
                let found = http
                    .get(format!("{}/rest/api/3/search", site.base_url))
                    .basic_auth(&site.email, Some(&site.api_token))
                    .query(&[("jql", jql.as_str()), ("maxResults", "8"), ("fields", "summary,status")])
                    .send()
                    .await
                    .and_then(|r| r.error_for_status());
                if let Ok(resp) = found {
                    if let Ok(body) = resp.json::<SearchResponse>().await {
                        for issue in body.issues {
                            let id = self.last_results.len() as Indice;
                            self.last_results.push(format!("{}/browse/{}", site.base_url, issue.key));
                            self.respond_with(PluginResponse::Append(PluginSearchResult {
                                id,
                                name: format!("{} {}", issue.key, issue.fields.summary),
                                description: format!("{} · {}", site.alias, issue.fields.status.name),
                                icon: Some(IconSource::Name("jira".into())),
                                ..Default::default()
                            }))
                            .await;
                        }
                    }
                }
            }
        }
        self.respond_with(PluginResponse::Finished).await;
    }

    async fn activate(&mut self, id: Indice) {
        if let Some(url) = self.last_results.get(id as usize) {
            let _ = tokio::process::Command::new("xdg-open").arg(url).spawn();
        }
        self.respond_with(PluginResponse::Close).await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let Some(config) = sites::load() else {
        eprintln!("jira-issues: no ~/.config/pop-launcher/jira.ron, plugin disabled");
        return;
    };
    if config.sites.is_empty() {
        return;
    }
    let mut plugin = JiraPlugin {
        config,
        clients: ClientCache::default(),
        last_results: Vec::new(),
    };
    // pop-launcher keeps this process alive and sends a request per keystroke.
    plugin.run().await
}

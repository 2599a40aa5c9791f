//! Exec credential plugin. Contract (client.authentication.k8s.io/v1): read the optional
//! KUBERNETES_EXEC_INFO, print one ExecCredential JSON object on stdout, exit.

mod cache;
mod sso;

use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct ExecInfo {
    spec: ExecSpec,
}

#[derive(Deserialize)]
struct ExecSpec {
    cluster: Option<ClusterInfo>,
}

#[derive(Deserialize)]
struct ClusterInfo {
    server: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExecCredential {
    api_version: &'static str,
    kind: &'static str,
    status: CredentialStatus,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CredentialStatus {
    token: String,
    expiration_timestamp: String,
}

fn main() -> anyhow::Result<()> {
    let cluster = std::env::var("KUBERNETES_EXEC_INFO")
        .ok()
        .and_then(|raw| serde_json::from_str::<ExecInfo>(&raw).ok())
        .and_then(|info| info.spec.cluster)
        .map(|c| c.server)
        .unwrap_or_else(|| "default".to_string());

    // The shared cache is best effort: without it every kubectl call goes to the IdP.
    let mut cache = cache::connect().ok();

    let cached = cache.as_mut().and_then(|c| cache::lookup(c, &cluster).ok().flatten());
    let token = match cached {
        Some(token) => token,
        None => {
            let http = sso::client()?;
            let token = sso::exchange(&http, &cluster)?;
            if let Some(c) = cache.as_mut() {
                let _ = cache::store(c, &cluster, &token);
            }
            token
        }
    };

    let credential = ExecCredential {
        api_version: "client.authentication.k8s.io/v1",
        kind: "ExecCredential",
        status: CredentialStatus {
            token: token.access_token,
            expiration_timestamp: token.expires_at,
        },
    };
    println!("{}", serde_json::to_string(&credential)?);
    Ok(())
}

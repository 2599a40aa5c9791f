//! The IDE (IntelliJ BSP plugin / Metals) spawns `acme-bsp` once per opened workspace and
//! talks JSON-RPC 2.0 over stdio with LSP-style Content-Length framing. The process lives
//! as long as the project window; every "Build" / save-triggered compile is one request.

mod artifacts;
mod cache;
mod graph;
mod rpc;

use anyhow::{Context, Result};
use serde_json::{json, Value};

struct Server {
    graph: graph::BuildGraph,
    cache: cache::RemoteCache,
    workspace: String,
}

#[tokio::main]
async fn main() -> Result<()> {
    let database_url = std::env::var("ACME_BUILD_DATABASE_URL").context("ACME_BUILD_DATABASE_URL")?;
    let bucket = std::env::var("ACME_CACHE_BUCKET").unwrap_or_else(|_| "acme-build-cache".into());
    let workspace = std::env::current_dir()?.display().to_string();

    let graph = graph::BuildGraph::connect(&database_url).await?;
    let cache = cache::RemoteCache::connect(&database_url, bucket).await?;
    let server = Server { graph, cache, workspace };

    let mut io = rpc::Stdio::new();
    while let Some(msg) = io.read().await? {
        let method = msg["method"].as_str().unwrap_or_default().to_string();
        let id = msg.get("id").cloned();
        let params = msg.get("params").cloned().unwrap_or(Value::Null);

        let result = match method.as_str() {
            "build/initialize" => Ok(json!({
                "displayName": "acme-build",
                "version": env!("CARGO_PKG_VERSION"),
                "bspVersion": "2.1.0",
                "capabilities": {
                    "compileProvider": { "languageIds": ["java", "kotlin"] },
                    "canReload": true
                }
            })),
            "build/initialized" => continue,
            "workspace/buildTargets" => server.build_targets().await,
            "buildTarget/sources" => server.sources(&params).await,
            "buildTarget/compile" => server.compile(&params, &mut io).await,
            "build/shutdown" => Ok(Value::Null),
            "build/exit" => break,
            other => Err(anyhow::anyhow!("method not found: {other}")),
        };

        if let Some(id) = id {
            io.respond(id, result).await?;
        }
    }
    Ok(())
}

impl Server {
    async fn build_targets(&self) -> Result<Value> {
        let targets = self.graph.targets().await?;
        let targets: Vec<Value> = targets
            .into_iter()
            .map(|t| json!({
                "id": { "uri": format!("acme://{}", t.label) },
                "displayName": t.label,
                "baseDirectory": format!("file://{}/{}", self.workspace, t.package),
                "tags": [t.kind],
                "languageIds": [t.language],
                "dependencies": t.deps.iter().map(|d| json!({ "uri": format!("acme://{d}") })).collect::<Vec<_>>(),
                "capabilities": { "canCompile": true, "canTest": false, "canRun": false, "canDebug": false }
            }))
            .collect();
        Ok(json!({ "targets": targets }))
    }

    async fn sources(&self, params: &Value) -> Result<Value> {
        let mut items = Vec::new();
        for target in params["targets"].as_array().into_iter().flatten() {
            let label = target["uri"].as_str().unwrap_or_default().trim_start_matches("acme://");
            let files = self.graph.sources(label).await?;
            items.push(json!({
                "target": target,
                "sources": files.iter().map(|f| json!({
                    "uri": format!("file://{}/{}", self.workspace, f), "kind": 1, "generated": false
                })).collect::<Vec<_>>()
            }));
        }
        Ok(json!({ "items": items }))
    }

    async fn compile(&self, params: &Value, io: &mut rpc::Stdio) -> Result<Value> {
        let mut status = 1; // StatusCode.Ok
        for target in params["targets"].as_array().into_iter().flatten() {
            let label = target["uri"].as_str().unwrap_or_default().trim_start_matches("acme://");
            let inputs = self.graph.input_digest(label, &self.workspace).await?;

            if let Some(key) = self.cache.lookup(label, &inputs).await? {
                artifacts::fetch(self.cache.bucket(), &key, &self.workspace).await?;
                io.notify("build/logMessage", json!({ "type": 4, "message": format!("{label}: remote cache hit") })).await?;
                continue;
            }

            let out = tokio::process::Command::new("./tools/acme")
                .args(["build", label])
                .current_dir(&self.workspace)
                .output()
                .await?;
            if out.status.success() {
                self.cache.store(label, &inputs).await?;
            } else {
                status = 2; // StatusCode.Error
                io.notify("build/logMessage", json!({
                    "type": 1, "message": String::from_utf8_lossy(&out.stderr)
                })).await?;
            }
        }
        Ok(json!({ "originId": params["originId"], "statusCode": status }))
    }
}

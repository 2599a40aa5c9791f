use std::collections::HashMap;
use std::time::Duration;

use anyhow::{anyhow, Result};
use jupyter_protocol::{
    ConnectionInfo, DisplayData, ErrorOutput, ExecuteReply, ExecutionCount, JupyterMessage,
    JupyterMessageContent, MediaType, ReplyStatus, Status,
};
use runtimelib::{KernelIoPubConnection, KernelShellConnection};
use serde::Deserialize;
use serde_json::Value;
use sqlx::postgres::{PgPool, PgPoolOptions};

use crate::display::{kernel_info, render};

#[derive(Debug, Deserialize)]
pub struct AliasConfig {
    pub dsn_env: String,
    pub max_rows: i64,
}

#[derive(Debug, Deserialize)]
pub struct KernelConfig {
    pub default: String,
    pub paste_url: String,
    pub aliases: HashMap<String, AliasConfig>,
}

impl KernelConfig {
    pub fn load(path: &str) -> Result<Self> {
        Ok(toml::from_str(&std::fs::read_to_string(path)?)?)
    }
}

pub struct SqlKernel {
    config: KernelConfig,
    current: String,
    /// one pool per alias from kernels.toml, opened on first use and kept for the session
    pools: HashMap<String, PgPool>,
    http: reqwest::Client,
    iopub: KernelIoPubConnection,
    execution_count: ExecutionCount,
    last_result: Option<Value>,
}

impl SqlKernel {
    pub async fn start(config: KernelConfig, info: &ConnectionInfo) -> Result<()> {
        let session = uuid::Uuid::new_v4().to_string();
        let mut heartbeat = runtimelib::create_kernel_heartbeat_connection(info).await?;
        let mut control = runtimelib::create_kernel_control_connection(info, &session).await?;
        let shell = runtimelib::create_kernel_shell_connection(info, &session).await?;
        let iopub = runtimelib::create_kernel_iopub_connection(info, &session).await?;
        let _stdin = runtimelib::create_kernel_stdin_connection(info, &session).await?;

        let http = reqwest::Client::builder().timeout(Duration::from_secs(10)).build()?;
        let mut kernel = SqlKernel {
            current: config.default.clone(),
            config,
            pools: HashMap::new(),
            http,
            iopub,
            execution_count: Default::default(),
            last_result: None,
        };

        tokio::spawn(async move { while heartbeat.single_heartbeat().await.is_ok() {} });
        tokio::spawn(async move {
            while let Ok(msg) = control.read().await {
                if let JupyterMessageContent::KernelInfoRequest(_) = msg.content {
                    let _ = control.send(kernel_info().as_child_of(&msg)).await;
                }
            }
        });

        kernel.shell_loop(shell).await
    }

    async fn shell_loop(&mut self, mut shell: KernelShellConnection) -> Result<()> {
        loop {
            let msg = shell.read().await?;
            self.iopub.send(Status::busy().as_child_of(&msg)).await?;
            match &msg.content {
                JupyterMessageContent::KernelInfoRequest(_) => {
                    shell.send(kernel_info().as_child_of(&msg)).await?;
                }
                JupyterMessageContent::ExecuteRequest(req) => {
                    self.execution_count.0 += 1;
                    let code = req.code.clone();
                    let outcome = self.execute(&code, &msg).await;
                    let status = match &outcome {
                        Ok(()) => ReplyStatus::Ok,
                        Err(err) => {
                            let error = ErrorOutput {
                                ename: "SqlError".into(),
                                evalue: err.to_string(),
                                traceback: vec![err.to_string()],
                            };
                            self.iopub.send(error.as_child_of(&msg)).await?;
                            ReplyStatus::Error
                        }
                    };
                    let reply = ExecuteReply {
                        status,
                        execution_count: self.execution_count,
                        user_expressions: Default::default(),
                        payload: Default::default(),
                        error: None,
                    };
                    shell.send(reply.as_child_of(&msg)).await?;
                }
                _ => {}
            }
            self.iopub.send(Status::idle().as_child_of(&msg)).await?;
        }
    }

    /// Pool for an alias declared in kernels.toml; created once, reused by later cells.
    async fn pool(&mut self, alias: &str) -> Result<PgPool> {
        if let Some(pool) = self.pools.get(alias) {
            return Ok(pool.clone());
        }
        let cfg = self
            .config
            .aliases
            .get(alias)
            .ok_or_else(|| anyhow!("unknown database alias {alias:?} (see kernels.toml)"))?;
        let dsn = std::env::var(&cfg.dsn_env).map_err(|_| anyhow!("{} is not set", cfg.dsn_env))?;
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .idle_timeout(Duration::from_secs(600))
            .connect(&dsn)
            .await?;
        self.pools.insert(alias.to_string(), pool.clone());
        Ok(pool)
    }

    async fn execute(&mut self, code: &str, parent: &JupyterMessage) -> Result<()> {
        let code = code.trim();
        if let Some(magic) = code.strip_prefix('%') {
            let mut words = magic.split_whitespace();
            return match (words.next(), words.next()) {
                (Some("use"), Some(alias)) => {
                    self.pool(alias).await?;
                    self.current = alias.to_string();
                    self.markdown(&format!("using **{alias}**"), parent).await
                }
                (Some("aliases"), _) => {
                    let mut names: Vec<_> = self.config.aliases.keys().cloned().collect();
                    names.sort();
                    self.markdown(&names.join(", "), parent).await
                }
                (Some("share"), _) => {
                    let rows = self.last_result.clone().ok_or_else(|| anyhow!("nothing to share yet"))?;
                    let link: Value = self
                        .http
                        .post(&self.config.paste_url)
                        .json(&serde_json::json!({ "format": "json", "content": rows }))
                        .send()
                        .await?
                        .error_for_status()?
                        .json()
                        .await?;
                    self.markdown(&format!("shared: {}", link["url"].as_str().unwrap_or("?")), parent).await
                }
                _ => Err(anyhow!("unknown magic %{magic}")),
            };
        }

        let alias = self.current.clone();
        let max_rows = self.config.aliases.get(&alias).map(|a| a.max_rows).unwrap_or(500);
        let pool = self.pool(&alias).await?;

        let sql = format!(
            "SELECT to_jsonb(t) FROM ({}) t LIMIT {max_rows}",
            code.trim_end_matches(';')
        );
        let rows: Vec<Value> = sqlx::query_scalar(&sql).fetch_all(&pool).await?;

        let table = render(&rows);
        self.last_result = Some(Value::Array(rows));
        self.markdown(&table, parent).await
    }

    async fn markdown(&mut self, text: &str, parent: &JupyterMessage) -> Result<()> {
        let display = DisplayData::from(MediaType::Markdown(text.to_string()));
        Ok(self.iopub.send(display.as_child_of(parent)).await?)
    }
}

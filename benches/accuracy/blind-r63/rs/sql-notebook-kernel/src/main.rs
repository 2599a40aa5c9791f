//! Jupyter starts one kernel process per open notebook (`kernel.json` argv below);
//! every cell the analyst runs arrives as one execute_request on the shell socket.

mod display;
mod kernel;

use anyhow::{Context, Result};
use clap::Parser;
use jupyter_protocol::ConnectionInfo;

#[derive(Parser, Debug)]
struct Args {
    /// Connection file written by the Jupyter server
    #[arg(short = 'f', long)]
    connection_file: Option<String>,

    /// Write kernel.json into the user's Jupyter data dir
    #[arg(long)]
    install: bool,
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();

    if args.install {
        let dir = runtimelib::user_data_dir()?.join("kernels").join("pgsql");
        tokio::fs::create_dir_all(&dir).await?;
        let spec = serde_json::json!({
            "argv": [std::env::current_exe()?.to_string_lossy(), "-f", "{connection_file}"],
            "display_name": "PostgreSQL (analytics)",
            "language": "sql",
        });
        tokio::fs::write(dir.join("kernel.json"), serde_json::to_vec_pretty(&spec)?).await?;
        return Ok(());
    }

    let path = args.connection_file.context("--connection-file is required")?;
    let info: ConnectionInfo = serde_json::from_str(&tokio::fs::read_to_string(&path).await?)
        .with_context(|| format!("bad connection file {path}"))?;
    let config = kernel::KernelConfig::load("kernels.toml")?;

    kernel::SqlKernel::start(config, &info).await
}

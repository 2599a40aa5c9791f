//! terraform-provider-cmdb
//!
//! Terraform (and OpenTofu) start this binary as a go-plugin over gRPC for every
//! `plan` / `apply` / `refresh`. The process lives for one terraform command and
//! serves every data block of every module in the configuration.

mod network;
mod provider;
mod service;
mod team;

use anyhow::Result;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    tf_provider::serve("cmdb", provider::CmdbProvider::default()).await
}

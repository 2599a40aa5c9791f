//! The container runtime (runc / crun via podman or CRI-O hooks.d) executes this binary
//! once per lifecycle stage of every tracked container, passing the container state
//! JSON on stdin. Each execution is its own short-lived process: it connects once,
//! does its two statements and exits.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use oci_spec::runtime::Spec;
use serde::Deserialize;

mod inventory;

/// The OCI "state" document the runtime writes to the hook's stdin.
#[derive(Deserialize, Debug)]
pub struct State {
    #[serde(rename = "ociVersion")]
    pub oci_version: String,
    pub id: String,
    pub status: String,
    #[serde(default)]
    pub pid: Option<i32>,
    pub bundle: String,
    #[serde(default)]
    pub annotations: std::collections::HashMap<String, String>,
}

fn run(stage: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut raw = String::new();
    std::io::stdin().read_to_string(&mut raw)?;
    let state: State = serde_json::from_str(&raw)?;

    let spec = Spec::load(Path::new(&state.bundle).join("config.json"))?;
    let hostname = spec.hostname().clone().unwrap_or_default();
    let image = state
        .annotations
        .get("io.podman.annotations.image")
        .or_else(|| state.annotations.get("io.kubernetes.cri-o.ImageName"))
        .cloned()
        .unwrap_or_default();

    let mut inv = inventory::Inventory::open()?;
    let result = match stage {
        "createRuntime" => inv.container_created(&state, &hostname, &image),
        "poststop" => inv.container_stopped(&state),
        other => Err(format!("unsupported hook stage {other}").into()),
    };
    inv.close();
    result
}

fn main() -> ExitCode {
    let stage = std::env::args().nth(1).unwrap_or_default();
    match run(&stage) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A failing createRuntime hook would stop the container from starting;
            // inventory is best-effort, so log and succeed.
            eprintln!("oci-inventory-hook[{stage}]: {e}");
            ExitCode::SUCCESS
        }
    }
}

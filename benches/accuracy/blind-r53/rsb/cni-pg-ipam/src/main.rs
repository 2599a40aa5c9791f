//! CNI IPAM plugin. The container runtime executes this binary once per
//! ADD / DEL / CHECK / VERSION, with the network config on stdin, and reads
//! the result from stdout. Nothing survives between invocations.

use std::io::Read;
use std::process::ExitCode;

use ipnet::Ipv4Net;
use serde::Deserialize;
use serde_json::json;

mod store;

const SUPPORTED: &[&str] = &["0.4.0", "1.0.0"];

#[derive(Deserialize)]
struct NetConf {
    #[serde(rename = "cniVersion")]
    cni_version: String,
    name: String,
    ipam: IpamConf,
}

#[derive(Deserialize)]
pub struct IpamConf {
    pub subnet: Ipv4Net,
    pub gateway: std::net::Ipv4Addr,
    /// libpq-style connection string, e.g. "host=ipam-db.infra port=5432 ..."
    pub dsn: String,
    #[serde(default)]
    pub sslmode_require: bool,
}

fn env(name: &str) -> anyhow::Result<String> {
    std::env::var(name).map_err(|_| anyhow::anyhow!("{name} is not set"))
}

fn fail(version: &str, code: u32, msg: &str) -> ExitCode {
    println!("{}", json!({ "cniVersion": version, "code": code, "msg": msg }));
    ExitCode::FAILURE
}

fn run(command: &str, conf: &NetConf) -> anyhow::Result<serde_json::Value> {
    let container_id = env("CNI_CONTAINERID")?;
    let ifname = env("CNI_IFNAME")?;

    match command {
        "ADD" => {
            let lease = store::lease(&conf.ipam, &conf.name, &container_id, &ifname)?;
            let prefix = conf.ipam.subnet.prefix_len();
            Ok(json!({
                "cniVersion": conf.cni_version,
                "ips": [{ "address": format!("{lease}/{prefix}"), "gateway": conf.ipam.gateway.to_string() }],
                "routes": [{ "dst": "0.0.0.0/0" }],
                "dns": {}
            }))
        }
        "DEL" => {
            store::release(&conf.ipam, &conf.name, &container_id, &ifname)?;
            Ok(serde_json::Value::Null)
        }
        "CHECK" => {
            if !store::exists(&conf.ipam, &conf.name, &container_id, &ifname)? {
                anyhow::bail!("no lease for {container_id}/{ifname}");
            }
            Ok(serde_json::Value::Null)
        }
        other => anyhow::bail!("unknown CNI_COMMAND {other}"),
    }
}

fn main() -> ExitCode {
    let command = std::env::var("CNI_COMMAND").unwrap_or_default();
    if command == "VERSION" {
        println!("{}", json!({ "cniVersion": "1.0.0", "supportedVersions": SUPPORTED }));
        return ExitCode::SUCCESS;
    }

    let mut raw = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut raw) {
        return fail("1.0.0", 5, &format!("reading stdin: {e}"));
    }
    let conf: NetConf = match serde_json::from_str(&raw) {
        Ok(c) => c,
        Err(e) => return fail("1.0.0", 6, &format!("decoding network config: {e}")),
    };
    if !SUPPORTED.contains(&conf.cni_version.as_str()) {
        return fail(&conf.cni_version, 1, "incompatible CNI version");
    }

    match run(&command, &conf) {
        Ok(serde_json::Value::Null) => ExitCode::SUCCESS,
        Ok(result) => {
            println!("{result}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&conf.cni_version, 11, &format!("{e:#}")),
    }
}

//! `connlint budget --database-url` against a real PostgreSQL: Debian's server binaries
//! (`postgresql` package; `CONNLINT_PG_BIN` names their directory otherwise), a throwaway cluster
//! started by the test on 127.0.0.1 with a known `max_connections`, and connections opened by
//! named applications. An unreachable server is an error, not a hang.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use common::connlint;
use serde_json::Value;

/// The directory of Debian's `initdb` and `postgres`.
fn pg_bin() -> PathBuf {
    if let Ok(dir) = std::env::var("CONNLINT_PG_BIN") {
        return PathBuf::from(dir);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.flatten().map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    found.retain(|d| d.join("initdb").is_file());
    found.sort();
    found.pop().unwrap_or_else(|| {
        panic!("no PostgreSQL server binaries: install Debian's `postgresql` (apt-get install postgresql) or set CONNLINT_PG_BIN")
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A command run as the `postgres` user when the tests run as root (the server refuses root).
fn as_server_user(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

/// A throwaway cluster, stopped when dropped.
struct Cluster {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_cluster() -> Cluster {
    let bin = pg_bin();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    if is_root() {
        let ok = Command::new("chown")
            .args(["postgres:postgres"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(ok.success());
    }
    let out = as_server_user(&bin.join("initdb"))
        .args(["-D"])
        .arg(&data)
        .args(["-U", "connlint", "--auth=trust", "-E", "UTF8", "--no-sync"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "initdb: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let port = free_port();
    let child = as_server_user(&bin.join("postgres"))
        .arg("-D")
        .arg(&data)
        .args(["-h", "127.0.0.1", "-p", &port.to_string(), "-k"])
        .arg(dir.path())
        .args([
            "-c",
            "max_connections=37",
            "-c",
            "superuser_reserved_connections=2",
            "-c",
            "fsync=off",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let cluster = Cluster {
        child,
        port,
        _dir: dir,
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if postgres::Client::connect(&cluster.url(), postgres::NoTls).is_ok() {
            return cluster;
        }
        assert!(Instant::now() < deadline, "the test cluster did not start");
        std::thread::sleep(Duration::from_millis(200));
    }
}

impl Cluster {
    fn url(&self) -> String {
        format!("postgresql://connlint@127.0.0.1:{}/postgres", self.port)
    }
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/budget")
        .join(name)
}

#[test]
fn the_live_server_is_read_and_shown_beside_the_static_budget() {
    let cluster = start_cluster();
    // Two connections of an application named `web`, open while connlint reads the server.
    let mut web = Vec::new();
    for _ in 0..2 {
        let mut config: postgres::Config = cluster.url().parse().unwrap();
        config.application_name("web");
        web.push(config.connect(postgres::NoTls).unwrap());
    }
    // A Prisma-style URL: its client-library parameters are left out, not an error.
    let url = format!(
        "{}?connection_limit=3&pgbouncer=true&sslmode=disable",
        cluster.url()
    );
    let out = connlint()
        .current_dir(fixture("reachability"))
        .args(["budget", "--format", "json", "--database-url", &url])
        .output()
        .unwrap();
    // Still over its configured limit (82 of 60): exit 1.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &v["server"];
    assert_eq!(s["max_connections"], 37);
    assert_eq!(s["reserved"], 2);
    assert_eq!(s["available"], 35);
    let apps = s["by_application"].as_array().unwrap();
    let count = |name: &str| {
        apps.iter()
            .filter(|a| a["application"] == name)
            .map(|a| a["connections"].as_u64().unwrap())
            .sum::<u64>()
    };
    assert_eq!(count("web"), 2, "{s:#}");
    assert_eq!(count("connlint budget"), 1, "{s:#}");
    assert!(
        s["url"]
            .as_str()
            .unwrap()
            .starts_with("postgresql://connlint@127.0.0.1:")
    );
    // The human report puts the static total beside what the server allows.
    let out = connlint()
        .current_dir(fixture("reachability"))
        .args(["budget", "--database-url", &cluster.url()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("max_connections 37, 2 reserved for superusers: 35 for applications"),
        "{text}"
    );
    assert!(
        text.contains(
            "DATABASE_URL: the pools may open 82 of the server's 35: 47 more than the server allows"
        ),
        "{text}"
    );
    drop(web);
    // Stopped, the same URL is an error naming it, within the timeout.
    let gone = cluster.url();
    drop(cluster);
    let started = Instant::now();
    let out = connlint()
        .current_dir(fixture("reachability"))
        .args(["budget", "--database-url", &gone, "--database-timeout", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read the live server"), "{err}");
    assert!(err.contains("cannot connect"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn the_url_may_come_from_a_variable_the_configuration_names() {
    let cluster = start_cluster();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("connlint.toml"),
        "[budget]\nmax_connections = 60\ndatabase_url_env = \"OPS_DATABASE_URL\"\n",
    )
    .unwrap();
    let out = connlint()
        .current_dir(fixture("reachability"))
        .args(["budget", "--format", "json", "--config"])
        .arg(dir.path().join("connlint.toml"))
        .env("OPS_DATABASE_URL", cluster.url())
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["server"]["max_connections"], 37);
    // Unset: the report is made without it, and says so.
    let out = connlint()
        .current_dir(fixture("reachability"))
        .args(["budget", "--format", "json", "--config"])
        .arg(dir.path().join("connlint.toml"))
        .env_remove("OPS_DATABASE_URL")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.get("server").is_none());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("`OPS_DATABASE_URL` ([budget] database_url_env) is not set")
    );
}

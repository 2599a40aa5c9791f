//! Invoked by sshd as `ssh-keys-lookup <user> <fingerprint>`; prints the
//! user's authorized_keys lines on stdout and exits. The process lives for
//! one authentication attempt only.
use std::env;
use std::process::ExitCode;
use std::time::Duration;

use postgres::{Client, Config, NoTls};

const FORGES: &[(&str, &str)] = &[
    ("github", "https://github.com/{}.keys"),
    ("gitlab", "https://gitlab.com/{}.keys"),
];

fn connect() -> Result<Client, postgres::Error> {
    let conninfo = env::var("KEYS_DATABASE_URL")
        .unwrap_or_else(|_| "host=/run/postgresql user=sshkeys dbname=directory".into());
    let mut config: Config = conninfo.parse()?;
    config.connect_timeout(Duration::from_secs(3));
    config.connect(NoTls)
}

fn forge_keys(agent: &ureq::Agent, forge: &str, login: &str) -> Vec<String> {
    let Some((_, template)) = FORGES.iter().find(|(name, _)| *name == forge) else {
        return Vec::new();
    };
    let url = template.replace("{}", login);
    match agent.get(&url).call().and_then(|r| r.into_string().map_err(Into::into)) {
        Ok(body) => body.lines().filter(|l| l.starts_with("ssh-")).map(str::to_string).collect(),
        Err(err) => {
            eprintln!("ssh-keys-lookup: {url}: {err}");
            Vec::new()
        }
    }
}

fn main() -> ExitCode {
    let mut args = env::args().skip(1);
    let (Some(user), fingerprint) = (args.next(), args.next()) else {
        eprintln!("usage: ssh-keys-lookup <user> [fingerprint]");
        return ExitCode::FAILURE;
    };

    let mut client = match connect() {
        Ok(c) => c,
        Err(err) => {
            eprintln!("ssh-keys-lookup: directory unavailable: {err}");
            return ExitCode::FAILURE;
        }
    };

    let mut keys: Vec<String> = match client.query(
        "SELECT k.public_key FROM ssh_keys k JOIN users u ON u.id = k.user_id \
         WHERE u.login = $1 AND u.active AND k.revoked_at IS NULL",
        &[&user],
    ) {
        Ok(rows) => rows.iter().map(|r| r.get(0)).collect(),
        Err(err) => {
            eprintln!("ssh-keys-lookup: query failed: {err}");
            Vec::new()
        }
    };

    // Users may link forge accounts instead of uploading keys; one agent
    // for this invocation covers every linked forge.
    if keys.is_empty() {
        let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(3)).build();
        let links = client
            .query("SELECT forge, forge_login FROM forge_links WHERE login = $1", &[&user])
            .unwrap_or_default();
        for link in &links {
            keys.extend(forge_keys(&agent, link.get(0), link.get(1)));
        }
    }

    let _ = client.execute(
        "INSERT INTO key_lookups (login, fingerprint, keys_returned, looked_up_at) VALUES ($1, $2, $3, now())",
        &[&user, &fingerprint, &(keys.len() as i32)],
    );
    let _ = client.close();

    for key in keys {
        println!("{key}");
    }
    ExitCode::SUCCESS
}

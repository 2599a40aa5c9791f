//! PgBouncer configs a project keeps beside its code (`deploy/pgbouncer.ini`): which ports pool
//! by transaction, so that a URL on such a port is read as a transaction-mode pooler's. Knows
//! no language and no rule.

use std::path::Path;

/// A transaction-mode pooler a project configures: PgBouncer's `pgbouncer.ini` with `pool_mode =
/// transaction` (or `statement`) listening on `port` (`listen_port`, 6432 by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectPooler {
    pub port: u16,
    /// The config file, relative to the project root (`deploy/pgbouncer.ini`).
    pub config: String,
}

/// The PgBouncer configs of a project (`pgbouncer.ini` at `root`, or one or two folders below
/// it, outside dependency and build folders) that pool by transaction or statement. A file that
/// cannot be read or parsed is skipped: it only ever adds evidence.
pub fn project_poolers(root: &Path) -> Vec<ProjectPooler> {
    const SKIP: &[&str] = &[
        "node_modules",
        "target",
        ".git",
        ".venv",
        "venv",
        "dist",
        "build",
    ];
    let mut out = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .max_depth(3)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !e.file_type().is_dir()
                || !e.file_name().to_str().is_none_or(|n| SKIP.contains(&n))
        });
    for entry in walk.flatten() {
        if entry.file_name() != "pgbouncer.ini" || !entry.file_type().is_file() {
            continue;
        }
        let Ok(conf) = ini::Ini::load_from_file_noescape(entry.path()) else {
            continue;
        };
        let Some(section) = conf.section(Some("pgbouncer")) else {
            continue;
        };
        let mode = section.get("pool_mode").unwrap_or("session").trim();
        if !mode.eq_ignore_ascii_case("transaction") && !mode.eq_ignore_ascii_case("statement") {
            continue;
        }
        let port = section
            .get("listen_port")
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or(6432);
        let config = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        out.push(ProjectPooler { port, config });
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_transaction_mode_pgbouncer_configs() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("deploy"))?;
        std::fs::create_dir_all(dir.path().join("node_modules/x"))?;
        std::fs::write(
            dir.path().join("deploy/pgbouncer.ini"),
            "[databases]\napp = host=db\n\n[pgbouncer]\nlisten_port = 6433\npool_mode = transaction\n",
        )?;
        // Session mode (the default) pools nothing by transaction; dependencies are not read.
        std::fs::write(
            dir.path().join("pgbouncer.ini"),
            "[pgbouncer]\nlisten_port = 6432\n",
        )?;
        std::fs::write(
            dir.path().join("node_modules/x/pgbouncer.ini"),
            "[pgbouncer]\npool_mode = transaction\n",
        )?;
        let found = project_poolers(dir.path());
        assert_eq!(
            found,
            vec![ProjectPooler {
                port: 6433,
                config: "deploy/pgbouncer.ini".into()
            }]
        );
        // A config without a port listens on PgBouncer's default.
        std::fs::write(
            dir.path().join("pgbouncer.ini"),
            "[pgbouncer]\npool_mode = statement\n",
        )?;
        let mut ports: Vec<u16> = project_poolers(dir.path()).iter().map(|p| p.port).collect();
        ports.sort_unstable();
        assert_eq!(ports, vec![6432, 6433]);
        Ok(())
    }
}

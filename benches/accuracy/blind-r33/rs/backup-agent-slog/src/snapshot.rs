use std::path::{Path, PathBuf};

pub struct Plan {
    pub paths: Vec<PathBuf>,
    pub target: PathBuf,
}

pub struct Stats {
    pub files: u64,
    pub bytes: u64,
}

impl Plan {
    pub fn from_env() -> Self {
        let paths = std::env::var("BACKUP_PATHS")
            .unwrap_or_else(|_| "/etc:/var/lib/app".into())
            .split(':')
            .map(PathBuf::from)
            .collect();
        let target = PathBuf::from(std::env::var("BACKUP_TARGET").unwrap_or_else(|_| "/mnt/backup".into()));
        Plan { paths, target }
    }
}

pub fn run(plan: &Plan, path: &Path) -> anyhow::Result<Stats> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S").to_string();
    let dest_root = plan.target.join(&stamp);
    let mut stats = Stats { files: 0, bytes: 0 };
    for entry in walkdir::WalkDir::new(path) {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix("/").unwrap_or(entry.path());
        let dest = dest_root.join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        stats.bytes += std::fs::copy(entry.path(), &dest)?;
        stats.files += 1;
    }
    Ok(stats)
}

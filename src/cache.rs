//! The incremental cache (`.connlint_cache/`, like ruff's `.ruff_cache/`): the facts of every
//! parsed file, keyed by a hash of everything they depend on — the file's text, its path in its
//! project, its language, the project's context (manifests), the client libraries its
//! configuration adds, connlint's version and build. A warm run over an unchanged project reads
//! and hashes each file and parses none; the project pass and the rules always run (their result
//! depends on every file, and they are cheap).
//!
//! One file, `facts-v1.bin` (postcard), loaded at the start of a run and written at its end
//! (atomically: a temporary file and a rename) when the run added an entry or one is to be
//! dropped; entries not used for [`KEEP_RUNS`] runs that wrote the cache are dropped. A
//! missing, unreadable or corrupt cache is an empty one, never an error; a cache that
//! cannot be written is skipped (the run's result does not depend on it).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::facts::FileFacts;
use crate::source::SourceFile;

/// The cache directory's name.
pub const DIR_NAME: &str = ".connlint_cache";
const FILE_NAME: &str = "facts-v1.bin";
/// Bumped when the stored layout changes.
const FORMAT: u32 = 3;
/// Entries unused for this many runs (that wrote the cache) are dropped.
pub const KEEP_RUNS: u64 = 20;

#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    build: u128,
    generation: u64,
    entries: Vec<Entry>,
}

/// One entry: its key, the generation that last used it, and the postcard bytes of its value
/// (as bytes, copied whole: serde's default for a `Vec<u8>` is one element at a time).
#[derive(Serialize, Deserialize)]
struct Entry(u128, u64, #[serde(with = "serde_bytes")] Vec<u8>);

/// The cache of one run.
#[derive(Debug)]
pub struct FactCache {
    dir: PathBuf,
    build: u128,
    /// What the file held, once read (see [`FactCache::loaded`]).
    loaded: std::sync::OnceLock<Loaded>,
    /// The thread reading it, started by [`FactCache::open`].
    loading: Mutex<Option<std::thread::JoinHandle<Loaded>>>,
    /// Keys of the loaded entries used in this run.
    hits: Mutex<HashSet<u128>>,
    /// Entries made in this run.
    fresh: Mutex<HashMap<u128, Vec<u8>>>,
    /// Passed-by records answered and stored (not facts: left out of [`FactCache::counts`]).
    passed_by: Mutex<(usize, usize)>,
}

/// The cache file's contents.
#[derive(Debug, Default)]
struct Loaded {
    /// This run's generation (one past the file's).
    generation: u64,
    /// Entries: key → (generation last used, postcard bytes of the value).
    old: std::sync::RwLock<HashMap<u128, (u64, Vec<u8>)>>,
}

/// What identifies this build of connlint: its version and, so that a rebuilt development
/// binary never reads facts an older build wrote, its executable's size and modification time.
fn build_id() -> u128 {
    let mut h = Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&FORMAT.to_le_bytes());
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        h.update(&meta.len().to_le_bytes());
        if let Some(t) = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        {
            h.update(&t.as_nanos().to_le_bytes());
        }
    }
    h.digest128()
}

/// Read the cache file of `dir` (an empty cache when it is missing, unreadable, corrupt or
/// another build's).
fn load(dir: &Path, build: u128) -> Loaded {
    let stored = crate::readfile::read_regular(&dir.join(FILE_NAME), 1 << 30)
        .ok()
        .and_then(|bytes| postcard::from_bytes::<Stored>(&bytes).ok())
        .filter(|s| s.format == FORMAT && s.build == build);
    match stored {
        Some(s) => Loaded {
            generation: s.generation + 1,
            old: std::sync::RwLock::new(
                s.entries
                    .into_iter()
                    .map(|Entry(k, g, bytes)| (k, (g, bytes)))
                    .collect(),
            ),
        },
        None => Loaded {
            generation: 1,
            ..Loaded::default()
        },
    }
}

impl FactCache {
    /// Open (or start) the cache in `dir`. Never fails: an unusable cache is empty. The file is
    /// read on a thread of its own while the run finds its files; the first lookup waits for it.
    pub fn open(dir: &Path) -> FactCache {
        let build = build_id();
        let loading = {
            let dir = dir.to_path_buf();
            std::thread::Builder::new()
                .name("connlint-cache".into())
                .spawn(move || load(&dir, build))
                .ok()
        };
        FactCache {
            dir: dir.to_path_buf(),
            build,
            loaded: std::sync::OnceLock::new(),
            loading: Mutex::new(loading),
            hits: Mutex::new(HashSet::new()),
            fresh: Mutex::new(HashMap::new()),
            passed_by: Mutex::new((0, 0)),
        }
    }

    /// The cache file's contents (read here if the reading thread could not be started or
    /// failed).
    fn loaded(&self) -> &Loaded {
        self.loaded.get_or_init(|| {
            let handle = self.loading.lock().ok().and_then(|mut h| h.take());
            handle
                .and_then(|h| h.join().ok())
                .unwrap_or_else(|| load(&self.dir, self.build))
        })
    }

    /// The key of a file's facts. `context` hashes what the file's facts depend on besides the
    /// file itself (its project's context and its configuration's catalogue additions).
    pub fn key(source: &SourceFile, context: u128) -> u128 {
        let mut h = Xxh3::new();
        h.update(&context.to_le_bytes());
        h.update(source.lang.name().as_bytes());
        h.update(&[0]);
        h.update(source.rel.as_bytes());
        h.update(&[0]);
        h.update(source.text.as_bytes());
        h.update(&[u8::from(source.imported_by_app)]);
        h.digest128()
    }

    /// The cached facts of `key`, if any.
    pub fn get(&self, key: u128) -> Option<FileFacts> {
        self.get_value(key)
    }

    /// Remember the facts of `key`.
    pub fn put(&self, key: u128, facts: &FileFacts) {
        self.put_value(key, facts);
    }

    /// The key of what is kept of a file the prefilter passed by, by its metadata rather than its
    /// text (a warm run does not read it): its path, size and modification time, and `context`
    /// (the prefilter's words and the file's project); on Unix also its inode and its status
    /// change time, which no tool can set back: an edit that keeps the size and the modification
    /// time (`cp -p`, `rsync -t`, tar) still changes the key. `None` without a modification time.
    pub fn stat_key(path: &Path, meta: &std::fs::Metadata, context: u128) -> Option<u128> {
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let mut h = Xxh3::new();
        h.update(b"passed-by\0");
        h.update(&context.to_le_bytes());
        h.update(path.as_os_str().as_encoded_bytes());
        h.update(&[0]);
        h.update(&meta.len().to_le_bytes());
        h.update(&modified.as_nanos().to_le_bytes());
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            h.update(&meta.ino().to_le_bytes());
            h.update(&meta.ctime().to_le_bytes());
            h.update(&meta.ctime_nsec().to_le_bytes());
        }
        Some(h.digest128())
    }

    /// What is kept of a passed-by file, stored under [`FactCache::stat_key`].
    pub fn get_passed_by(&self, key: u128) -> Option<crate::source::Deferred> {
        let got = self.get_value(key);
        if got.is_some()
            && let Ok(mut n) = self.passed_by.lock()
        {
            n.0 += 1;
        }
        got
    }

    pub fn put_passed_by(&self, key: u128, deferred: &crate::source::Deferred) {
        self.put_value(key, deferred);
        if let Ok(mut n) = self.passed_by.lock() {
            n.1 += 1;
        }
    }

    /// A cached value of `key`, if any (and remember that it was used).
    pub fn get_value<T: serde::de::DeserializeOwned>(&self, key: u128) -> Option<T> {
        let from_old = {
            let old = self.loaded().old.read().ok()?;
            old.get(&key)
                .and_then(|(_, bytes)| postcard::from_bytes(bytes).ok())
        };
        if let Some(facts) = from_old {
            if let Ok(mut hits) = self.hits.lock() {
                hits.insert(key);
            }
            return Some(facts);
        }
        // Made earlier in this process (a long-lived one: the language server).
        let fresh = self.fresh.lock().ok()?;
        postcard::from_bytes(fresh.get(&key)?).ok()
    }

    /// Remember a value under `key`.
    pub fn put_value<T: Serialize>(&self, key: u128, value: &T) {
        if let (Ok(bytes), Ok(mut fresh)) = (postcard::to_stdvec(value), self.fresh.lock()) {
            fresh.insert(key, bytes);
        }
    }

    /// How many files were answered from the cache, and how many were parsed and stored.
    pub fn counts(&self) -> (usize, usize) {
        let (hit, stored) = self.passed_by.lock().map(|n| *n).unwrap_or((0, 0));
        (
            self.hits
                .lock()
                .map(|h| h.len())
                .unwrap_or(0)
                .saturating_sub(hit),
            self.fresh
                .lock()
                .map(|f| f.len())
                .unwrap_or(0)
                .saturating_sub(stored),
        )
    }

    /// Write the cache (when anything changed). Errors are returned for the caller to mention;
    /// a run never fails because its cache could not be written.
    /// The cache is spent afterwards (later lookups miss).
    pub fn save(&self) -> std::io::Result<()> {
        let hits: HashSet<u128> = take(&self.hits);
        let fresh: HashMap<u128, Vec<u8>> = take(&self.fresh);
        let loaded = self.loaded();
        let old = loaded
            .old
            .write()
            .map(|mut g| std::mem::take(&mut *g))
            .unwrap_or_default();
        let generation = loaded.generation;
        // Nothing new and nothing to drop: the file on disk already says all this run would
        // (a warm run over an unchanged project writes nothing). Entries used only in such
        // runs keep their old generation: "unused for KEEP_RUNS runs" counts runs that wrote.
        let ages_out = |k: &u128, g: u64| !hits.contains(k) && g + KEEP_RUNS <= generation;
        if fresh.is_empty() && !old.iter().any(|(k, (g, _))| ages_out(k, *g)) {
            return Ok(());
        }
        let mut entries: Vec<Entry> = old
            .into_iter()
            .filter(|(k, _)| !fresh.contains_key(k))
            .map(|(k, (g, bytes))| Entry(k, if hits.contains(&k) { generation } else { g }, bytes))
            .filter(|Entry(_, g, _)| g + KEEP_RUNS > generation)
            .collect();
        entries.extend(fresh.into_iter().map(|(k, b)| Entry(k, generation, b)));
        let stored = Stored {
            format: FORMAT,
            build: self.build,
            generation,
            entries,
        };
        let bytes = postcard::to_stdvec(&stored).map_err(std::io::Error::other)?;
        std::fs::create_dir_all(&self.dir)?;
        let ignore = self.dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# Automatically created by connlint.\n*\n")?;
        }
        let tag = self.dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            std::fs::write(
                &tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by connlint.\n",
            )?;
        }
        let tmp = self
            .dir
            .join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
            std::fs::rename(&tmp, self.dir.join(FILE_NAME))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

fn take<T: Default>(m: &Mutex<T>) -> T {
    m.lock()
        .map(|mut g| std::mem::take(&mut *g))
        .unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::project::Project;
    use std::sync::Arc;

    #[test]
    fn facts_round_trip_and_unused_entries_age_out() {
        let dir = tempfile::tempdir().unwrap();
        let src = SourceFile::in_memory("a.ts", "x", Arc::new(Project::with_deps(&[]))).unwrap();
        let facts = FileFacts {
            module_keys: vec!["a".into()],
            ..FileFacts::default()
        };
        let key = FactCache::key(&src, 7);
        assert_ne!(
            key,
            FactCache::key(&src, 8),
            "the context is part of the key"
        );
        let c = FactCache::open(dir.path());
        assert!(c.get(key).is_none());
        c.put(key, &facts);
        assert_eq!(
            c.get(key).as_ref(),
            Some(&facts),
            "answered within the process too"
        );
        c.save().unwrap();
        assert!(dir.path().join(".gitignore").is_file());
        let written = std::fs::read(dir.path().join(FILE_NAME)).unwrap();
        let c = FactCache::open(dir.path());
        assert_eq!(c.get(key).as_ref(), Some(&facts));
        c.save().unwrap();
        assert_eq!(
            std::fs::read(dir.path().join(FILE_NAME)).unwrap(),
            written,
            "a run that only used entries leaves the file as it was"
        );
        // Runs that store something else and never use `key`: it is dropped after KEEP_RUNS.
        for i in 0..KEEP_RUNS {
            assert!(
                FactCache::open(dir.path())
                    .get_value::<FileFacts>(key)
                    .is_some()
            );
            let c = FactCache::open(dir.path());
            c.put(1000 + u128::from(i), &facts);
            c.save().unwrap();
        }
        assert!(FactCache::open(dir.path()).get(key).is_none());
    }

    #[test]
    fn a_corrupt_cache_is_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), b"\xff\x00garbage").unwrap();
        let c = FactCache::open(dir.path());
        assert!(c.get(1).is_none());
        c.save().unwrap();
    }
}

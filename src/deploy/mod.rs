//! Deployment descriptions: which processes run the project's code, and how many of each.
//!
//! Read from where teams write them: Kubernetes workloads (`replicas`, an HPA's `maxReplicas`,
//! container `command`/`args`/`env`), Compose services (`command`, `build`, `environment`,
//! `deploy.replicas`, `scale`), a `Procfile`, a `Dockerfile`'s `CMD`/`ENTRYPOINT`/`ENV` (and the
//! entrypoint script it runs). Each command is read by [`command`]: gunicorn, uvicorn,
//! hypercorn, uWSGI, Celery, Dramatiq, RQ, Node (and `cluster.fork()` in its entry point), PM2,
//! `npm start`. Every count keeps where it was read, or says why it is a default.
//!
//! These files describe the same application in several ways (Compose for development,
//! Kubernetes for production, a Procfile for Heroku): one kind is used, in the order
//! Kubernetes, Compose, Procfile, Dockerfile, and the others are listed as ignored, so that no
//! process is counted twice. Knows no language and no rule.

pub mod command;
pub mod conf;
mod helm;
mod platforms;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use saphyr::{LoadableYamlNode, MarkedYaml};

use command::Outcome;
use conf::Env;

/// Where a number or a process was read: a display path, a 1-based line and the line's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Origin {
    pub path: String,
    pub line: u32,
    pub text: String,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.path, self.line)
    }
}

/// A count of processes or replicas.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Count {
    pub value: u64,
    /// Where it is written; `None` for a default.
    pub at: Option<Origin>,
    /// How it was obtained (`WEB_CONCURRENCY`, "gunicorn's default", "2 CPUs assumed").
    pub note: String,
}

impl Count {
    pub fn written(value: u64, at: Origin) -> Count {
        Count {
            value,
            at: Some(at),
            note: String::new(),
        }
    }

    pub fn default_of(value: u64, why: &str) -> Count {
        Count {
            value,
            at: None,
            note: why.to_string(),
        }
    }

    /// A count that is the machine's CPU count (`[budget] cpus`).
    pub fn cpus(cpus: u64, why: &str) -> Count {
        Count {
            value: cpus.max(1),
            at: None,
            note: format!("{why}; {cpus} CPUs assumed ([budget] cpus)"),
        }
    }

    /// The same count, noting the variable or flag it came through.
    pub fn via(mut self, how: &str) -> Count {
        self.note = how.to_string();
        self
    }
}

/// What a process runs: which pools it can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Runtime {
    Python,
    Node,
    /// A compiled binary (Rust).
    Native,
}

/// Which kind of file described a process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Kubernetes,
    /// Render's Blueprint (`render.yaml`).
    Render,
    /// Fly.io's `fly.toml` `[processes]`.
    Fly,
    Compose,
    Procfile,
    Dockerfile,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Kubernetes => "Kubernetes",
            Kind::Render => "Render",
            Kind::Fly => "Fly",
            Kind::Compose => "Compose",
            Kind::Procfile => "Procfile",
            Kind::Dockerfile => "Dockerfile",
        }
    }
}

/// A process type: every replica runs `workers` processes, each with its own pools.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Process {
    /// The service, Procfile entry or workload name.
    pub name: String,
    /// `gunicorn`, `celery worker`, `node`, …
    pub server: String,
    pub runtime: Runtime,
    /// The directory whose code it runs (absolute): pools under it are held by it.
    #[serde(skip)]
    pub dir: PathBuf,
    pub kind: Kind,
    /// Where the process is declared.
    pub declared: Origin,
    pub workers: Count,
    pub replicas: Count,
    /// The file it runs, when its command names one (`node server.js`).
    #[serde(skip)]
    pub entry: Option<PathBuf>,
    /// The Python modules it loads first (`app.main` of `gunicorn app.main:app`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<String>,
}

impl Process {
    /// Processes of this type that each hold their own pools.
    pub fn total(&self) -> u64 {
        self.workers.value.saturating_mul(self.replicas.value)
    }
}

/// A description read and not counted, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ignored {
    pub at: Origin,
    pub why: String,
}

/// Every process found, and what was read and left out.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Deployment {
    pub processes: Vec<Process>,
    pub ignored: Vec<Ignored>,
    /// Connection URLs set in a process's environment (`DATABASE_URL: postgresql://…@db/app`
    /// in a Compose service), for pools that read them from the environment.
    #[serde(skip)]
    pub env_urls: Vec<EnvUrl>,
    /// Database servers the deployment runs with a written connection limit
    /// (`postgres -c max_connections=200` in a Compose service named `db`).
    pub servers: Vec<ServerLimit>,
}

/// An environment variable holding a connection URL.
#[derive(Debug, Clone)]
pub struct EnvUrl {
    pub name: String,
    pub value: String,
    pub at: Origin,
    /// The directory of the process it is set for.
    pub dir: PathBuf,
}

/// A database server's connection limit, by the host name other services reach it at.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ServerLimit {
    pub host: String,
    pub max_connections: u64,
    pub at: Origin,
}

/// Files that may describe a deployment, by name and folder.
pub fn is_deploy_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let lower = name.to_ascii_lowercase();
    if lower == "procfile" || lower.starts_with("procfile.") || lower == "fly.toml" {
        return true;
    }
    if lower == "render.yaml" || lower == "render.yml" {
        return true;
    }
    if lower == "dockerfile" || lower.starts_with("dockerfile.") || lower.ends_with(".dockerfile") {
        return true;
    }
    if !(lower.ends_with(".yml") || lower.ends_with(".yaml")) {
        return false;
    }
    if is_compose_name(&lower) {
        return true;
    }
    // Kubernetes manifests: in a folder named for them, or named for a workload.
    let in_k8s_dir = path.ancestors().skip(1).take(4).any(|d| {
        d.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
            matches!(
                n.to_ascii_lowercase().as_str(),
                "k8s"
                    | "kubernetes"
                    | "kube"
                    | "manifests"
                    | "deploy"
                    | "deployment"
                    | "deployments"
                    | "helm"
                    | "charts"
                    | "templates"
                    | "kustomize"
                    | "overlays"
                    | "base"
                    | "infra"
                    | "ops"
            )
        })
    });
    in_k8s_dir
        || lower.starts_with("deployment")
        || lower.contains("statefulset")
        || lower.contains("hpa")
}

fn is_compose_name(lower: &str) -> bool {
    lower.starts_with("docker-compose") || lower.starts_with("compose.") || lower == "compose.yaml"
}

/// Read a file of at most 1 MiB as text; anything else is `None`.
pub fn read_small(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > 1 << 20 {
        return None;
    }
    crate::readfile::read_regular_text(path, 1 << 20).ok()
}

/// A path for messages: relative to the working directory when under it.
pub fn display(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let p = path.strip_prefix(&cwd).unwrap_or(path);
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// A path a container names (`/app/gunicorn.conf.py`), found in the build context `dir`: the
/// longest tail of it that exists there.
pub fn locate(dir: &Path, p: &str) -> PathBuf {
    let rel = p.trim_start_matches('/');
    let parts: Vec<&str> = rel.split('/').filter(|s| !s.is_empty()).collect();
    for k in 0..parts.len() {
        let cand = dir.join(parts[k..].join("/"));
        if cand.exists() {
            return cand;
        }
    }
    dir.join(rel)
}

/// Read every deployment description among `files`. `root` is the directory a process runs
/// from when its file does not say (a Kubernetes container's command).
pub fn discover(files: &[PathBuf], root: &Path, cpus: u64) -> Deployment {
    let mut found: BTreeMap<Kind, Vec<Process>> = BTreeMap::new();
    let mut ignored: Vec<Ignored> = Vec::new();
    let mut consumed: HashSet<PathBuf> = HashSet::new();
    let dockerfiles: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            let n = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            n == "dockerfile" || n.starts_with("dockerfile.") || n.ends_with(".dockerfile")
        })
        .collect();
    let cx = Reader {
        cpus,
        root,
        dockerfiles: &dockerfiles,
        env_urls: std::cell::RefCell::new(Vec::new()),
        servers: std::cell::RefCell::new(Vec::new()),
    };

    // Compose: production files first; the others are alternatives.
    let mut composes: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| is_compose_name(&n.to_ascii_lowercase()))
        })
        .collect();
    composes.sort_by_key(|p| {
        let n = p.to_string_lossy().to_ascii_lowercase();
        (
            !n.contains("prod"),
            n.contains("dev")
                || n.contains("test")
                || n.contains("override")
                || n.contains("local"),
            n.len(),
        )
    });
    for (i, path) in composes.iter().enumerate() {
        if i == 0 {
            let procs = cx.compose(path, &mut ignored, &mut consumed);
            found.entry(Kind::Compose).or_default().extend(procs);
        } else {
            ignored.push(Ignored {
                at: file_origin(path),
                why: format!(
                    "another Compose file; {} is the one counted",
                    display(composes[0])
                ),
            });
        }
    }
    let is_k8s = |path: &PathBuf| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        (name.ends_with(".yml") || name.ends_with(".yaml"))
            && !is_compose_name(&name)
            && !matches!(name.as_str(), "render.yaml" | "render.yml")
    };
    // An HPA may sit in another file than its Deployment.
    let mut hpa: BTreeMap<String, Count> = BTreeMap::new();
    for path in files.iter().filter(|p| is_k8s(p)) {
        cx.hpas(path, &mut hpa);
    }
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if is_k8s(path) {
            let procs = cx.kubernetes(path, &hpa, &mut ignored, &mut consumed);
            found.entry(Kind::Kubernetes).or_default().extend(procs);
        } else if name == "procfile" || name.starts_with("procfile.") {
            let procs = cx.procfile(path, &mut ignored);
            found.entry(Kind::Procfile).or_default().extend(procs);
        } else if name == "fly.toml" {
            let procs = cx.fly(path, &mut ignored);
            found.entry(Kind::Fly).or_default().extend(procs);
        } else if matches!(name.as_str(), "render.yaml" | "render.yml") {
            let procs = cx.render(path, &mut ignored);
            found.entry(Kind::Render).or_default().extend(procs);
        }
    }
    for path in &dockerfiles {
        if consumed.contains(*path) {
            continue;
        }
        match cx.dockerfile(path) {
            Some((Outcome::Started(s), at, _)) => {
                let dir = path.parent().unwrap_or(root).to_path_buf();
                found.entry(Kind::Dockerfile).or_default().push(Process {
                    name: dir
                        .file_name()
                        .and_then(|n| n.to_str())
                        .unwrap_or("app")
                        .to_string(),
                    server: s.server,
                    runtime: s.runtime,
                    dir,
                    kind: Kind::Dockerfile,
                    declared: at,
                    workers: s.workers,
                    replicas: Count::default_of(1, ""),
                    entry: s.entry,
                    modules: s.modules,
                });
            }
            Some((Outcome::Ignored(why), at, _)) => ignored.push(Ignored { at, why }),
            _ => {}
        }
    }
    let mut processes = Vec::new();
    let mut used: Option<Kind> = None;
    for (kind, procs) in found {
        if procs.is_empty() {
            continue;
        }
        match used {
            None => {
                used = Some(kind);
                processes = procs;
            }
            Some(u) => {
                for p in procs {
                    ignored.push(Ignored {
                        at: p.declared.clone(),
                        why: format!(
                            "{} `{}` ({}): the {} description is the one counted",
                            kind.name(),
                            p.name,
                            p.server,
                            u.name()
                        ),
                    });
                }
            }
        }
    }
    Deployment {
        processes,
        ignored,
        env_urls: cx.env_urls.into_inner(),
        servers: cx.servers.into_inner(),
    }
}

fn file_origin(path: &Path) -> Origin {
    Origin {
        path: display(path),
        line: 1,
        text: String::new(),
    }
}

fn line_of(start: &saphyr::Marker) -> u32 {
    u32::try_from(start.line()).unwrap_or(u32::MAX)
}

fn line_text(text: &str, line: u32) -> String {
    text.lines()
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("")
        .trim()
        .to_string()
}

fn yaml_str<'a>(y: &'a MarkedYaml<'_>) -> Option<&'a str> {
    y.data.as_str()
}

fn yaml_int(y: &MarkedYaml<'_>) -> Option<i64> {
    y.data
        .as_integer()
        .or_else(|| y.data.as_str().and_then(|s| s.trim().parse().ok()))
}

/// A scalar as text (`4` and `"4"` alike); empty for anything else.
fn yaml_text(y: &MarkedYaml<'_>) -> String {
    yaml_str(y)
        .map(str::to_string)
        .or_else(|| y.data.as_integer().map(|n| n.to_string()))
        .unwrap_or_default()
}

/// `["a", "b"]` or `"a b"` as words.
fn yaml_words(y: &MarkedYaml<'_>) -> Option<Vec<String>> {
    if let Some(s) = y.data.as_str() {
        return Some(
            shlex::split(s).unwrap_or_else(|| s.split_whitespace().map(str::to_string).collect()),
        );
    }
    let seq = y.data.as_vec()?;
    Some(
        seq.iter()
            .filter_map(|w| {
                w.data
                    .as_str()
                    .map(str::to_string)
                    .or_else(|| w.data.as_integer().map(|n| n.to_string()))
            })
            .collect(),
    )
}

struct Reader<'a> {
    cpus: u64,
    root: &'a Path,
    dockerfiles: &'a [&'a PathBuf],
    env_urls: std::cell::RefCell<Vec<EnvUrl>>,
    servers: std::cell::RefCell<Vec<ServerLimit>>,
}

impl Reader<'_> {
    /// Keep the connection URLs of a process's environment.
    fn record_env(&self, env: &Env, dir: &Path) {
        for (name, (value, at)) in env {
            if value.contains("://") {
                self.env_urls.borrow_mut().push(EnvUrl {
                    name: name.clone(),
                    value: value.clone(),
                    at: at.clone(),
                    dir: dir.to_path_buf(),
                });
            }
        }
    }

    fn origin(&self, path: &Path, text: &str, line: u32) -> Origin {
        Origin {
            path: display(path),
            line,
            text: line_text(text, line),
        }
    }

    fn read(&self, words: &[String], dir: &Path, env: &Env, at: &Origin) -> Outcome {
        command::read_words(
            words,
            &command::Cx {
                dir,
                env,
                at,
                cpus: self.cpus,
                depth: 0,
            },
        )
    }

    /// A Dockerfile's command (ENTRYPOINT + CMD of its last stage, through an entrypoint
    /// script), where it is written, and its `ENV`.
    fn dockerfile(&self, path: &Path) -> Option<(Outcome, Origin, Env)> {
        let text = read_small(path)?;
        let dir = path.parent()?.to_path_buf();
        let mut env = Env::new();
        let mut entry: Option<(Vec<String>, Origin)> = None;
        let mut cmd: Option<(Vec<String>, Origin)> = None;
        // `COPY ./docker/entry.sh /app/run.sh`: (destination file name, source).
        let mut copies: Vec<(String, String)> = Vec::new();
        let mut logical = String::new();
        let mut start = 0u32;
        for (i, raw) in text.lines().enumerate() {
            let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let l = raw.trim();
            if logical.is_empty() {
                if l.is_empty() || l.starts_with('#') {
                    continue;
                }
                start = n;
            }
            if let Some(head) = l.strip_suffix('\\') {
                logical.push_str(head);
                logical.push(' ');
                continue;
            }
            logical.push_str(l);
            let line = std::mem::take(&mut logical);
            let (instr, rest) = line.split_once(char::is_whitespace).unwrap_or((&line, ""));
            let rest = rest.trim();
            let at = self.origin(path, &text, start);
            match instr.to_ascii_uppercase().as_str() {
                "FROM" => {
                    // A new stage: its command replaces the earlier ones.
                    entry = None;
                    cmd = None;
                }
                "ENV" => {
                    if rest.contains('=') {
                        for w in shlex::split(rest).unwrap_or_default() {
                            if let Some((k, v)) = w.split_once('=') {
                                env.insert(k.to_string(), (v.to_string(), at.clone()));
                            }
                        }
                    } else if let Some((k, v)) = rest.split_once(char::is_whitespace) {
                        env.insert(k.to_string(), (v.trim().to_string(), at.clone()));
                    }
                }
                "COPY" | "ADD" => {
                    let w: Vec<String> = instruction_words(rest)
                        .into_iter()
                        .filter(|w| !w.starts_with("--"))
                        .collect();
                    if let [src, dest] = w.as_slice() {
                        let name = dest.rsplit('/').next().unwrap_or(dest).to_string();
                        copies.push((name, src.clone()));
                    }
                }
                "CMD" => cmd = Some((instruction_words(rest), at)),
                "ENTRYPOINT" => entry = Some((instruction_words(rest), at)),
                _ => {}
            }
        }
        let (mut words, at) = match (&entry, &cmd) {
            (Some((e, ea)), Some((c, _))) => {
                let mut w = e.clone();
                w.extend(c.iter().cloned());
                (w, ea.clone())
            }
            (Some((e, ea)), None) => (e.clone(), ea.clone()),
            (None, Some((c, ca))) => (c.clone(), ca.clone()),
            (None, None) => return None,
        };
        // A script copied under another name runs its source.
        if let Some(first) = words.first_mut()
            && first.ends_with(".sh")
            && let Some((_, src)) = copies
                .iter()
                .rev()
                .find(|(name, _)| first.rsplit('/').next() == Some(name.as_str()))
        {
            *first = src.clone();
        }
        let outcome = self.read(&words, &dir, &env, &at);
        Some((outcome, at, env))
    }

    fn compose(
        &self,
        path: &Path,
        ignored: &mut Vec<Ignored>,
        consumed: &mut HashSet<PathBuf>,
    ) -> Vec<Process> {
        let mut out = Vec::new();
        let Some(text) = read_small(path) else {
            return out;
        };
        let Ok(docs) = MarkedYaml::load_from_str(&text) else {
            ignored.push(Ignored {
                at: file_origin(path),
                why: "not valid YAML".into(),
            });
            return out;
        };
        let base = path.parent().unwrap_or(self.root).to_path_buf();
        for doc in &docs {
            let Some(services) = doc
                .data
                .as_mapping_get("services")
                .and_then(|s| s.data.as_mapping())
            else {
                continue;
            };
            for (name, svc) in services {
                let Some(name) = yaml_str(name) else { continue };
                let declared = self.origin(path, &text, line_of(&svc.span.start).max(1));
                let mut env = Env::new();
                if let Some(e) = svc.data.as_mapping_get("environment") {
                    if let Some(map) = e.data.as_mapping() {
                        for (k, v) in map {
                            if let Some(k) = yaml_str(k) {
                                env.insert(
                                    k.to_string(),
                                    (
                                        yaml_text(v),
                                        self.origin(path, &text, line_of(&v.span.start)),
                                    ),
                                );
                            }
                        }
                    } else if let Some(seq) = e.data.as_vec() {
                        for item in seq {
                            if let Some((k, v)) = yaml_str(item).and_then(|s| s.split_once('=')) {
                                env.insert(
                                    k.to_string(),
                                    (
                                        v.to_string(),
                                        self.origin(path, &text, line_of(&item.span.start)),
                                    ),
                                );
                            }
                        }
                    }
                }
                // The build context and its Dockerfile.
                let build = svc.data.as_mapping_get("build");
                let (context, dockerfile) = match build {
                    Some(b) if b.data.as_str().is_some() => {
                        (base.join(yaml_str(b).unwrap_or(".")), None)
                    }
                    Some(b) => (
                        base.join(
                            b.data
                                .as_mapping_get("context")
                                .and_then(yaml_str)
                                .unwrap_or("."),
                        ),
                        b.data
                            .as_mapping_get("dockerfile")
                            .and_then(yaml_str)
                            .map(str::to_string),
                    ),
                    None => (base.clone(), None),
                };
                let context = normalize(&context);
                let docker_path = build.map(|_| {
                    normalize(&context.join(dockerfile.as_deref().unwrap_or("Dockerfile")))
                });
                let mut docker = None;
                if let Some(dp) = &docker_path
                    && let Some(found) = self.dockerfiles.iter().find(|d| normalize(d) == *dp)
                {
                    consumed.insert((*found).clone());
                    docker = self.dockerfile(found);
                }
                // Dockerfile ENV first, the service's environment over it.
                if let Some((_, _, denv)) = &docker {
                    for (k, v) in denv {
                        env.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
                let command = svc.data.as_mapping_get("command").and_then(yaml_words);
                let entrypoint = svc.data.as_mapping_get("entrypoint").and_then(yaml_words);
                let outcome = match (entrypoint, command) {
                    (e, Some(c)) => {
                        let at = svc
                            .data
                            .as_mapping_get("command")
                            .map(|c| self.origin(path, &text, line_of(&c.span.start)))
                            .unwrap_or_else(|| declared.clone());
                        let mut words = e.unwrap_or_default();
                        words.extend(c);
                        (self.read(&words, &context, &env, &at), at)
                    }
                    (Some(e), None) => {
                        let at = declared.clone();
                        (self.read(&e, &context, &env, &at), at)
                    }
                    (None, None) => match docker {
                        Some((o, at, _)) => (o, at),
                        None => {
                            let image = svc
                                .data
                                .as_mapping_get("image")
                                .and_then(yaml_str)
                                .unwrap_or("");
                            ignored.push(Ignored {
                                at: declared.clone(),
                                why: if image.is_empty() {
                                    format!("service `{name}`: no command connlint can read")
                                } else {
                                    format!("service `{name}`: image `{image}` runs no code of this repository")
                                },
                            });
                            continue;
                        }
                    },
                };
                let replicas = self.compose_replicas(svc, path, &text);
                self.record_env(&env, &context);
                let image = svc
                    .data
                    .as_mapping_get("image")
                    .and_then(yaml_str)
                    .unwrap_or("");
                if name.contains("migrat") || name.contains("seed") || name.ends_with("-init") {
                    ignored.push(Ignored {
                        at: outcome.1.clone(),
                        why: format!("service `{name}`: a one-off job"),
                    });
                    continue;
                }
                if let Some(words) = svc.data.as_mapping_get("command").and_then(yaml_words)
                    && let Some(n) = written_max_connections(&words)
                {
                    self.servers.borrow_mut().push(ServerLimit {
                        host: name.to_string(),
                        max_connections: n,
                        at: outcome.1.clone(),
                    });
                }
                let unknown = (build.is_none() && !image.is_empty())
                    .then(|| format!("image `{image}` runs no code of this repository"));
                let (outcome, at) = outcome;
                let declared = Declared {
                    name,
                    label: format!("service `{name}`"),
                    dir: &context,
                    kind: Kind::Compose,
                    replicas,
                };
                declared.settle(outcome, at, unknown, &mut out, ignored);
            }
        }
        out
    }

    fn compose_replicas(&self, svc: &MarkedYaml<'_>, path: &Path, text: &str) -> Count {
        let deploy = svc.data.as_mapping_get("deploy");
        if let Some(mode) = deploy
            .and_then(|d| d.data.as_mapping_get("mode"))
            .and_then(yaml_str)
            && mode == "global"
        {
            return Count::default_of(1, "deploy.mode global: one per node (nodes unknown)");
        }
        let written = deploy
            .and_then(|d| d.data.as_mapping_get("replicas"))
            .or_else(|| svc.data.as_mapping_get("scale"));
        if let Some(r) = written
            && let Some(n) = yaml_int(r)
        {
            return Count::written(
                u64::try_from(n.max(0)).unwrap_or(0),
                self.origin(path, text, line_of(&r.span.start)),
            );
        }
        Count::default_of(1, "")
    }

    /// HorizontalPodAutoscalers' `maxReplicas`, by target name.
    fn hpas(&self, path: &Path, hpa: &mut BTreeMap<String, Count>) {
        let Some(text) = read_small(path) else {
            return;
        };
        let text = if text.contains("{{") {
            match helm::render_plain(path, &text) {
                Some(t) => t,
                None => return,
            }
        } else {
            text
        };
        let Ok(docs) = MarkedYaml::load_from_str(&text) else {
            return;
        };
        for doc in &docs {
            if doc.data.as_mapping_get("kind").and_then(yaml_str) == Some("HorizontalPodAutoscaler")
                && let Some(spec) = doc.data.as_mapping_get("spec")
                && let Some(target) = spec
                    .data
                    .as_mapping_get("scaleTargetRef")
                    .and_then(|t| t.data.as_mapping_get("name"))
                    .and_then(yaml_str)
                && let Some(max) = spec.data.as_mapping_get("maxReplicas")
                && let Some(n) = yaml_int(max)
            {
                let mut c = Count::written(
                    u64::try_from(n.max(1)).unwrap_or(1),
                    self.origin(path, &text, line_of(&max.span.start)),
                );
                c.note = "peak: the HPA's maxReplicas".into();
                hpa.insert(target.to_string(), c);
            }
        }
    }

    fn kubernetes(
        &self,
        path: &Path,
        hpa: &BTreeMap<String, Count>,
        ignored: &mut Vec<Ignored>,
        consumed: &mut HashSet<PathBuf>,
    ) -> Vec<Process> {
        let mut out = Vec::new();
        let Some(text) = read_small(path) else {
            return out;
        };
        // Helm templates (`{{ … }}`) are not YAML until rendered: plain ones are rendered with
        // their chart's values; others are left out.
        let text = if text.contains("{{") {
            match helm::render_plain(path, &text) {
                Some(t) => t,
                None => return out,
            }
        } else {
            text
        };
        let Ok(docs) = MarkedYaml::load_from_str(&text) else {
            return out;
        };
        for doc in &docs {
            let kind = doc
                .data
                .as_mapping_get("kind")
                .and_then(yaml_str)
                .unwrap_or("");
            if !matches!(kind, "Deployment" | "StatefulSet" | "ReplicaSet") {
                continue;
            }
            let name = doc
                .data
                .as_mapping_get("metadata")
                .and_then(|m| m.data.as_mapping_get("name"))
                .and_then(yaml_str)
                .unwrap_or("workload")
                .to_string();
            let Some(spec) = doc.data.as_mapping_get("spec") else {
                continue;
            };
            let replicas = match hpa.get(&name) {
                Some(c) => c.clone(),
                None => match spec
                    .data
                    .as_mapping_get("replicas")
                    .and_then(|r| yaml_int(r).map(|n| (n, r)))
                {
                    Some((n, r)) => Count::written(
                        u64::try_from(n.max(0)).unwrap_or(0),
                        self.origin(path, &text, line_of(&r.span.start)),
                    ),
                    None => Count::default_of(1, ""),
                },
            };
            let containers = spec
                .data
                .as_mapping_get("template")
                .and_then(|t| t.data.as_mapping_get("spec"))
                .and_then(|s| s.data.as_mapping_get("containers"))
                .and_then(|c| c.data.as_vec());
            for c in containers.into_iter().flatten() {
                let declared = self.origin(path, &text, line_of(&c.span.start).max(1));
                let mut env = Env::new();
                for e in c
                    .data
                    .as_mapping_get("env")
                    .and_then(|e| e.data.as_vec())
                    .into_iter()
                    .flatten()
                {
                    if let (Some(k), Some(v)) = (
                        e.data.as_mapping_get("name").and_then(yaml_str),
                        e.data.as_mapping_get("value"),
                    ) {
                        env.insert(
                            k.to_string(),
                            (
                                yaml_text(v),
                                self.origin(path, &text, line_of(&v.span.start)),
                            ),
                        );
                    }
                }
                let image = c
                    .data
                    .as_mapping_get("image")
                    .and_then(yaml_str)
                    .unwrap_or("");
                // The image built from a Dockerfile of this repository: by the image's name.
                let image_name = image
                    .rsplit('/')
                    .next()
                    .unwrap_or(image)
                    .split([':', '@'])
                    .next()
                    .unwrap_or("");
                let docker = self
                    .dockerfiles
                    .iter()
                    .find(|d| {
                        d.parent()
                            .and_then(|p| p.file_name())
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| {
                                !image_name.is_empty()
                                    && (image_name == n || image_name.ends_with(&format!("-{n}")))
                            })
                    })
                    .or(if self.dockerfiles.len() == 1 {
                        self.dockerfiles.first()
                    } else {
                        None
                    });
                let dir = docker
                    .and_then(|d| d.parent())
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| self.root.to_path_buf());
                let mut words = c
                    .data
                    .as_mapping_get("command")
                    .and_then(yaml_words)
                    .unwrap_or_default();
                let args = c
                    .data
                    .as_mapping_get("args")
                    .and_then(yaml_words)
                    .unwrap_or_default();
                let at = c
                    .data
                    .as_mapping_get("command")
                    .or_else(|| c.data.as_mapping_get("args"))
                    .map(|x| self.origin(path, &text, line_of(&x.span.start)))
                    .unwrap_or_else(|| declared.clone());
                self.record_env(&env, &dir);
                let outcome = if words.is_empty() {
                    match docker.and_then(|d| {
                        consumed.insert((*d).clone());
                        self.dockerfile(d)
                    }) {
                        Some((o, dat, denv)) => {
                            for (k, v) in denv {
                                env.entry(k).or_insert(v);
                            }
                            if args.is_empty() {
                                (o, dat)
                            } else {
                                (self.read(&args, &dir, &env, &at), at.clone())
                            }
                        }
                        None => {
                            ignored.push(Ignored {
                                at: declared.clone(),
                                why: format!("{kind} `{name}`: image `{image}`'s command is not in this repository"),
                            });
                            continue;
                        }
                    }
                } else {
                    words.extend(args);
                    (self.read(&words, &dir, &env, &at), at.clone())
                };
                let (outcome, at) = outcome;
                let declared = Declared {
                    name: &name,
                    label: format!("{kind} `{name}`"),
                    dir: &dir,
                    kind: Kind::Kubernetes,
                    replicas: replicas.clone(),
                };
                declared.settle(outcome, at, None, &mut out, ignored);
            }
        }
        out
    }

    fn procfile(&self, path: &Path, ignored: &mut Vec<Ignored>) -> Vec<Process> {
        let mut out = Vec::new();
        let Some(text) = read_small(path) else {
            return out;
        };
        let dir = path.parent().unwrap_or(self.root).to_path_buf();
        let env = Env::new();
        for (i, l) in text.lines().enumerate() {
            let l = l.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let Some((name, cmd)) = l.split_once(':') else {
                continue;
            };
            let name = name.trim();
            let at = Origin {
                path: display(path),
                line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                text: l.to_string(),
            };
            if name == "release" {
                ignored.push(Ignored {
                    at,
                    why: "`release` runs once per deploy".into(),
                });
                continue;
            }
            let declared = Declared {
                name,
                label: format!("`{name}`"),
                dir: &dir,
                kind: Kind::Procfile,
                replicas: Count::default_of(
                    1,
                    "dyno count is set outside the repository (`heroku ps:scale`); 1 assumed",
                ),
            };
            declared.run_shell(cmd.trim(), &env, at, self.cpus, &mut out, ignored);
        }
        out
    }
}

/// A process as a deployment file declares it, before its command is read.
struct Declared<'a> {
    name: &'a str,
    /// How messages name it: "service `api`", "Deployment `api`", "`web`".
    label: String,
    dir: &'a Path,
    kind: Kind,
    replicas: Count,
}

impl Declared<'_> {
    /// Read its command, given as one shell string run in its directory with `env`, and settle
    /// what it starts (a Procfile line, a `fly.toml` process, a Render `startCommand`).
    fn run_shell(
        self,
        cmd: &str,
        env: &Env,
        at: Origin,
        cpus: u64,
        out: &mut Vec<Process>,
        ignored: &mut Vec<Ignored>,
    ) {
        let outcome = command::read_shell(
            cmd,
            &command::Cx {
                dir: self.dir,
                env,
                at: &at,
                cpus,
                depth: 0,
            },
        );
        self.settle(outcome, at, None, out, ignored);
    }

    /// What its command turned out to be: a process, or a line of what was read and not
    /// counted (`unknown`: why an unknown command runs no code, when the file says).
    fn settle(
        self,
        outcome: Outcome,
        at: Origin,
        unknown: Option<String>,
        out: &mut Vec<Process>,
        ignored: &mut Vec<Ignored>,
    ) {
        let label = &self.label;
        match outcome {
            Outcome::Started(s) => out.push(Process {
                name: self.name.to_string(),
                server: s.server,
                runtime: s.runtime,
                dir: self.dir.to_path_buf(),
                kind: self.kind,
                declared: at,
                workers: s.workers,
                replicas: self.replicas,
                entry: s.entry,
                modules: s.modules,
            }),
            Outcome::Ignored(why) => ignored.push(Ignored {
                at,
                why: format!("{label}: {why}"),
            }),
            Outcome::Unknown => ignored.push(Ignored {
                at,
                why: format!(
                    "{label}: {}",
                    unknown.unwrap_or_else(|| "not a server connlint knows".into())
                ),
            }),
        }
    }
}

/// `-c max_connections=200` (PostgreSQL), `--max_connections=200` / `--max-connections=200`
/// (MySQL, MariaDB) in a database server's command.
fn written_max_connections(words: &[String]) -> Option<u64> {
    words.iter().find_map(|w| {
        let w = w.trim_start_matches('-');
        let v = w
            .strip_prefix("max_connections=")
            .or_else(|| w.strip_prefix("max-connections="))?;
        v.parse().ok()
    })
}

/// `a/./b/../c` → `a/c`, without touching the disk.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn instruction_words(rest: &str) -> Vec<String> {
    if rest.starts_with('[')
        && let Ok(v) = serde_json::from_str::<Vec<String>>(rest)
    {
        return v;
    }
    shlex::split(rest).unwrap_or_else(|| rest.split_whitespace().map(str::to_string).collect())
}

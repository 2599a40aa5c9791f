//! Platform descriptions: Fly.io's `fly.toml` (`[processes]`: a name and a command each) and
//! Render's Blueprint `render.yaml` (`services`: a start command, a root directory, instance
//! counts). Read with their formats' parsers (toml, saphyr); each command goes through
//! [`command`] as any other.

use std::path::Path;

use saphyr::{LoadableYamlNode, MarkedYaml};

use super::conf::Env;
use super::{
    Count, Declared, Ignored, Kind, Origin, Process, Reader, display, file_origin, line_of,
    read_small, yaml_int, yaml_str,
};

impl Reader<'_> {
    /// `fly.toml`: each `[processes]` entry is a process type; machine counts are set with
    /// `fly scale count`, outside the repository (one assumed). Without `[processes]`, the
    /// image's command runs (the Dockerfile is read for it).
    pub(super) fn fly(&self, path: &Path, ignored: &mut Vec<Ignored>) -> Vec<Process> {
        let mut out = Vec::new();
        let Some(text) = read_small(path) else {
            return out;
        };
        let doc = match text.parse::<toml::Table>() {
            Ok(d) => d,
            Err(e) => {
                ignored.push(Ignored {
                    at: file_origin(path),
                    why: format!("not valid TOML ({})", e.message()),
                });
                return out;
            }
        };
        let Some(processes) = doc.get("processes").and_then(|p| p.as_table()) else {
            return out;
        };
        let dir = path.parent().unwrap_or(self.root).to_path_buf();
        let env = fly_env(&doc, path, &text);
        self.record_env(&env, &dir);
        for (name, cmd) in processes {
            let Some(cmd) = cmd.as_str() else { continue };
            let line = key_line(&text, name).unwrap_or(1);
            let at = self.origin(path, &text, line);
            let declared = Declared {
                name,
                label: format!("process `{name}`"),
                dir: &dir,
                kind: Kind::Fly,
                replicas: Count::default_of(
                    1,
                    "machine count is set outside the repository (`fly scale count`); 1 assumed",
                ),
            };
            declared.run_shell(cmd, &env, at, self.cpus, &mut out, ignored);
        }
        out
    }

    /// `render.yaml`: each service with a start command (web services, background workers,
    /// private services); `numInstances`, or the autoscaler's `maxInstances` (the peak);
    /// `rootDir` is where its code is. Static sites and databases run no code of the repository.
    pub(super) fn render(&self, path: &Path, ignored: &mut Vec<Ignored>) -> Vec<Process> {
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
                .and_then(|s| s.data.as_vec())
            else {
                continue;
            };
            for svc in services {
                let get = |k: &str| svc.data.as_mapping_get(k);
                let Some(name) = get("name").and_then(yaml_str) else {
                    continue;
                };
                let at = self.origin(path, &text, line_of(&svc.span.start).max(1));
                let runtime = get("runtime").or_else(|| get("env")).and_then(yaml_str);
                let kind = match get("type").and_then(yaml_str).unwrap_or("web") {
                    // A static site is a web service whose runtime is `static`.
                    _ if runtime == Some("static") => "static site",
                    k => k,
                };
                if matches!(kind, "static" | "static site" | "redis" | "keyvalue") {
                    ignored.push(Ignored {
                        at,
                        why: format!(
                            "service `{name}`: a {kind} service runs no code of this repository"
                        ),
                    });
                    continue;
                }
                let dir = base.join(get("rootDir").and_then(yaml_str).unwrap_or("."));
                let mut env = Env::new();
                if let Some(vars) = get("envVars").and_then(|v| v.data.as_vec()) {
                    for v in vars {
                        if let (Some(k), Some(val)) = (
                            v.data.as_mapping_get("key").and_then(yaml_str),
                            v.data.as_mapping_get("value"),
                        ) {
                            env.insert(
                                k.to_string(),
                                (
                                    super::yaml_text(val),
                                    self.origin(path, &text, line_of(&val.span.start)),
                                ),
                            );
                        }
                    }
                }
                self.record_env(&env, &dir);
                let replicas = render_instances(svc, |line| self.origin(path, &text, line));
                let Some(cmd) = get("startCommand")
                    .or_else(|| get("dockerCommand"))
                    .and_then(yaml_str)
                else {
                    ignored.push(Ignored {
                        at,
                        why: format!(
                            "service `{name}`: no startCommand (the image's own command is read from its Dockerfile)"
                        ),
                    });
                    continue;
                };
                let declared = Declared {
                    name,
                    label: format!("service `{name}`"),
                    dir: &dir,
                    kind: Kind::Render,
                    replicas,
                };
                declared.run_shell(cmd, &env, at, self.cpus, &mut out, ignored);
            }
        }
        out
    }
}

/// `numInstances: 3`, else `scaling: { maxInstances: 5 }` (the peak), else one.
fn render_instances(svc: &MarkedYaml<'_>, origin: impl Fn(u32) -> Origin) -> Count {
    let get = |k: &str| svc.data.as_mapping_get(k);
    let written = get("numInstances")
        .or_else(|| get("scaling").and_then(|s| s.data.as_mapping_get("maxInstances")));
    match written.and_then(|w| yaml_int(w).map(|n| (w, n))) {
        Some((w, n)) => Count::written(
            u64::try_from(n.max(1)).unwrap_or(1),
            origin(line_of(&w.span.start)),
        ),
        None => Count::default_of(1, "Render's default: one instance"),
    }
}

/// `[env]` of a `fly.toml`: the environment every process gets.
fn fly_env(doc: &toml::Table, path: &Path, text: &str) -> Env {
    let mut env = Env::new();
    if let Some(t) = doc.get("env").and_then(|e| e.as_table()) {
        for (k, v) in t {
            let value = match v {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let line = key_line(text, k).unwrap_or(1);
            env.insert(
                k.clone(),
                (
                    value,
                    Origin {
                        path: display(path),
                        line,
                        text: text
                            .lines()
                            .nth(line.saturating_sub(1) as usize)
                            .unwrap_or("")
                            .trim()
                            .to_string(),
                    },
                ),
            );
        }
    }
    env
}

/// The 1-based line where `key = …` is written (the first such line).
fn key_line(text: &str, key: &str) -> Option<u32> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .or_else(|| {
                    l.strip_prefix('"')
                        .and_then(|r| r.strip_prefix(key))
                        .and_then(|r| r.strip_prefix('"'))
                })
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .and_then(|i| u32::try_from(i + 1).ok())
}

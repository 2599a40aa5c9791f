//! The language server's state and handlers, on one worker thread.
//!
//! State: the workspace's [`Workset`] (every file under the workspace folders, read at start-up,
//! with each open buffer's text in place of its file), the open documents, and the last
//! [`Report`]. Edits mark the state dirty; a lint runs once the edits have paused for
//! [`DEBOUNCE`] (or at once when a request needs current results), over the whole workset — the
//! cache answers every unchanged file, so a lint costs the changed buffer's parse plus the
//! project pass. After a lint, every open document whose findings changed is re-published (push),
//! or the client is asked to pull again (pull).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{Position, Range, Uri};
use serde_json::{Value, json};

use super::ClientInfo;
use super::convert;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::engine::{self, Report, Settings, Workset};
use crate::source::{Lang, LineIndex};

/// How long edits must pause before a lint.
pub const DEBOUNCE: Duration = Duration::from_millis(50);
/// The code action kind of "apply every safe fix of this file".
pub const FIX_ALL: &str = "source.fixAll.connlint";

/// What the main thread hands the worker.
pub enum Job {
    Request(Request),
    Notification(Notification),
    Cancel(RequestId),
}

/// Settings from `initializationOptions` / `workspace/didChangeConfiguration`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// `source.fixAll.connlint` applies unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Like `--config FILE`: one configuration for every file.
    pub config_path: Option<PathBuf>,
}

impl Options {
    pub fn from_value(v: &Value) -> Options {
        Options {
            unsafe_fixes: v["unsafeFixes"].as_bool().unwrap_or(false),
            config_path: v["configPath"]
                .as_str()
                .filter(|s| !s.is_empty())
                .map(PathBuf::from),
        }
    }
}

/// An open document.
struct Doc {
    uri: Uri,
    path: PathBuf,
    version: i32,
    text: String,
}

pub struct Server {
    out: Sender<Message>,
    client: ClientInfo,
    settings: Settings,
    work: Workset,
    /// Open documents by URI string.
    docs: BTreeMap<String, Doc>,
    report: Report,
    dirty: bool,
    /// The diagnostics last published (push) or computed (pull), per open document.
    shown: HashMap<String, Vec<Value>>,
    cancelled: HashSet<RequestId>,
    next_id: u64,
    /// The first lint (the workspace's facts) is logged with its time.
    linted_once: bool,
}

impl Server {
    pub fn new(out: Sender<Message>, client: ClientInfo) -> Server {
        let mut s = Server {
            out,
            settings: Settings::default(),
            work: Workset::of_sources(Vec::new(), &Settings::default()),
            client,
            docs: BTreeMap::new(),
            report: Report::default(),
            dirty: false,
            shown: HashMap::new(),
            cancelled: HashSet::new(),
            next_id: 0,
            linted_once: false,
        };
        s.reload();
        s
    }

    /// Handle jobs until the main thread hangs up; then save the cache.
    pub fn run(mut self, inbox: Receiver<Job>) {
        self.register_watchers();
        loop {
            let first = if self.dirty {
                match inbox.recv_timeout(DEBOUNCE) {
                    Ok(j) => Some(j),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            } else {
                match inbox.recv() {
                    Ok(j) => Some(j),
                    Err(_) => break,
                }
            };
            let Some(first) = first else {
                self.lint();
                continue;
            };
            let mut batch = vec![first];
            batch.extend(inbox.try_iter());
            for job in &batch {
                if let Job::Cancel(id) = job {
                    self.cancelled.insert(id.clone());
                }
            }
            for job in batch {
                match job {
                    Job::Notification(n) => self.notification(n),
                    Job::Request(r) => self.request(r),
                    Job::Cancel(_) => {}
                }
            }
            // A cancellation only reaches requests still waiting in its batch.
            self.cancelled.clear();
        }
        if let Some(cache) = &self.settings.cache
            && let Err(e) = cache.save()
        {
            self.log(2, &format!("cannot write the cache: {e}"));
        }
    }

    // ------------------------------------------------------------------ messages out

    fn send(&self, msg: impl Into<Message>) {
        let _ = self.out.send(msg.into());
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(Notification::new(method.to_string(), params));
    }

    /// `window/logMessage` (1 error, 2 warning, 3 info, 4 log).
    fn log(&self, level: u8, message: &str) {
        self.notify(
            "window/logMessage",
            json!({ "type": level, "message": format!("connlint: {message}") }),
        );
    }

    fn client_request(&mut self, method: &str, params: Value) {
        self.next_id += 1;
        let id = RequestId::from(format!("connlint-{}", self.next_id));
        self.send(Request::new(id, method.to_string(), params));
    }

    fn register_watchers(&mut self) {
        if !self.client.watch {
            return;
        }
        let globs = [
            "**/connlint.toml",
            "**/.connlint.toml",
            "**/pyproject.toml",
            "**/package.json",
            "**/Cargo.toml",
            "**/requirements*.txt",
            "**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,rs}",
            "**/.env*",
            "**/*.env",
        ];
        let watchers: Vec<Value> = globs.iter().map(|g| json!({ "globPattern": g })).collect();
        self.client_request(
            "client/registerCapability",
            json!({ "registrations": [{
                "id": "connlint-watched-files",
                "method": "workspace/didChangeWatchedFiles",
                "registerOptions": { "watchers": watchers },
            }]}),
        );
    }

    // ------------------------------------------------------------------ state

    /// (Re)build the settings and read the workspace from disk; open buffers keep their text.
    fn reload(&mut self) {
        if let Some(cache) = &self.settings.cache {
            let _ = cache.save();
        }
        let mut settings = match &self.client.options.config_path {
            Some(path) => match crate::config::load(path, &crate::rules::NAMES) {
                Ok(c) => Settings::from_config(c),
                Err(e) => {
                    self.log(1, &e.to_string());
                    self.show_error(&e.to_string());
                    Settings::default()
                }
            },
            None => Settings {
                nearest_config: true,
                ..Settings::default()
            },
        };
        if let Some(dir) = self.cache_dir() {
            settings.cache = Some(Arc::new(crate::cache::FactCache::open(&dir)));
        }
        // The hover on a pool shows its share of its database's budget.
        settings.pool_shares = true;
        self.settings = settings;
        let started = std::time::Instant::now();
        self.work = match engine::load_workset(&self.client.roots, None, &self.settings) {
            Ok(w) => w,
            Err(e) => {
                self.log(1, &format!("cannot read the workspace: {e}"));
                if matches!(e, engine::RunError::Config(_)) {
                    self.show_error(&e.to_string());
                    // Go on without configuration files rather than without findings.
                    self.settings.nearest_config = false;
                }
                engine::load_workset(&self.client.roots, None, &self.settings)
                    .unwrap_or_else(|_| Workset::of_sources(Vec::new(), &self.settings))
            }
        };
        let docs: Vec<(PathBuf, String)> = self
            .docs
            .values()
            .map(|d| (d.path.clone(), d.text.clone()))
            .collect();
        for (path, text) in docs {
            self.work.upsert(&path, text, &self.settings);
        }
        self.log(
            3,
            &format!(
                "read {} files of {} workspace folder(s) in {:.2} s",
                self.work.sources.len(),
                self.client.roots.len(),
                started.elapsed().as_secs_f64()
            ),
        );
        self.dirty = true;
    }

    fn show_error(&self, message: &str) {
        self.notify(
            "window/showMessage",
            json!({ "type": 1, "message": format!("connlint: {message}") }),
        );
    }

    /// `.connlint_cache` at the first workspace folder's repository root (or the folder).
    fn cache_dir(&self) -> Option<PathBuf> {
        let root = self.client.roots.first()?;
        Some(
            root.ancestors()
                .find(|d| d.join(".git").exists())
                .unwrap_or(root)
                .join(crate::cache::DIR_NAME),
        )
    }

    fn under_roots(&self, path: &Path) -> bool {
        self.client.roots.iter().any(|r| path.starts_with(r))
    }

    /// Lint now, keep the last report if the pipeline panics, and show what changed.
    fn lint(&mut self) {
        self.dirty = false;
        let started = std::time::Instant::now();
        // Findings are shown for open documents only, and projects do not see each other: after
        // the first lint (which fills the cache for the whole workspace), only the projects of
        // open documents are checked.
        let projects: BTreeSet<PathBuf> = self
            .docs
            .values()
            .filter_map(|d| self.work.find(&d.path))
            .map(|s| s.project.root.clone())
            .collect();
        let subset;
        let work = if self.linted_once {
            subset = self.work.subset(|s| projects.contains(&s.project.root));
            &subset
        } else {
            &self.work
        };
        let settings = &self.settings;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            engine::check_workset(work, settings)
        })) {
            Ok(report) => self.report = report,
            Err(_) => {
                self.log(
                    1,
                    "internal error while linting; the previous findings are kept",
                );
                return;
            }
        }
        if !self.linted_once {
            self.linted_once = true;
            self.log(
                3,
                &format!(
                    "checked {} files in {:.2} s",
                    self.report.files_checked,
                    started.elapsed().as_secs_f64()
                ),
            );
        }
        for e in &self.report.errors {
            if self
                .docs
                .values()
                .any(|d| self.display_of(&d.path).as_deref() == Some(&e.path))
            {
                self.log(2, &format!("{}: {}", e.location(), e.message));
            }
        }
        self.show();
    }

    fn ensure_fresh(&mut self) {
        if self.dirty {
            self.lint();
        }
    }

    /// Publish (push) or ask to pull again (pull) where an open document's findings changed.
    fn show(&mut self) {
        let uris: Vec<String> = self.docs.keys().cloned().collect();
        let mut changed = false;
        for uri in uris {
            let items = self.diagnostics_of(&uri);
            if self.shown.get(&uri) == Some(&items) {
                continue;
            }
            changed = true;
            if self.client.pull {
                // What a pull client has seen is updated when it pulls (see the
                // `textDocument/diagnostic` handler and its `relatedDocuments`).
                continue;
            }
            if let Some(doc) = self.docs.get(&uri) {
                self.notify(
                    "textDocument/publishDiagnostics",
                    json!({ "uri": doc.uri.as_str(), "version": doc.version, "diagnostics": items }),
                );
            }
            self.shown.insert(uri, items);
        }
        if changed && self.client.pull && self.client.refresh {
            self.client_request("workspace/diagnostic/refresh", Value::Null);
        }
    }

    fn display_of(&self, path: &Path) -> Option<String> {
        self.work.find(path).map(|s| s.display.clone())
    }

    /// Text and line index of a file of the run, by display path.
    fn text_of(&self, display: &str) -> Option<(&str, LineIndex)> {
        let s = self.work.sources.iter().find(|s| s.display == display)?;
        Some((s.text.as_ref(), s.lines().clone()))
    }

    fn uri_of_display(&self, display: &str) -> Option<Uri> {
        let s = self.work.sources.iter().find(|s| s.display == display)?;
        convert::uri_of(&s.path)
    }

    /// The findings of an open document, as LSP diagnostics.
    fn diagnostics_of(&self, uri: &str) -> Vec<Value> {
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        let Some(display) = self.display_of(&doc.path) else {
            return Vec::new();
        };
        self.report
            .diagnostics
            .iter()
            .filter(|d| d.path == display)
            .filter_map(|d| self.to_lsp(d))
            .collect()
    }

    fn to_lsp(&self, d: &Diagnostic) -> Option<Value> {
        let enc = self.client.encoding;
        let (text, lines) = self.text_of(&d.path)?;
        let range = convert::range(text, &lines, d.span.start, d.span.end, enc);
        let related: Vec<Value> = d
            .related
            .iter()
            .filter_map(|r| {
                let (t, l) = self.text_of(&r.path)?;
                let uri = self.uri_of_display(&r.path)?;
                let at = convert::range(t, &l, r.span.start, r.span.end, enc);
                Some(json!({
                    "location": { "uri": uri.as_str(), "range": at },
                    "message": r.message,
                }))
            })
            .collect();
        let mut v = json!({
            "range": range,
            "severity": match d.severity { Severity::Error => 1, Severity::Warning => 2 },
            "code": d.rule,
            "codeDescription": { "href": crate::rules::doc_url(d.rule) },
            "source": "connlint",
            "message": format!("{}\nhelp: {}", d.message, d.help),
        });
        if !related.is_empty() {
            v["relatedInformation"] = Value::Array(related);
        }
        Some(v)
    }

    // ------------------------------------------------------------------ notifications

    fn notification(&mut self, n: Notification) {
        let p = &n.params;
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let td = &p["textDocument"];
                let (Some(uri), Some(text)) = (
                    td["uri"].as_str().and_then(|u| u.parse::<Uri>().ok()),
                    td["text"].as_str(),
                ) else {
                    return;
                };
                let Some(path) = convert::path_of(&uri) else {
                    return;
                };
                if Lang::from_path(&path).is_none() {
                    return;
                }
                if !self.under_roots(&path) {
                    // A file outside the workspace: its project becomes a folder of its own.
                    let root = engine::context_root(&path)
                        .or_else(|| path.parent().map(Path::to_path_buf));
                    if let Some(root) = root {
                        self.client.roots.push(root);
                        self.docs.insert(
                            uri.as_str().to_string(),
                            Doc {
                                uri: uri.clone(),
                                path: path.clone(),
                                version: td["version"].as_i64().unwrap_or(0) as i32,
                                text: text.to_string(),
                            },
                        );
                        self.reload();
                        return;
                    }
                }
                self.work.upsert(&path, text.to_string(), &self.settings);
                self.docs.insert(
                    uri.as_str().to_string(),
                    Doc {
                        uri,
                        path,
                        version: td["version"].as_i64().unwrap_or(0) as i32,
                        text: text.to_string(),
                    },
                );
                self.dirty = true;
            }
            "textDocument/didChange" => {
                let Some(key) = p["textDocument"]["uri"].as_str().map(str::to_string) else {
                    return;
                };
                let enc = self.client.encoding;
                let Some(doc) = self.docs.get_mut(&key) else {
                    return;
                };
                if let Some(v) = p["textDocument"]["version"].as_i64() {
                    doc.version = v as i32;
                }
                for change in p["contentChanges"].as_array().into_iter().flatten() {
                    let Some(new) = change["text"].as_str() else {
                        continue;
                    };
                    match serde_json::from_value::<Range>(change["range"].clone()) {
                        Ok(r) => {
                            let lines = LineIndex::new(&doc.text);
                            let a = convert::offset(&doc.text, &lines, r.start, enc);
                            let b = convert::offset(&doc.text, &lines, r.end, enc).max(a);
                            doc.text.replace_range(a..b, new);
                        }
                        Err(_) => doc.text = new.to_string(),
                    }
                }
                let (path, text) = (doc.path.clone(), doc.text.clone());
                self.work.upsert(&path, text, &self.settings);
                self.dirty = true;
            }
            "textDocument/didClose" => {
                let Some(key) = p["textDocument"]["uri"].as_str() else {
                    return;
                };
                if let Some(doc) = self.docs.remove(key) {
                    match crate::readfile::read_regular_text(&doc.path, self.settings.max_file_size)
                    {
                        Ok(t) => {
                            self.work.upsert(&doc.path, t, &self.settings);
                        }
                        Err(_) => self.work.remove(&doc.path),
                    }
                    self.shown.remove(key);
                    if !self.client.pull {
                        self.notify(
                            "textDocument/publishDiagnostics",
                            json!({ "uri": doc.uri.as_str(), "diagnostics": [] }),
                        );
                    }
                    self.dirty = true;
                }
            }
            "workspace/didChangeConfiguration" => {
                let settings = &p["settings"]["connlint"];
                if settings.is_object() {
                    let options = Options::from_value(settings);
                    if options != self.client.options {
                        self.client.options = options;
                        self.reload();
                    }
                }
            }
            "workspace/didChangeWatchedFiles" => {
                let mut reload = false;
                for change in p["changes"].as_array().into_iter().flatten() {
                    let Some(path) = change["uri"]
                        .as_str()
                        .and_then(|u| u.parse::<Uri>().ok())
                        .and_then(|u| convert::path_of(&u))
                    else {
                        continue;
                    };
                    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    if [
                        "connlint.toml",
                        ".connlint.toml",
                        "pyproject.toml",
                        "package.json",
                        "Cargo.toml",
                        "setup.py",
                    ]
                    .contains(&name)
                        || name.starts_with("requirements")
                    {
                        reload = true;
                        continue;
                    }
                    if self.docs.values().any(|d| d.path == path) {
                        continue; // the buffer wins
                    }
                    // 3 = deleted
                    if change["type"] == 3 {
                        self.work.remove(&path);
                    } else if let Ok(t) =
                        crate::readfile::read_regular_text(&path, self.settings.max_file_size)
                    {
                        self.work.upsert(&path, t, &self.settings);
                    }
                    self.dirty = true;
                }
                if reload {
                    // A new configuration or manifest: new profiles, projects and cache keys.
                    self.settings.resolver =
                        Arc::new(crate::config::Resolver::new(crate::rules::NAMES));
                    self.reload();
                }
            }
            "workspace/didChangeWorkspaceFolders" => {
                let ev = &p["event"];
                let paths = |key: &str| -> Vec<PathBuf> {
                    ev[key]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|f| f["uri"].as_str()?.parse::<Uri>().ok())
                        .filter_map(|u| convert::path_of(&u))
                        .collect()
                };
                let removed = paths("removed");
                self.client.roots.retain(|r| !removed.contains(r));
                self.client.roots.extend(paths("added"));
                self.reload();
            }
            _ => {}
        }
    }

    // ------------------------------------------------------------------ requests

    fn request(&mut self, req: Request) {
        if self.cancelled.remove(&req.id) {
            self.send(Response::new_err(
                req.id,
                ErrorCode::RequestCanceled as i32,
                "canceled".into(),
            ));
            return;
        }
        let result = match req.method.as_str() {
            "textDocument/diagnostic" => {
                self.ensure_fresh();
                let uri = req.params["textDocument"]["uri"].as_str().unwrap_or("");
                let items = self.diagnostics_of(uri);
                self.shown.insert(uri.to_string(), items.clone());
                // Other open documents whose findings changed since the client last saw them
                // ride along (`relatedDocuments`): an edit here can add or clear a duplicate
                // module there, and clients that do not take `workspace/diagnostic/refresh`
                // (Neovim) would not ask.
                let mut related = serde_json::Map::new();
                let others: Vec<(String, String)> = self
                    .docs
                    .iter()
                    .filter(|(k, _)| k.as_str() != uri)
                    .map(|(k, d)| (k.clone(), d.uri.as_str().to_string()))
                    .collect();
                for (key, other_uri) in others {
                    let other = self.diagnostics_of(&key);
                    if self.shown.get(&key) != Some(&other) {
                        related.insert(other_uri, json!({ "kind": "full", "items": other }));
                        self.shown.insert(key, other);
                    }
                }
                let mut report = json!({ "kind": "full", "items": items });
                if !related.is_empty() {
                    report["relatedDocuments"] = Value::Object(related);
                }
                Ok(report)
            }
            "textDocument/codeAction" => {
                self.ensure_fresh();
                Ok(Value::Array(self.code_actions(&req.params)))
            }
            "textDocument/hover" => {
                self.ensure_fresh();
                Ok(self.hover(&req.params))
            }
            other => Err(format!("connlint does not handle `{other}`")),
        };
        match result {
            Ok(v) => self.send(Response::new_ok(req.id, v)),
            Err(message) => self.send(Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                message,
            )),
        }
    }

    fn doc_of_params(&self, params: &Value) -> Option<&Doc> {
        self.docs.get(params["textDocument"]["uri"].as_str()?)
    }

    /// An LSP `WorkspaceEdit` (`changes`) from edits by display path; `None` when an edit's file
    /// is unknown or two edits of one file overlap (a fix is applied whole or not at all).
    fn workspace_edit(&self, edits: &[(String, crate::source::Span, String)]) -> Option<Value> {
        let mut by_file: BTreeMap<&str, Vec<(crate::source::Span, &str)>> = BTreeMap::new();
        for (path, span, content) in edits {
            by_file
                .entry(path.as_str())
                .or_default()
                .push((*span, content.as_str()));
        }
        let mut changes = serde_json::Map::new();
        for (path, mut list) in by_file {
            list.sort_by_key(|(s, _)| (s.start, s.end));
            if list.windows(2).any(|w| w[1].0.start < w[0].0.end) {
                return None;
            }
            let (text, lines) = self.text_of(path)?;
            let uri = self.uri_of_display(path)?;
            let edits: Vec<Value> = list
                .iter()
                .map(|(span, content)| {
                    json!({
                        "range": convert::range(text, &lines, span.start, span.end, self.client.encoding),
                        "newText": content,
                    })
                })
                .collect();
            changes.insert(uri.as_str().to_string(), Value::Array(edits));
        }
        Some(json!({ "changes": changes }))
    }

    fn code_actions(&self, params: &Value) -> Vec<Value> {
        let Some(doc) = self.doc_of_params(params) else {
            return Vec::new();
        };
        let Some(display) = self.display_of(&doc.path) else {
            return Vec::new();
        };
        let enc = self.client.encoding;
        let lines = LineIndex::new(&doc.text);
        let (Ok(want), only) = (
            serde_json::from_value::<Range>(params["range"].clone()),
            params["context"]["only"].as_array(),
        ) else {
            return Vec::new();
        };
        let kinds: Vec<&str> = only
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let wants = |kind: &str| {
            kinds.is_empty()
                || kinds
                    .iter()
                    .any(|k| kind == *k || kind.starts_with(&format!("{k}.")))
        };
        // A finding is offered when it touches the lines of the requested range (the cursor's
        // line, a selection, or the diagnostic's own range, as editors send them).
        let first_line = want.start.line as usize;
        let last_line = (want.end.line as usize).max(first_line);
        let touches = |d: &&Diagnostic| {
            let (a, b) = (
                lines.line_of(d.span.start),
                lines.line_of(d.span.end.max(d.span.start)),
            );
            a <= last_line && first_line <= b
        };
        let _ = enc;
        let mut actions = Vec::new();
        if wants("quickfix") {
            for d in self
                .report
                .diagnostics
                .iter()
                .filter(|d| d.path == display)
                .filter(touches)
            {
                let Some(lsp) = self.to_lsp(d) else {
                    continue;
                };
                if let Some((fix, edits)) = &d.fix
                    && fix.applicability != Applicability::DisplayOnly
                    && !edits.is_empty()
                {
                    let list: Vec<(String, crate::source::Span, String)> = edits
                        .iter()
                        .map(|e| (e.path.clone(), e.span, e.content.clone()))
                        .collect();
                    if let Some(edit) = self.workspace_edit(&list) {
                        let unsafe_note = if fix.applicability == Applicability::Unsafe {
                            " (unsafe: review it)"
                        } else {
                            ""
                        };
                        actions.push(json!({
                            "title": format!("Fix: {}{unsafe_note}", fix.message),
                            "kind": "quickfix",
                            "diagnostics": [lsp.clone()],
                            "isPreferred": fix.applicability == Applicability::Safe,
                            "edit": edit,
                        }));
                    }
                }
                if let Some(edit) = self.ignore_edit(doc, &lines, d) {
                    actions.push(json!({
                        "title": format!("Ignore `{}` on this line", d.rule),
                        "kind": "quickfix",
                        "diagnostics": [lsp],
                        "edit": edit,
                    }));
                }
            }
        }
        if wants(FIX_ALL)
            && let Some(edit) = self.fix_all(&display)
        {
            actions.push(json!({
                "title": "connlint: fix all auto-fixable problems",
                "kind": FIX_ALL,
                "edit": edit,
            }));
        }
        actions
    }

    /// Insert `connlint-ignore: <rule>` on the line above the finding, in the file's comment
    /// syntax and indentation.
    fn ignore_edit(&self, doc: &Doc, lines: &LineIndex, d: &Diagnostic) -> Option<Value> {
        let line = lines.line_of(d.span.start);
        let start = lines.line_start(line) as usize;
        let rest = &doc.text[start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        let indent: String = line_text
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let newline = if doc.text.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let lang = Lang::from_path(&doc.path)?;
        let comment = match lang {
            Lang::Py | Lang::Env => format!("# connlint-ignore: {}", d.rule),
            Lang::Tsx | Lang::Js if line_text.trim_start().starts_with('<') => {
                format!("{{/* connlint-ignore: {} */}}", d.rule)
            }
            _ => format!("// connlint-ignore: {}", d.rule),
        };
        let at = crate::source::Span::new(start, start);
        let display = self.display_of(&doc.path)?;
        self.workspace_edit(&[(display, at, format!("{indent}{comment}{newline}"))])
    }

    /// Every fix of the file's findings at the configured safety, applied as `--fix` does
    /// (re-checked between passes, verified to parse), as whole-file edits.
    fn fix_all(&self, display: &str) -> Option<Value> {
        let level = if self.client.options.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        let any = self.report.diagnostics.iter().any(|d| {
            d.path == display
                && d.fix.as_ref().is_some_and(|(f, e)| {
                    f.applicability >= level
                        && f.applicability != Applicability::DisplayOnly
                        && !e.is_empty()
                })
        });
        if !any {
            return None;
        }
        let mut work = self.work.clone();
        work.requested = Some(BTreeSet::from([display.to_string()]));
        let settings = &self.settings;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::fix::fix_workset(work, settings, level)
        }))
        .ok()?;
        if outcome.changed.is_empty() {
            return None;
        }
        let edits: Vec<(String, crate::source::Span, String)> = outcome
            .changed
            .iter()
            .map(|(display, _, old, new)| {
                (
                    display.clone(),
                    crate::source::Span::new(0, old.len()),
                    new.clone(),
                )
            })
            .collect();
        self.workspace_edit(&edits)
    }

    fn hover(&self, params: &Value) -> Value {
        let Some(doc) = self.doc_of_params(params) else {
            return Value::Null;
        };
        let Some(display) = self.display_of(&doc.path) else {
            return Value::Null;
        };
        let Ok(pos) = serde_json::from_value::<Position>(params["position"].clone()) else {
            return Value::Null;
        };
        let lines = LineIndex::new(&doc.text);
        let at = convert::offset(&doc.text, &lines, pos, self.client.encoding) as u32;
        let hits: Vec<&Diagnostic> = self
            .report
            .diagnostics
            .iter()
            .filter(|d| d.path == display && d.span.start <= at && at <= d.span.end)
            .collect();
        // A long-lived pool: its share of its database's connection budget.
        let pool = self
            .report
            .pools
            .iter()
            .find(|p| p.path == display && p.span.start <= at && at <= p.span.end);
        if hits.is_empty() {
            let Some(p) = pool else {
                return Value::Null;
            };
            let range = convert::range(
                &doc.text,
                &lines,
                p.span.start,
                p.span.end,
                self.client.encoding,
            );
            return json!({ "contents": { "kind": "markdown", "value": p.text }, "range": range });
        }
        let mut md = String::new();
        if let Some(p) = pool {
            md.push_str(&p.text);
            md.push_str("\n\n");
        }
        for d in &hits {
            md.push_str(&format!(
                "**connlint** `{}` ({}): {}\n\n",
                d.rule, d.code, d.message
            ));
            // How often the line runs, and through what (`connlint explain --why`).
            if let Some((_, why)) = &d.label {
                md.push_str(&format!("why: {why}\n\n"));
            }
            md.push_str(&format!("help: {}\n\n", d.help));
        }
        let mut rules_seen = Vec::new();
        for d in &hits {
            if rules_seen.contains(&d.rule) {
                continue;
            }
            rules_seen.push(d.rule);
            if let Some(r) = crate::rules::lookup(d.rule) {
                md.push_str("---\n\n");
                md.push_str(r.meta().doc);
                md.push('\n');
            }
        }
        let range = convert::range(
            &doc.text,
            &lines,
            hits[0].span.start,
            hits[0].span.end,
            self.client.encoding,
        );
        json!({ "contents": { "kind": "markdown", "value": md }, "range": range })
    }
}

//! Registrations the catalogue does not name, recognised by their shape: a callback handed to
//! a method after the name, path or schedule it is registered for (`bot.command("start", cb)`,
//! `router.at("/orders", get(list))`, `@broker.handle("orders")`, `new CronJob("0 * * * *",
//! tick)`). What the three front-ends share: which string is such a key, and which method
//! names say "event callback" on their own (`on_message`, `message_handler`). The catalogue's
//! `[registration.inferred]` lists the shapes that are not registrations.
//!
//! A callback found this way runs per event only *probably*: its scope carries the framework
//! tag [`INFERRED`], and the rules report it with a lower severity and say why.

use crate::catalog::InferredDef;

pub use crate::facts::INFERRED;

/// What a string argument of a possible registration says it registers for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A route path: `/orders`, `/users/:id`, `*`.
    Path,
    /// A name without spaces: an event, a command, a topic, a job (`start`, `orders.created`).
    Name,
    /// A cron schedule: five to seven fields (`*/5 * * * *`, `0 0 3 * * MON`).
    Schedule,
}

/// The kind of key a string literal's value is, if it is one: a path, a short name without
/// whitespace or quotes, or a cron expression. Sentences, SQL, file names with an extension
/// (`config.json`) and empty strings are not keys.
pub fn key_of(value: &str) -> Option<Key> {
    let v = value.trim();
    if v.is_empty() || v.len() > 120 || v != value {
        return None;
    }
    if v.starts_with('/') || v == "*" {
        return (!v.contains(char::is_whitespace)).then_some(Key::Path);
    }
    if is_cron(v) {
        return Some(Key::Schedule);
    }
    if v.len() > 60
        || v.contains(char::is_whitespace)
        || v.contains([
            '"', '\'', '`', '(', ')', '{', '}', '<', '>', '[', ']', ';', '=', '%',
        ])
        || looks_like_file(v)
    {
        return None;
    }
    Some(Key::Name)
}

/// `*/5 * * * *`, `0 3 * * MON-FRI`, `0 0 12 * * ?`: five to seven fields of digits, `*`,
/// `?`, `/`, `,`, `-`, `#`, `L`, `W` or three-letter month and day names.
fn is_cron(v: &str) -> bool {
    let fields: Vec<&str> = v.split_whitespace().collect();
    (5..=7).contains(&fields.len())
        && fields.iter().all(|f| {
            f.chars().all(|c| {
                c.is_ascii_digit()
                    || matches!(c, '*' | '?' | '/' | ',' | '-' | '#' | 'L' | 'W')
                    || c.is_ascii_uppercase()
            }) || f
                .split([',', '-'])
                .all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_alphabetic()))
        })
        && fields
            .iter()
            .any(|f| f.contains(['*', '?']) || f.chars().any(|c| c.is_ascii_digit()))
}

/// `config.json`, `./worker.js`, `logo.png`: a file, not an event (`orders.created` is one).
fn looks_like_file(v: &str) -> bool {
    const EXT: &[&str] = &[
        "js", "mjs", "cjs", "ts", "tsx", "jsx", "json", "py", "rs", "toml", "yaml", "yml", "txt",
        "csv", "html", "css", "png", "jpg", "svg", "md", "sql", "log", "env", "lock", "wasm",
    ];
    v.starts_with("./")
        || v.starts_with("../")
        || v.rsplit_once('.')
            .is_some_and(|(_, ext)| EXT.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Is `method` one the catalogue says never registers, by name or by a prefix or suffix
/// (`traceWithEnv`, `withSpan`)? A prefix denies itself and names that go on with an
/// uppercase letter or `_` (`trace` denies `traceCall`, not `tracer`): a word is not cut in two.
pub fn denied(def: &InferredDef, method: &str) -> bool {
    def.not_methods_set
        .get_or_init(|| def.not_methods.iter().cloned().collect())
        .contains(method)
        || def.not_prefixes.iter().any(|p| {
            method.strip_prefix(p.as_str()).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
            })
        })
        || def
            .not_suffixes
            .iter()
            .any(|s| method.len() > s.len() && method.ends_with(s.as_str()))
}

/// Does the method name itself say it registers an event callback (`on_message`,
/// `message_handler`, `add_listener`), by the catalogue's prefixes and suffixes? A name that is
/// only the prefix or suffix (`on_`) is not one; `on_startup`-like names are left to the
/// callers' once-only lists.
pub fn event_method(def: &InferredDef, method: &str) -> bool {
    def.event_prefixes
        .iter()
        .any(|p| method.len() > p.len() && method.starts_with(p.as_str()))
        || def
            .event_suffixes
            .iter()
            .any(|s| method.len() > s.len() && method.ends_with(s.as_str()))
}

/// Is `name` a method the catalogue says a library calls once (`[registration.inferred]
/// once_methods`; an entry ending in `*` is a prefix: `set_*`)?
pub fn once_method(def: &InferredDef, name: &str) -> bool {
    def.once_methods.iter().any(|m| match m.strip_suffix('*') {
        Some(prefix) => name.len() > prefix.len() && name.starts_with(prefix),
        None => m == name,
    })
}

/// The lowercase words of a name, snake or camel case: `onStopped` → `on`, `stopped`;
/// `on_shutdown` → `on`, `shutdown`.
pub fn name_words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_names() {
        assert_eq!(name_words("onStopped"), ["on", "stopped"]);
        assert_eq!(name_words("on_shutdown"), ["on", "shutdown"]);
        assert_eq!(name_words("HTTPServer_stop"), ["httpserver", "stop"]);
        assert_eq!(name_words("_teardown"), ["teardown"]);
    }

    #[test]
    fn keys_are_paths_names_and_schedules() {
        assert_eq!(key_of("/orders/:id"), Some(Key::Path));
        assert_eq!(key_of("*"), Some(Key::Path));
        assert_eq!(key_of("start"), Some(Key::Name));
        assert_eq!(key_of("orders.created"), Some(Key::Name));
        assert_eq!(key_of("send-welcome-email"), Some(Key::Name));
        assert_eq!(key_of("*/5 * * * *"), Some(Key::Schedule));
        assert_eq!(key_of("0 0 3 * * MON-FRI"), Some(Key::Schedule));
        assert_eq!(key_of("0 9 * * MON,WED"), Some(Key::Schedule));
    }

    #[test]
    fn sentences_sql_and_files_are_not_keys() {
        assert_eq!(key_of(""), None);
        assert_eq!(key_of("SELECT * FROM users WHERE id = $1"), None);
        assert_eq!(key_of("serve [port]"), None);
        assert_eq!(key_of("user signed in"), None);
        assert_eq!(key_of("config.json"), None);
        assert_eq!(key_of("./worker.js"), None);
        assert_eq!(key_of(" padded"), None);
        assert_eq!(key_of("a b c d e"), None);
    }

    #[test]
    fn denied_by_prefix_and_suffix() {
        let def = InferredDef {
            not_prefixes: vec!["trace".into()],
            not_suffixes: vec!["Span".into()],
            ..InferredDef::default()
        };
        assert!(denied(&def, "trace"));
        assert!(denied(&def, "traceWithEnv"));
        assert!(denied(&def, "trace_call"));
        assert!(denied(&def, "withSpan"));
        assert!(!denied(&def, "tracer"));
        assert!(!denied(&def, "Span"));
        assert!(!denied(&def, "on"));
    }

    #[test]
    fn event_method_names() {
        let def = InferredDef {
            event_prefixes: vec!["on_".into()],
            event_suffixes: vec!["_handler".into()],
            ..InferredDef::default()
        };
        assert!(event_method(&def, "on_message"));
        assert!(event_method(&def, "message_handler"));
        assert!(!event_method(&def, "on_"));
        assert!(!event_method(&def, "handler"));
        assert!(!event_method(&def, "route"));
    }
}

//! Helm templates where they are plain: a chart's templates are not YAML until rendered, but most
//! workload templates only put values in (`replicas: {{ .Values.replicaCount }}`) under plain
//! conditions (`{{- if .Values.autoscaling.enabled }}`). Those are rendered here from the chart's
//! `values.yaml` (read with saphyr); any other action (`include`, `toYaml`, `.Release`) renders as
//! nothing, so a template that needs them reads as what it says plainly, or not at all.

use std::path::{Path, PathBuf};

use saphyr::{LoadableYamlNode, Yaml};

/// The chart directory holding `path` (a `Chart.yaml` at most four levels up).
fn chart_dir(path: &Path) -> Option<PathBuf> {
    path.ancestors()
        .skip(1)
        .take(4)
        .find(|d| d.join("Chart.yaml").is_file())
        .map(Path::to_path_buf)
}

/// `.Values.a.b` in `values`.
fn lookup<'a>(values: &'a Yaml<'a>, dotted: &str) -> Option<&'a Yaml<'a>> {
    let mut at = values;
    for key in dotted.split('.').filter(|k| !k.is_empty()) {
        at = at.as_mapping_get(key)?;
    }
    Some(at)
}

fn scalar(y: &Yaml<'_>) -> Option<String> {
    if let Some(s) = y.as_str() {
        return Some(s.to_string());
    }
    if let Some(i) = y.as_integer() {
        return Some(i.to_string());
    }
    if let Some(b) = y.as_bool() {
        return Some(b.to_string());
    }
    y.as_floating_point().map(|f| f.to_string())
}

fn truthy(y: Option<&Yaml<'_>>) -> bool {
    match y {
        None => false,
        Some(y) => {
            if let Some(b) = y.as_bool() {
                b
            } else if let Some(i) = y.as_integer() {
                i != 0
            } else if let Some(s) = y.as_str() {
                !s.is_empty()
            } else {
                !y.is_null()
            }
        }
    }
}

/// The `.Values.x.y` an action names first (`.Values.replicaCount | default 2` → `replicaCount`).
fn values_ref(action: &str) -> Option<&str> {
    let at = action.find(".Values.")?;
    let rest = &action[at + ".Values.".len()..];
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The template at `path` rendered with its chart's `values.yaml`, where it is plain; `None`
/// when it is not in a chart or the chart has no readable values.
pub(super) fn render_plain(path: &Path, text: &str) -> Option<String> {
    let chart = chart_dir(path)?;
    let values_text = super::read_small(&chart.join("values.yaml"))?;
    let docs = Yaml::load_from_str(&values_text).ok()?;
    let values = docs.first()?;
    let mut out = String::with_capacity(text.len());
    // Whether each open block (`if`, `with`, `range`, `define`) emits its lines.
    let mut open: Vec<bool> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        let is_action_line = trimmed.starts_with("{{") && trimmed.ends_with("}}");
        if is_action_line && trimmed.matches("{{").count() == 1 {
            let action = trimmed
                .trim_start_matches("{{")
                .trim_end_matches("}}")
                .trim_matches(|c: char| c == '-' || c.is_whitespace());
            let word = action.split_whitespace().next().unwrap_or("");
            match word {
                "if" | "with" => {
                    let negated = action.split_whitespace().nth(1) == Some("not");
                    let plain = !action.contains('(')
                        && !action.contains(" and ")
                        && !action.contains(" or ");
                    let on = match values_ref(action) {
                        Some(r) if plain => truthy(lookup(values, r)) != negated,
                        _ => true,
                    };
                    open.push(on);
                }
                "range" => open.push(true),
                "define" => open.push(false),
                "else" => {
                    if let Some(last) = open.last_mut() {
                        *last = !*last;
                    }
                }
                "end" => {
                    open.pop();
                }
                _ => {}
            }
            out.push('\n');
            continue;
        }
        if open.iter().any(|on| !on) {
            out.push('\n');
            continue;
        }
        // Put values in; anything else renders as nothing.
        let mut rendered = String::new();
        let mut rest = line;
        while let Some(start) = rest.find("{{") {
            rendered.push_str(&rest[..start]);
            let Some(len) = rest[start..].find("}}") else {
                rest = "";
                break;
            };
            let action = &rest[start + 2..start + len];
            if let Some(v) = values_ref(action)
                .and_then(|r| lookup(values, r))
                .and_then(scalar)
            {
                rendered.push_str(&v);
            }
            rest = &rest[start + len + 2..];
        }
        rendered.push_str(rest);
        out.push_str(&rendered);
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn plain_values_and_conditions_are_rendered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Chart.yaml"), "name: api\nversion: 1.0.0\n").unwrap();
        std::fs::write(
            dir.path().join("values.yaml"),
            "replicaCount: 3\nautoscaling:\n  enabled: false\n  maxReplicas: 9\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        let t = dir.path().join("templates/deployment.yaml");
        let text = "spec:\n  {{- if not .Values.autoscaling.enabled }}\n  replicas: {{ .Values.replicaCount }}\n  {{- end }}\n  name: {{ include \"api.fullname\" . }}\n";
        let out = render_plain(&t, text).unwrap();
        assert!(out.contains("  replicas: 3\n"), "{out}");
        assert!(out.contains("  name: \n"), "{out}");
        let hpa = "{{- if .Values.autoscaling.enabled }}\nmaxReplicas: {{ .Values.autoscaling.maxReplicas }}\n{{- end }}\n";
        assert!(!render_plain(&t, hpa).unwrap().contains("maxReplicas"));
        // Not in a chart: nothing to render with.
        assert!(render_plain(Path::new("/nonexistent/k8s/x.yaml"), text).is_none());
    }
}

use super::*;

fn roots(f: &FileFacts) -> Vec<(String, Option<String>)> {
    f.root_mounts
        .iter()
        .map(|m| {
            (
                m.name.clone(),
                m.module
                    .as_ref()
                    .and_then(|r| r.candidates.first().cloned()),
            )
        })
        .collect()
}

#[test]
fn react_root_through_create_root_and_jsx() {
    let f = facts(
        "src/main.tsx",
        &["react", "react-dom", "react-router-dom"],
        r##"import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import App from "./App";
createRoot(document.getElementById("root")!).render(
  <StrictMode><BrowserRouter><App /></BrowserRouter></StrictMode>,
);
"##,
    );
    // The packages' components are not the project's.
    assert_eq!(roots(&f), vec![("App".into(), Some("src/App".into()))]);
}

#[test]
fn vue_roots_global_sfc_and_render_option() {
    let f = facts(
        "app.js",
        &["vue"],
        r##"const { createApp } = Vue;
const App = Vue.defineComponent({ name: "App", mounted() {} });
createApp(App).mount("#app");
"##,
    );
    assert_eq!(roots(&f), vec![("App".into(), None)]);
    let f = facts(
        "src/main.ts",
        &["vue"],
        r##"import { createApp } from "vue";
import Shell from "./Shell.vue";
createApp(Shell).mount("#app");
"##,
    );
    assert_eq!(roots(&f), vec![("Shell".into(), Some("src/Shell".into()))]);
    let f = facts(
        "src/main.js",
        &["vue"],
        r##"import Vue from "vue";
import Root from "./Root.vue";
new Vue({ render: (h) => h(Root) }).$mount("#app");
"##,
    );
    assert_eq!(roots(&f), vec![("Root".into(), Some("src/Root".into()))]);
}

#[test]
fn not_roots() {
    // A `render` imported from a testing library, a function of the file named `mount`, and
    // calls in a test file mount components many times.
    let f = facts(
        "src/widget.tsx",
        &["react", "@testing-library/react"],
        r##"import { render } from "@testing-library/react";
import { Widget } from "./Widget";
function mount(C) { return C; }
mount(Widget);
render(<Widget />);
"##,
    );
    assert!(f.root_mounts.is_empty(), "{:#?}", f.root_mounts);
    let f = facts(
        "src/Widget.test.tsx",
        &["react", "react-dom"],
        r##"import { createRoot } from "react-dom/client";
import { Widget } from "./Widget";
test("mounts", () => { createRoot(document.body).render(<Widget />); });
"##,
    );
    assert!(f.root_mounts.is_empty(), "{:#?}", f.root_mounts);
}

#[test]
fn once_per_mount_effects() {
    let f = facts(
        "src/App.tsx",
        &["react"],
        r##"import { useEffect } from "react";
export default function App({ room }) {
  useEffect(() => { window.addEventListener("online", f); }, []);
  useEffect(() => { window.addEventListener("focus", f); }, [room]);
  useEffect(() => { window.addEventListener("blur", f); });
  return null;
}
"##,
    );
    let once: Vec<bool> = f.effects.iter().map(|e| e.once_per_mount).collect();
    assert_eq!(once, vec![true, false, false]);
}

#[test]
fn chain_roots_remembered_per_link_agree_with_root_of() {
    let text = "const a = client.db(x).collection(y).find({ q: 1 }).toArray();\n\
        const b = this.pool[0].query(sql).rows;\n\
        const c = (x as any).a().b[1].c(d.e.f());\n\
        const d = make().then((r) => r.json()).catch(() => null);\n\
        const e = w[0][1](k).z;\n\
        const g = client.db(x).collection(y);\n";
    let project = Arc::new(Project::with_deps(&[]));
    let file = SourceFile::in_memory("src/a.ts", text, project).expect("known extension");
    let catalog = &crate::catalog::Catalog::shared().js;
    let tree = parse(file.lang, &file.text).unwrap();
    let root = tree.root_node();
    let flat = Flat::new(root);
    let info = FileInfo::new(&file, catalog.app_folder(&file.project, &file.rel));
    let mut pre = Pre::new(&file, &flat, catalog, info);
    pre.run(root);
    let walker = Walker::new(&file, catalog, pre, info);
    // Outermost first (as the walk asks), then every node again from the cache.
    let nodes: Vec<_> = flat.nodes(root).collect();
    let mut rooted = 0;
    for pass in 0..2 {
        for n in &nodes {
            let expected = root_of(*n, text);
            assert_eq!(
                walker.chain_root(*n),
                expected,
                "pass {pass}: {}",
                n.to_sexp()
            );
            rooted += usize::from(expected.is_some());
        }
    }
    assert!(rooted > 40, "{rooted}");
}

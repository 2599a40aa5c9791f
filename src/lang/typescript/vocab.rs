//! Word lists of the TypeScript/JavaScript front-end: HTTP and route methods, loops, hooks,
//! memo wrappers, Vue and class lifecycle names, run-once callers, URL option keys.

// ------------------------------------------------------------------------------------------
// Vocabulary (frameworks, not libraries)

pub(super) const HTTP_METHODS: &[&str] =
    &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

pub(super) const ROUTE_METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "del", "all", "use", "options", "head",
];

pub(super) const TRPC_METHODS: &[&str] = &["query", "mutation", "subscription"];

pub(super) const LOOP_METHODS: &[&str] = &[
    "map",
    "flatMap",
    "forEach",
    "filter",
    "reduce",
    "reduceRight",
    "some",
    "every",
    "find",
    "findIndex",
];

pub(super) const EFFECT_HOOKS: &[&str] = &["useEffect", "useLayoutEffect", "useInsertionEffect"];

/// Modules whose `useEffect` is React's (or behaves as React's): an effect hook imported from
/// anywhere else, or declared in the file, is some other function.
pub(super) const REACT_MODULES: &[&str] = &[
    "react",
    "preact",
    "preact/hooks",
    "preact/compat",
    "@preact/compat",
    "@wordpress/element",
];

/// `@preact/signals`' `useSignalEffect(() => { …; return cleanup })`: an effect of the component
/// that re-runs when a signal it reads changes, with React's cleanup contract.
pub(super) const SIGNAL_EFFECT: &str = "useSignalEffect";
pub(super) const SIGNAL_MODULES: &[&str] = &["@preact/signals", "@preact/signals-react"];

/// Hooks whose first argument is an initialiser run once per component instance.
pub(super) const MEMO_HOOKS: &[&str] = &["useMemo", "useState"];
/// Hooks that may call a function they are given while the component renders: not event
/// callbacks.
pub(super) const RENDER_TIME_HOOKS: &[&str] = &[
    "useMemo",
    "useState",
    "useReducer",
    "useSyncExternalStore",
    "useImperativeHandle",
    "useDeferredValue",
    "useOptimistic",
];

/// Hooks whose first argument is a value kept across renders (`useState(new X())`).
pub(super) const MEMO_VALUE_HOOKS: &[&str] = &["useState", "useRef"];

/// Wrappers that run their function once per process (or per key): `memoize(fn)`,
/// `singleton("redis", initRedis)`, `once(fn)`. Not React's `cache`, which memoizes per request.
pub(super) const MEMO_WRAPPERS: &[&str] = &[
    "memoize",
    "memoizeOne",
    "pMemoize",
    "once",
    "lazy",
    "singleton",
    "getSingleton",
    "createSingleton",
];

/// Helpers named for what they do with a key's cached value (`getOrCreatePolicyResource(map,
/// key, () => new ProxyAgent(uri))`, `getOrInit(cache, id, build)`): the function builds the
/// value once per key.
pub(super) const MEMO_PREFIXES: &[&str] = &[
    "getOrCreate",
    "getOrInit",
    "getOrInsert",
    "getOrSet",
    "getOrAdd",
    "memoize",
];

/// Is the `index`-th argument of a call to `callee` (its last name) run once by a memoizer?
/// `once` must be given the function first: `emitter.once("event", fn)` runs `fn` once per
/// registration, which is not once per process.
pub(super) fn is_memo_arg(callee: &str, index: usize) -> bool {
    (MEMO_WRAPPERS.contains(&callee) && (index == 0 || !matches!(callee, "once" | "lazy")))
        || MEMO_PREFIXES.iter().any(|p| {
            callee.strip_prefix(p).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_uppercase())
            })
        })
}

/// A cache's `wrap(key, fn)` (cache-manager's `cache.wrap(key, async () => new S3Client(…), {
/// ttl })`): `fn` runs only when the key is missing. Its receiver is named for a cache.
pub(super) fn cache_wrap(callee: tree_sitter::Node, index: usize, src: &str) -> bool {
    use crate::lang::KindExt;
    let c = super::syntax::unwrap_value(callee);
    index == 1
        && c.kind_name() == "member_expression"
        && c.child_by_field_name("property")
            .is_some_and(|p| matches!(&src[p.byte_range()], "wrap" | "remember"))
        && c.child_by_field_name("object").is_some_and(|o| {
            let name = &src[o.byte_range()];
            let last = name.rsplit('.').next().unwrap_or(name);
            last.to_ascii_lowercase().contains("cache")
        })
}

pub(super) const GLOBALS: &[&str] = &["globalThis", "global", "window"];

/// Directories of test helpers beside the code (`src/test-utils/test-instance.ts`).
pub(super) const TEST_HELPER_DIRS: &[&str] = &[
    "test-utils",
    "test_utils",
    "testutils",
    "test-helpers",
    "test_helpers",
];

/// Does the file import a test runner's API at run time (`import { afterAll } from "vitest"`)?
/// Only tests and their helpers do.
pub(super) fn imports_test_runner(text: &str) -> bool {
    const RUNNERS: &[&str] = &[
        "vitest",
        "@jest/globals",
        "bun:test",
        "node:test",
        "@playwright/test",
    ];
    // (Not `import type { Reporter } from "vitest"`: a reporter or a plugin only names its types.)
    let runtime = |line: &str| !line.trim_start().starts_with("import type ");
    RUNNERS.iter().any(|m| {
        let froms = [format!("from \"{m}\""), format!("from '{m}'")];
        froms.iter().any(|f| {
            text.contains(f.as_str()) && text.lines().any(|l| l.contains(f.as_str()) && runtime(l))
        })
    })
}

/// A test runner's set-up file (Vitest's `globalSetup` / `setupFiles`, Jest's
/// `setupFilesAfterEach`: `test-setup.ts`, `setupTests.ts`, `vitest.setup.ts`): test code.
pub(super) fn is_test_setup(file_name: &str) -> bool {
    let base = file_name.rsplit_once('.').map_or(file_name, |(b, _)| b);
    TEST_SETUP_STEMS.contains(&base.to_ascii_lowercase().as_str())
}

/// File names without their extension (lower case) of a test runner's set-up files.
const TEST_SETUP_STEMS: &[&str] = &[
    "test-setup",
    "test_setup",
    "setuptests",
    "setup-tests",
    "setup_tests",
    "vitest.setup",
    "jest.setup",
    "vitest-setup",
    "jest-setup",
    "global-setup",
    "globalsetup",
    "global-teardown",
    "globalteardown",
    "test-utils",
    "test_utils",
    "test-helpers",
    "test_helpers",
];

pub(super) const PAGE_FILES: &[&str] = &[
    "page",
    "layout",
    "template",
    "default",
    "not-found",
    "error",
    "loading",
];

// ------------------------------------------------------------------------------------------
// Lifecycle: effects and their cleanups, sessions and checkouts, production-only code
//
// These analyses run when the walk meets the construct (an effect hook call, a class, a
// checkout, an `if`), over that construct's own subtree: effects and checkouts are small, so
// re-reading them costs little and keeps the main walk unchanged.

/// Vue (composition API): the hook whose callback acquires, and those whose callbacks clean up.
pub(super) const VUE_MOUNT: &str = "onMounted";

/// Vue lifecycle hooks whose callback runs once per mount, not per render (like an effect).
pub(super) const VUE_LIFECYCLE: &[&str] = &[
    "onMounted",
    "onBeforeMount",
    "onActivated",
    "onUnmounted",
    "onBeforeUnmount",
    "onDeactivated",
];

pub(super) const VUE_UNMOUNT: &[&str] = &["onUnmounted", "onBeforeUnmount", "onScopeDispose"];

/// Where Vue's hooks come from. Nuxt auto-imports them: no import at all is fine too.
pub(super) const VUE_MODULES: &[&str] =
    &["vue", "@vue/*", "vue-demi", "#imports", "#app", "nuxt/app"];

/// Svelte: `onMount(() => { …; return cleanup })`, or the cleanup in `onDestroy`. Only when
/// imported from Svelte (a component imports its lifecycle functions).
pub(super) const SVELTE_MOUNT: &str = "onMount";

pub(super) const SVELTE_UNMOUNT: &[&str] = &["onDestroy"];

pub(super) const SVELTE_MODULES: &[&str] = &["svelte"];

/// How many helper functions an analysis follows at most (from a cleanup, or from
/// `componentDidMount`).
pub(super) const MAX_HELPERS: usize = 32;

/// How many acquisitions of one effect are judged (the first ones, in the order the walk meets
/// them): each is checked against the whole effect (re-registered, swapped, released later),
/// so an effect of a thousand listeners nested in each other would cost a million steps.
/// Real effects acquire a handful.
pub(super) const MAX_EFFECT_ACQUISITIONS: usize = 64;

/// Functions that run the callback they are given once, as part of the caller's own run (array
/// methods, promise continuations, one-shot schedulers): a callback given to anything else
/// (`addEventListener`, `subscribe`, `on`, `new ResizeObserver`) runs later, on events.
pub(super) const RUN_ONCE_CALLERS: &[&str] = &[
    "then",
    "catch",
    "finally",
    "forEach",
    "map",
    "flatMap",
    "filter",
    "reduce",
    "reduceRight",
    "some",
    "every",
    "find",
    "findIndex",
    "findLast",
    "sort",
    "setTimeout",
    "requestAnimationFrame",
    "requestIdleCallback",
    "queueMicrotask",
    "startTransition",
    "flushSync",
    "unstable_batchedUpdates",
    "batch",
    "act",
    "call",
    "apply",
];

/// How deep names and objects are followed.
pub(super) const MAX_FOLLOW: u8 = 8;

/// How deep nested option objects are flattened.
pub(super) const MAX_NESTING: u8 = 4;

/// Last words of names that designate a project's own wrapper around an SDK
/// (`streamChatManager`, `ChatService`, `socket_controller`): its methods only share names with
/// the SDK's, and it manages its own lifecycle.
pub(super) const WRAPPER_NOUNS: &[&str] = &[
    "manager",
    "service",
    "controller",
    "helper",
    "wrapper",
    "facade",
    "registry",
    "coordinator",
    "orchestrator",
];

/// NestJS method decorators whose method the framework calls per request or message.
pub(super) const NEST_HANDLER_DECORATORS: &[&str] = &[
    "Get",
    "Post",
    "Put",
    "Patch",
    "Delete",
    "All",
    "Head",
    "Options",
    "Sse",
    "Query",
    "Mutation",
    "Subscription",
    "ResolveField",
    "MessagePattern",
    "EventPattern",
    "SubscribeMessage",
];

/// NestJS class decorators of the classes whose methods serve requests.
pub(super) const NEST_CLASS_DECORATORS: &[&str] = &["Controller", "Resolver", "WebSocketGateway"];

/// Dependencies of a Remix / React Router framework-mode project.
pub(super) const REMIX_DEPS: &[&str] = &[
    "@remix-run/node",
    "@remix-run/react",
    "@remix-run/cloudflare",
    "@remix-run/server-runtime",
    "@react-router/node",
    "@react-router/dev",
];

/// Dependencies of an AWS Lambda project.
pub(super) const LAMBDA_DEPS: &[&str] = &[
    "@types/aws-lambda",
    "aws-lambda",
    "serverless",
    "@middy/core",
    "@aws-lambda-powertools/logger",
    "@aws-lambda-powertools/tracer",
    "@aws-lambda-powertools/metrics",
];

/// Nuxt / Nitro / h3 wrappers whose function runs per request.
pub(super) const EVENT_HANDLERS: &[&str] = &[
    "defineEventHandler",
    "eventHandler",
    "defineCachedEventHandler",
    "cachedEventHandler",
];

/// Methods that register a callback for an event (`server.once("close", cb)`,
/// `el.addEventListener("x", cb)`); `onClose(cb)`-style names are read by their shape.
pub(super) const EVENT_REGISTRATIONS: &[&str] = &[
    "on",
    "once",
    "addListener",
    "addEventListener",
    "prependListener",
];

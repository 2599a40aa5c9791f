use super::*;

// ---------------------------------------------------------------- lifecycle facts

fn one_effect(f: &FileFacts) -> &EffectFact {
    assert_eq!(f.effects.len(), 1, "{:#?}", f.effects);
    &f.effects[0]
}

fn acq<'f>(e: &'f EffectFact, pair: &str) -> &'f Acquisition {
    e.acquisitions
        .iter()
        .find(|a| a.pair == pair)
        .unwrap_or_else(|| panic!("no {pair} in {:#?}", e.acquisitions))
}

fn cleanup_calls(e: &EffectFact) -> Vec<String> {
    e.cleanup
        .as_ref()
        .map(|c| {
            c.calls
                .iter()
                .map(|c| match &c.receiver {
                    Some(r) => format!("{r}.{}({})", c.callee, c.args.join(",")),
                    None => format!("{}({})", c.callee, c.args.join(",")),
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn canonical_texts() {
    assert_eq!(
        canon("window . addEventListener"),
        "window.addEventListener"
    );
    assert_eq!(canon("'resize'"), "\"resize\"");
    assert_eq!(canon("`resize`"), "\"resize\"");
    assert_eq!(canon("`id-${x}`"), "`id-${x}`");
    assert_eq!(canon("ref.current?.close"), "ref.current.close");
    assert_eq!(canon("unsub?.()"), "unsub()");
    assert_eq!(canon("ref.current!.close()"), "ref.current.close()");
    assert_eq!(canon("a !== b"), "a!==b");
    assert_eq!(canon("typeof  x"), "typeof x");
    assert_eq!(canon("f(a, /* c */ b)"), "f(a,b)");
    assert_eq!(canon("x ? .5 : 1"), "x?.5:1");
    assert_eq!(canon("'it\\'s'"), "\"it\\'s\"");
}

#[test]
fn effect_stream_chat_seed_forms() {
    // Seed 003: `connectUser` in an effect; the fix disconnects through the promise.
    let f = facts(
        "src/components/messaging/MessagingTab.tsx",
        &["next", "react", "stream-chat"],
        r#"import { useEffect, useState } from "react";
import { StreamChat } from "stream-chat";
const client = StreamChat.getInstance(process.env.NEXT_PUBLIC_STREAM_KEY!);
export function MessagingTab({ user, token }: Props) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const connecting = client.connectUser({ id: user.id }, token);
    connecting.then(() => setReady(true));
    return () => {
      setReady(false);
      connecting.then(() => client.disconnectUser());
    };
  }, [user.id, token]);
  return <div>{ready ? "ok" : "…"}</div>;
}
"#,
    );
    let e = one_effect(&f);
    assert_eq!(e.hook, "useEffect");
    assert_eq!(e.component.as_deref(), Some("MessagingTab"));
    assert_eq!(e.acquisitions.len(), 1, "{:#?}", e.acquisitions);
    let a = acq(e, "stream-connect-user");
    assert_eq!(a.receiver.as_deref(), Some("client"));
    assert_eq!(a.binding.as_deref(), Some("connecting"));
    assert_eq!(a.call, "client.connectUser({ id: user.id }, token)");
    assert!(
        cleanup_calls(e).contains(&"client.disconnectUser()".to_string()),
        "{:?}",
        cleanup_calls(e)
    );
    assert!(e.anchors.cleanup_end.is_some());
    assert!(e.anchors.body_end.is_some());
    assert_eq!(e.anchors.indent, "    ");

    // Without cleanup, and a client built inside the effect.
    let f = facts(
        "src/app/[locale]/VideoCall/hooks/useVideoCallSimple.ts",
        &["next", "react", "@stream-io/video-react-sdk"],
        r#"import { useEffect, useState } from "react";
import { StreamVideoClient, Call } from "@stream-io/video-react-sdk";
export function useVideoCallSimple(apiKey: string, user: User, token: string, callId: string) {
  const [call, setCall] = useState<Call>();
  useEffect(() => {
    const client = new StreamVideoClient({ apiKey, user, token });
    const c = client.call("default", callId);
    c.join({ create: true });
    setCall(c);
  }, [callId]);
  return call;
}
"#,
    );
    let e = one_effect(&f);
    assert_eq!(e.component.as_deref(), Some("useVideoCallSimple"));
    assert!(e.cleanup.is_none());
    assert_eq!(
        acq(e, "client:stream-video").binding.as_deref(),
        Some("client")
    );
    assert_eq!(acq(e, "stream-call-join").receiver.as_deref(), Some("c"));
    assert_eq!(e.acquisitions.len(), 2);
    // Just before the closing `}` of the effect's body.
    assert_eq!(
        e.anchors.body_end,
        Some(u32::try_from(f_text_pos("}, [callId]);")).unwrap())
    );
}

/// Where a snippet of the last test source starts (helper for anchor checks).
fn f_text_pos(needle: &str) -> usize {
    let text = r#"import { useEffect, useState } from "react";
import { StreamVideoClient, Call } from "@stream-io/video-react-sdk";
export function useVideoCallSimple(apiKey: string, user: User, token: string, callId: string) {
  const [call, setCall] = useState<Call>();
  useEffect(() => {
    const client = new StreamVideoClient({ apiKey, user, token });
    const c = client.call("default", callId);
    c.join({ create: true });
    setCall(c);
  }, [callId]);
  return call;
}
"#;
    text.find(needle).unwrap()
}

#[test]
fn effect_bindings_chains_signals() {
    let f = facts(
        "src/components/Room.tsx",
        &["react", "@supabase/supabase-js"],
        r#"import { useEffect, useRef } from "react";
import { supabase } from "../lib/supabase";
export default function Room({ id }: { id: string }) {
  const ws = useRef<WebSocket | null>(null);
  const timer = useRef<number>();
  useEffect(() => {
    const channel = supabase
      .channel(`room-${id}`)
      .on("postgres_changes", { event: "INSERT", schema: "public" }, (p) => console.log(p))
      .subscribe();
    const { data: { subscription } } = supabase.auth.onAuthStateChange((_e, s) => {});
    ws.current = new WebSocket(URL);
    timer.current = window.setInterval(() => {}, 500);
    const controller = new AbortController();
    const { signal } = controller;
    window.addEventListener('resize', onResize, { signal });
    document.addEventListener("keydown", onKey, { signal: controller.signal, capture: true });
    const other = supabase.channel("x");
    other.subscribe();
    return () => {
      supabase.removeChannel(channel);
      subscription?.unsubscribe();
      ws.current!.close();
      window.clearInterval(timer.current);
      controller.abort();
      window.removeEventListener("scroll", () => onScroll());
    };
  }, [id]);
  return <p />;
}
"#,
    );
    let e = one_effect(&f);
    let sub: Vec<&Acquisition> = e
        .acquisitions
        .iter()
        .filter(|a| a.pair == "subscription")
        .collect();
    assert_eq!(sub.len(), 2, "{:#?}", e.acquisitions);
    assert_eq!(sub[0].binding.as_deref(), Some("channel"));
    assert_eq!(
        sub[0].call,
        "supabase.channel(`room-${id}`).on(\"postgres_changes\", …, …).subscribe()"
    );
    // The receiver stands for the result of an unbound `channel.subscribe()`.
    assert_eq!(sub[1].binding.as_deref(), Some("other"));
    // The chain's inner `on(…)` is not an acquisition of its own.
    assert!(e.acquisitions.iter().all(|a| a.pair != "emitter-listener"));
    assert_eq!(
        acq(e, "auth-listener").binding.as_deref(),
        Some("subscription")
    );
    assert_eq!(acq(e, "websocket").binding.as_deref(), Some("ws.current"));
    let interval = acq(e, "interval");
    assert_eq!(interval.binding.as_deref(), Some("timer.current"));
    assert_eq!(interval.receiver.as_deref(), Some("window"));
    let listeners: Vec<&Acquisition> = e
        .acquisitions
        .iter()
        .filter(|a| a.pair == "event-listener")
        .collect();
    assert_eq!(listeners.len(), 2);
    assert_eq!(listeners[0].signal.as_deref(), Some("controller.signal"));
    assert_eq!(listeners[0].args[0], "\"resize\"");
    assert_eq!(listeners[1].signal.as_deref(), Some("controller.signal"));
    let calls = cleanup_calls(e);
    assert!(
        calls
            .iter()
            .any(|c| c.starts_with("window.removeEventListener(\"scroll\",<function literal at ")),
        "{calls:?}"
    );
    for want in [
        "supabase.removeChannel(channel)",
        "subscription.unsubscribe()",
        "ws.current.close()",
        "window.clearInterval(timer.current)",
        "controller.abort()",
    ] {
        assert!(calls.contains(&want.to_string()), "{want} not in {calls:?}");
    }
}

#[test]
fn effect_cleanup_forms() {
    let f = facts(
        "src/hooks/useFeed.ts",
        &["react", "firebase", "socket.io-client"],
        r#"import { useEffect, useLayoutEffect } from "react";
import * as React from "react";
import { onSnapshot, collection, onAuthStateChanged } from "firebase/firestore";
import { socket } from "../socket";
function detach(s) { s.off("message", onMessage); again(s); }
function again(s) { detach(s); }
export function useFeed(db, auth, onValue) {
  useEffect(() => onSnapshot(collection(db, "feed"), (s) => {}), [db]);
  useEffect(() => {
    const unsub = onAuthStateChanged(auth, () => {});
    onValue(1);
    return unsub;
  }, [auth]);
  useLayoutEffect(() => {
    socket.on("message", onMessage);
    const id = setInterval(tick, 1000);
    function cleanup() {
      clearInterval(id);
      detach(socket);
    }
    return cleanup;
  }, []);
  useEffect(() => window.addEventListener("online", onOnline), []);
  React.useEffect(() => {
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const ro = new ResizeObserver(() => {});
    ro.observe(document.body);
    const t = setTimeout(() => {}, 10);
    if (!db) return;
    return () => ro.disconnect();
  });
}
"#,
    );
    assert_eq!(f.effects.len(), 5, "{:#?}", f.effects);
    // Returning what `addEventListener` returns is no cleanup.
    let e = &f.effects[3];
    assert!(!acq(e, "event-listener").returned);
    assert!(e.cleanup.is_none());
    // `return onSnapshot(…)` (arrow expression body).
    let e = &f.effects[0];
    let a = acq(e, "firebase-listener");
    assert!(a.returned);
    assert!(e.cleanup.is_some());
    // `return unsub`: a disposer, recorded as a call of `unsub`; `onValue` is a parameter.
    let e = &f.effects[1];
    assert_eq!(e.acquisitions.len(), 1, "{:#?}", e.acquisitions);
    let a = acq(e, "auth-listener");
    assert!(a.returned);
    assert_eq!(a.binding.as_deref(), Some("unsub"));
    assert_eq!(cleanup_calls(e), vec!["unsub()".to_string()]);
    // A cleanup declared in the effect and returned by name, with a module-level helper
    // (recursive: followed once).
    let e = &f.effects[2];
    assert_eq!(e.hook, "useLayoutEffect");
    let calls = cleanup_calls(e);
    assert!(
        calls.contains(&"clearInterval(id)".to_string()),
        "{calls:?}"
    );
    // `detach(socket)`: the helper's parameter stands for its argument.
    assert!(
        calls.contains(&"socket.off(\"message\",onMessage)".to_string()),
        "{calls:?}"
    );
    assert_eq!(e.acquisitions.len(), 2, "{:#?}", e.acquisitions);
    assert_eq!(
        acq(e, "emitter-listener").receiver.as_deref(),
        Some("socket")
    );
    assert!(e.anchors.cleanup_end.is_some());
    // `React.useEffect`, an early `return;`, an expression-bodied cleanup.
    let e = &f.effects[4];
    assert_eq!(e.hook, "useEffect");
    assert_eq!(cleanup_calls(e), vec!["ro.disconnect()".to_string()]);
    assert_eq!(acq(e, "observer").binding.as_deref(), Some("ro"));
    assert_eq!(acq(e, "timeout").binding.as_deref(), Some("t"));
    assert!(e.anchors.cleanup_expr.is_some());
    assert_eq!(e.anchors.cleanup_end, None);
}

#[test]
fn effect_pairs_follow_modules_receivers_and_locals() {
    let f = facts(
        "src/Live.jsx",
        &["react", "pusher-js", "@stream-io/video-react-sdk"],
        r#"import { useEffect } from "react";
import Pusher from "pusher-js";
import { useCall } from "@stream-io/video-react-sdk";
const pusher = new Pusher("key", { cluster: "eu" });
export function Live({ room, setInterval }) {
  const call = useCall();
  useEffect(() => {
    const channel = pusher.subscribe(room);
    channel.bind("update", onUpdate);
    call.join();
    game.join();
    setInterval(1);
    return () => {
      channel.unbind("update", onUpdate);
      pusher.unsubscribe(room);
    };
  }, [room]);
  return null;
}
"#,
    );
    let e = one_effect(&f);
    let pairs: Vec<&str> = e.acquisitions.iter().map(|a| a.pair.as_str()).collect();
    // `channel.bind(…)` goes with the subscription it is bound on.
    assert_eq!(pairs, vec!["pusher-subscribe", "stream-call-join"]);

    // React Native: `addEventListener` returns a subscription.
    let f = facts(
        "src/useAppState.ts",
        &["react", "react-native"],
        r#"import { useEffect } from "react";
import { AppState } from "react-native";
export function useAppState(cb) {
  useEffect(() => {
    const sub = AppState.addEventListener("change", cb);
    return () => sub.remove();
  }, [cb]);
}
"#,
    );
    let e = one_effect(&f);
    assert_eq!(acq(e, "app-state-listener").binding.as_deref(), Some("sub"));
    assert_eq!(cleanup_calls(e), vec!["sub.remove()".to_string()]);
}

#[test]
fn listeners_on_objects_the_effect_creates_go_with_them() {
    let f = facts(
        "src/Feed.tsx",
        &["react", "socket.io-client"],
        r#"import { useEffect, useRef } from "react";
import { io } from "socket.io-client";
import { socket as shared } from "./socket";
export function Feed({ url }) {
  const sref = useRef(null);
  useEffect(() => {
    const ws = new WebSocket(url);
    ws.addEventListener("message", onMessage);
    sref.current = io(url);
    sref.current.on("message", onMessage);
    shared.on("message", onMessage);
    return () => {
      ws.close();
      sref.current.disconnect();
    };
  }, [url]);
  return null;
}
"#,
    );
    let e = one_effect(&f);
    let got: Vec<(&str, Option<&str>)> = e
        .acquisitions
        .iter()
        .map(|a| {
            (
                a.pair.as_str(),
                a.receiver.as_deref().or(a.binding.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("websocket", Some("ws")),
            ("client:socket-io-client", Some("sref.current")),
            ("emitter-listener", Some("shared")),
        ]
    );
}

#[test]
fn class_component_effects() {
    let f = facts(
        "src/Clock.jsx",
        &["react"],
        r#"import React from "react";
export default class Clock extends React.Component {
  state = { now: Date.now() };
  componentDidMount() {
    this.timer = setInterval(() => this.setState({ now: Date.now() }), 1000);
    this.listen();
  }
  listen() {
    window.addEventListener("resize", this.onResize);
  }
  onResize = () => this.forceUpdate();
  componentWillUnmount() {
    this.stop();
  }
  stop() {
    clearInterval(this.timer);
  }
  render() {
    return <time>{this.state.now}</time>;
  }
}
"#,
    );
    let e = one_effect(&f);
    assert_eq!(e.hook, "componentDidMount");
    assert_eq!(e.component.as_deref(), Some("Clock"));
    assert_eq!(acq(e, "interval").binding.as_deref(), Some("this.timer"));
    let l = acq(e, "event-listener");
    assert_eq!(
        l.args,
        vec!["\"resize\"".to_string(), "this.onResize".to_string()]
    );
    let calls = cleanup_calls(e);
    assert!(
        calls.contains(&"clearInterval(this.timer)".to_string()),
        "{calls:?}"
    );
    assert!(e.anchors.cleanup_end.is_some() && e.anchors.body_end.is_some());

    // A disposer kept on the instance.
    let f = facts(
        "src/Cart.jsx",
        &["react"],
        r#"import React from "react";
import { store } from "./store";
export class Cart extends React.PureComponent {
  componentDidMount() {
    this.unsubscribe = store.subscribe(() => this.forceUpdate());
  }
  componentWillUnmount() {
    this.unsubscribe();
  }
  render() { return null; }
}
"#,
    );
    let e = one_effect(&f);
    assert_eq!(
        acq(e, "subscription").binding.as_deref(),
        Some("this.unsubscribe")
    );
    assert_eq!(cleanup_calls(e), vec!["this.unsubscribe()".to_string()]);

    // No `componentWillUnmount`: no cleanup. A class without `extends` is not a component.
    let f = facts(
        "src/Ticker.js",
        &["react"],
        r#"import { Component } from "react";
export class Ticker extends Component {
  componentDidMount() { this.id = setInterval(this.tick, 1000); }
  render() { return null; }
}
class Plain { componentDidMount() { setInterval(f, 1); } }
"#,
    );
    let e = one_effect(&f);
    assert!(e.cleanup.is_none());
}

#[test]
fn vue_composables() {
    let f = facts(
        "src/composables/useWindowSize.ts",
        &["vue"],
        r#"import { ref, onMounted, onBeforeUnmount } from "vue";
export function useWindowSize() {
  const width = ref(window.innerWidth);
  const update = () => (width.value = window.innerWidth);
  onMounted(() => {
    window.addEventListener("resize", update);
    const es = new EventSource("/events");
  });
  onBeforeUnmount(() => window.removeEventListener("resize", update));
  return { width };
}
"#,
    );
    let e = one_effect(&f);
    assert_eq!(e.hook, "onMounted");
    assert_eq!(e.component.as_deref(), Some("useWindowSize"));
    assert_eq!(e.acquisitions.len(), 2);
    assert_eq!(
        cleanup_calls(e),
        vec!["window.removeEventListener(\"resize\",update)".to_string()]
    );
    assert!(e.anchors.cleanup_expr.is_some());

    // Nuxt auto-imports: no import; a local `onMounted` is not Vue's.
    let f = facts(
        "composables/useTicker.ts",
        &["nuxt"],
        "export const useTicker = () => { onMounted(() => { setInterval(tick, 1000); }); };\n",
    );
    assert!(one_effect(&f).cleanup.is_none());
    let f = facts(
        "src/x.ts",
        &["vue"],
        "function onMounted(f) { f(); }\nexport function g() { onMounted(() => setInterval(t, 1)); }\n",
    );
    assert!(f.effects.is_empty());
}

#[test]
fn effects_on_a_project_wrapper_are_not_acquisitions() {
    // Seed 003: the project's `streamChatManager` manages the connection; components must
    // not disconnect it. The SDK client imported from the same module still counts, and so
    // does a listener on an imported socket.
    let f = facts(
        "src/components/messaging/MessagingTab.tsx",
        &["next", "react", "stream-chat", "socket.io-client"],
        r#""use client";
import { useEffect, useState } from "react";
import { streamChatManager, chatClient } from "@/utils/stream-chat-client";
import { socket } from "@/lib/socket";
export function MessagingTab({ userId, token, userData }: Props) {
  const [client, setClient] = useState(null);
  useEffect(() => {
    streamChatManager.connectUser(userId, token, userData).then(setClient);
  }, [userId, token]);
  useEffect(() => {
    chatClient.connectUser({ id: userId }, token);
  }, [userId, token]);
  useEffect(() => {
    socket.on("message", onMessage);
  }, []);
  return <div />;
}
"#,
    );
    assert_eq!(f.effects.len(), 3);
    assert!(f.effects[0].acquisitions.is_empty(), "{:#?}", f.effects[0]);
    assert_eq!(
        f.effects[1].acquisitions[0].receiver.as_deref(),
        Some("chatClient")
    );
    assert_eq!(f.effects[2].acquisitions[0].pair, "emitter-listener");
    assert!(is_wrapper_name("streamChatManager"));
    assert!(is_wrapper_name("ChatService"));
    assert!(is_wrapper_name("socket_controller"));
    assert!(!is_wrapper_name("chatClient"));
    assert!(!is_wrapper_name("serviceClient"));
}

#[test]
fn memoizer_wrappers_guard_their_functions() {
    let f = facts(
        "src/services/cache.server.ts",
        &["ioredis", "express"],
        r#"import { Redis } from "ioredis";
import { EventEmitter } from "node:events";
import { singleton } from "~/utils/singleton";
export const metadata = singleton("metadata", initializeMetadata);
function initializeRedis() {
  return new Redis();
}
const redis = singleton("cache", initializeRedis);
function initializeMetadata() {
  const client = new Redis();
  return { get: (k: string) => client.get(k) };
}
export function getStore() {
  return singleton("store", () => new Store(new Redis()));
}
const events = new EventEmitter();
export function onReady() {
  events.once("ready", () => new Redis());
  return withRetry(() => new Redis());
}
"#,
    );
    let guard_of = |name: &str| {
        f.functions
            .iter()
            .find(|x| x.name == name)
            .map(|x| x.guard)
            .expect("function")
    };
    assert_eq!(guard_of("initializeRedis"), Guard::Memo);
    assert_eq!(guard_of("initializeMetadata"), Guard::Memo);
    assert_eq!(guard_of("getStore"), Guard::None);
    assert_eq!(guard_of("onReady"), Guard::None);
    let g: Vec<Guard> = f.clients.iter().map(|c| c.guard).collect();
    assert_eq!(
        g,
        vec![
            Guard::Memo,
            Guard::Memo,
            Guard::Memo,
            Guard::None,
            Guard::None
        ]
    );
}

#[test]
fn abort_listeners_release_when_the_cleanup_aborts() {
    let f = facts(
        "src/components/Guard.tsx",
        &["react"],
        r#"import { useEffect } from "react";
export function Guard({ el, outer }: Props) {
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      const observer = new ResizeObserver(place);
      observer.observe(el);
      window.addEventListener("resize", place);
      signal.addEventListener("abort", () => {
        observer.disconnect();
        window.removeEventListener("resize", place);
      });
      controller.signal.addEventListener("abort", stop);
      outer.signal.addEventListener("abort", () => clearTimeout(t));
    })();
    function stop() { cancelAnimationFrame(raf); }
    return () => controller.abort();
  }, [el]);
  return null;
}
"#,
    );
    let e = one_effect(&f);
    // Listeners on the effect's own controller are not acquisitions; the one on a
    // controller from outside is.
    let calls: Vec<&str> = e.acquisitions.iter().map(|a| a.call.as_str()).collect();
    assert_eq!(
        calls,
        vec![
            "new ResizeObserver(place)",
            "window.addEventListener(\"resize\", place)",
            "outer.signal.addEventListener(\"abort\", …)"
        ]
    );
    // What the abort listeners of `controller` do is part of the cleanup; `outer`'s is not.
    assert_eq!(
        cleanup_calls(e),
        vec![
            "observer.disconnect()",
            "window.removeEventListener(\"resize\",place)",
            "cancelAnimationFrame(raf)",
            "controller.abort()"
        ]
    );
}

#[test]
fn cleanup_arrays_run_what_was_pushed() {
    let f = facts(
        "src/hooks/useRect.ts",
        &["react", "firebase"],
        r#"import { useEffect } from "react";
import { onSnapshot } from "firebase/firestore";
export function useRect(el: HTMLElement, q: Query) {
  useEffect(() => {
    const cleanups: Array<() => void> = [];
    const ro = new ResizeObserver(update);
    cleanups.push(() => ro.disconnect());
    cleanups.push(onSnapshot(q, update));
    const unsub = api.subscribe(update);
    cleanups.push(unsub);
    return () => {
      for (const c of cleanups) c();
    };
  }, [el]);
  useEffect(() => {
    const other: Array<() => void> = [];
    const id = setInterval(update, 100);
    other.push(() => clearInterval(id));
    return () => other.forEach((f) => console.log(f));
  }, []);
}
"#,
    );
    assert_eq!(f.effects.len(), 2);
    let e = &f.effects[0];
    assert_eq!(cleanup_calls(e), vec!["ro.disconnect()", "c()", "unsub()"],);
    assert!(
        acq(e, "firebase-listener").returned,
        "{:#?}",
        e.acquisitions
    );
    // The second effect never calls the functions it stored.
    let calls = cleanup_calls(&f.effects[1]);
    assert!(
        !calls.iter().any(|c| c.starts_with("clearInterval")),
        "{calls:?}"
    );
}

#[test]
fn callbacks_element_releases_signals_and_aliases() {
    let f = facts(
        "src/hooks/useLive.ts",
        &["react"],
        r#"import { useEffect, useState } from "react";
export function useLive(el: HTMLElement, channel: Channel, url: string, sys: System) {
  const [spring, setSpring] = useState(null);
  useEffect(() => {
    const ro = new ResizeObserver(() => requestAnimationFrame(measure));
    const onMsg = () => setTimeout(ping, 10);
    channel.on("message", onMsg);
    fetchAll().then(() => setTimeout(done, 10));
    const schedule = (fn) => setTimeout(fn, 50);
    idle.current = schedule(send);
    const subs = [channel.on("read", sync)];
    const timers = new Set();
    const t = setInterval(poll, 100);
    timers.add(t);
    return () => {
      subs.forEach((s) => s.unsubscribe());
      timers.forEach(clearInterval);
    };
  }, [el]);
  useEffect(() => {
    const abort = new AbortController();
    const opts = { signal: abort.signal };
    const sub = new SSEStreamSubscription(url, opts);
    sub.subscribe();
    let joined = null;
    const chat = sys.chat;
    chat.connectUser(user, token);
    joined = chat;
    const s = sys.createSpring();
    setSpring(s);
    s.addListener(listener);
    return () => abort.abort();
  }, [url, spring]);
}
"#,
    );
    assert_eq!(f.effects.len(), 2);
    let e = &f.effects[0];
    let timer = |callee: &str| {
        e.acquisitions
            .iter()
            .find(|a| a.call.contains(callee))
            .unwrap_or_else(|| panic!("{callee}: {:#?}", e.acquisitions))
    };
    // Callbacks of an observer and a listener run on events; a promise continuation and
    // the effect itself do not; a function returning its timer to a kept call hands it on.
    assert!(timer("requestAnimationFrame(measure)").in_callback);
    assert!(timer("setTimeout(ping").in_callback);
    assert!(!timer("setTimeout(done").in_callback);
    assert!(timer("setTimeout(fn").in_callback);
    assert!(!timer("setInterval").in_callback);
    // Elements released one by one.
    assert!(timer("channel.on(\"read\"").returned);
    assert!(
        cleanup_calls(e).iter().any(|c| c == "clearInterval(t)"),
        "{:?}",
        cleanup_calls(e)
    );
    let e = &f.effects[1];
    let sub = acq(e, "subscription");
    assert_eq!(sub.receiver_signal.as_deref(), Some("abort.signal"));
    let aliases = |pair: &str| acq(e, pair).aliases.clone();
    assert_eq!(
        aliases("stream-connect-user"),
        vec![("chat".to_string(), "joined".to_string())]
    );
    // `spring` is a dependency: the run its change starts sees it.
    assert_eq!(
        aliases("emitter-listener"),
        vec![("s".to_string(), "spring".to_string())]
    );
}

#[test]
fn factory_facts_params_methods_and_direct_returns() {
    let f = facts(
        "src/lib/db.ts",
        &["@prisma/client", "mongodb", "redis", "express"],
        r#"import { PrismaClient } from "@prisma/client";
import { MongoClient } from "mongodb";
import { createClient } from "redis";
export function getPrisma() {
  return new PrismaClient();
}
export const getDb = () => new MongoClient(process.env.MONGODB_URI!);
export function getRedis(url: string, db: number) {
  return (createClient({ url, database: db }) as RedisClientType);
}
export function configured(this: Window, url: string) {
  const client = new MongoClient(url);
  client.on("open", () => {});
  return client;
}
export const connect = async () => (await new MongoClient("mongodb://x").connect());
class Repo {
  client() {
    return createClient() satisfies Client;
  }
  pool = (size: number) => new PrismaClient();
}
export const api = {
  make(a, b, c) {
    return new PrismaClient();
  },
};
export const all = (urls: string[]) => urls.map((u) => new MongoClient(u));
"#,
    );
    let fun = |name: &str| {
        f.functions
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("no {name} in {:#?}", f.functions))
    };
    let shape = |name: &str| (fun(name).params, fun(name).method);
    assert_eq!(shape("getPrisma"), (0, false));
    assert_eq!(shape("getDb"), (0, false));
    assert_eq!(shape("getRedis"), (2, false));
    assert_eq!(shape("configured"), (1, false));
    assert_eq!(shape("client"), (0, true));
    assert_eq!(shape("pool"), (1, true));
    assert_eq!(shape("make"), (3, true));
    assert_eq!(shape("all"), (1, false));
    let direct: Vec<(&str, bool)> = f
        .clients
        .iter()
        .map(|c| (c.ctor.as_str(), c.anchors.direct_return))
        .collect();
    assert_eq!(
        direct,
        vec![
            ("new PrismaClient()", true),
            ("new MongoClient()", true),
            ("createClient()", true),
            // Configured first, then returned by name.
            ("new MongoClient()", false),
            // Returned through `await` and `.connect()`.
            ("new MongoClient()", false),
            ("createClient()", true),
            ("new PrismaClient()", true),
            ("new PrismaClient()", true),
            // A `map` callback's value goes to the array.
            ("new MongoClient()", false),
        ]
    );
}

#[test]
fn acquisition_statements_only_where_the_cleanup_sees_their_names() {
    let f = facts(
        "src/hooks/useThings.ts",
        &["react"],
        r#"import { useEffect } from "react";
export function useThings(ref, socket, onMsg, el) {
  useEffect(() => {
    setInterval(poll, 1000);
    void (async () => {
      const place = () => {};
      window.addEventListener("resize", place);
      await ready;
      socket.on("msg", onMsg);
    })();
  }, []);
  useEffect(() => {
    if (ref.current) {
      let t;
      const onScroll = () => {
        t = setTimeout(done, 150);
      };
      el.addEventListener("scroll", onScroll);
      return () => el.removeEventListener("scroll", onScroll);
    }
  }, [ref]);
  useEffect(() => {
    if (el) {
      const ws = new WebSocket(url);
      ws.addEventListener("message", onMessage);
    }
    return () => {};
  }, [el]);
}
"#,
    );
    let stmt = |e: usize, call: &str| {
        let a = f.effects[e]
            .acquisitions
            .iter()
            .find(|a| a.call.starts_with(call))
            .unwrap_or_else(|| panic!("no {call} in {:#?}", f.effects[e].acquisitions));
        a.statement.map(|s| s.start)
    };
    // Its own statement.
    assert!(stmt(0, "setInterval").is_some());
    // `place` is declared inside the async IIFE: the cleanup cannot name it.
    assert_eq!(stmt(0, "window.addEventListener"), None);
    // `socket` and `onMsg` are parameters of the hook: the IIFE's statement holds it.
    assert!(stmt(0, "socket.on").is_some());
    assert_ne!(stmt(0, "socket.on"), stmt(0, "setInterval"));
    // `t` is declared in the block that also returns the cleanup.
    assert!(stmt(1, "setTimeout").is_some());
    // `ws` is declared in an `if` block; the cleanup is outside it.
    assert_eq!(stmt(2, "new WebSocket"), None);
}

#[test]
fn listeners_on_objects_the_component_builds_go_with_them() {
    let f = facts(
        "src/Player.tsx",
        &["react", "eventemitter2"],
        r#"import { useCallback, useEffect, useMemo, useRef } from "react";
import { EventEmitter2 } from "eventemitter2";
export function Player({ url, bus }) {
  const events = useMemo(() => new EventEmitter2(), []);
  const shared = useMemo(() => bus.child(), [bus]);
  const sock = useMemo(() => new WebSocket(url), [url]);
  const wsRef = useRef(null);
  const kept = useRef(null);
  const connect = useCallback(() => {
    wsRef.current = new WebSocket(url);
    const ws = wsRef.current;
    ws.addEventListener("message", () => {});
    kept.current = new WebSocket(url);
    const other = kept.current;
    other.addEventListener("message", () => {});
  }, [url]);
  useEffect(() => {
    connect();
    events.onAny(() => {});
    shared.onAny(() => {});
    sock.addEventListener("message", () => {});
    return () => wsRef.current?.close();
  }, [connect, events, shared, sock]);
  return null;
}
"#,
    );
    let receivers: Vec<_> = f.effects[0]
        .acquisitions
        .iter()
        .filter_map(|a| a.receiver.clone())
        .collect();
    // The ref's socket the cleanup closes and the memoised emitter take their listeners with
    // them; a socket on a ref nothing closes, an object the component did not build, and a
    // memoised socket nothing closes, do not.
    assert_eq!(
        receivers,
        vec![
            "other".to_string(),
            "shared".to_string(),
            "sock".to_string()
        ]
    );
}

#[test]
fn subscriptions_to_what_completes_by_itself_hold_nothing() {
    let f = facts(
        "src/Live.tsx",
        &["react", "react-relay", "rxjs"],
        r#"import { useEffect } from "react";
import { fetchQuery } from "react-relay";
import { interval, take } from "rxjs";
export function Live({ env, q }) {
  useEffect(() => {
    fetchQuery(env, q, {}).subscribe({ next: () => {} });
    interval(1000).pipe(take(1)).subscribe(() => {});
    interval(1000).subscribe(() => {});
  }, [env, q]);
  return null;
}
"#,
    );
    let receivers: Vec<_> = f.effects[0]
        .acquisitions
        .iter()
        .filter_map(|a| a.receiver.clone())
        .collect();
    assert_eq!(receivers, vec!["interval(1000)".to_string()]);
}

#[test]
fn listeners_the_component_removes_in_another_cleanup() {
    // Added in a helper one effect calls, removed (same event, the same object under a longer
    // path) in the helper the unmount cleanup calls: released. The `sort` listener is not.
    let f = facts(
        "src/Form.tsx",
        &["react"],
        r#"import { useEffect, useRef } from "react";
export function Form({ content, load }) {
  const appRef = useRef(undefined);
  function launch() {
    if (appRef.current !== undefined) return;
    const survey = load(content);
    appRef.current = { survey };
    survey.rows.on("change", onChange);
    survey.on("sort", onChange);
  }
  function cleanup() {
    appRef.current?.survey.rows.off("change");
  }
  useEffect(() => { launch(); }, [content]);
  useEffect(() => () => cleanup(), []);
  return null;
}
"#,
    );
    let calls: Vec<&str> = f
        .effects
        .iter()
        .flat_map(|e| e.acquisitions.iter().map(|a| a.call.as_str()))
        .collect();
    assert_eq!(
        calls,
        vec![r#"survey.on("sort", onChange)"#],
        "{:#?}",
        f.effects
    );
}

/// A cleanup's local read from a path (`const el = ref.current`) stands for that path in what
/// the cleanup calls on it; one read from elsewhere does not.
#[test]
fn a_cleanup_local_stands_for_its_path() {
    let src = |from: &str| {
        format!(
            r#"import {{ useEffect }} from "react";
export function useMenu({{ ref, on }}: any) {{
  useEffect(() => {{
    ref.current.addEventListener("contextmenu", on);
    return () => {{
      const el = {from};
      if (el) el.removeEventListener("contextmenu", on);
    }};
  }}, [on]);
}}
"#
        )
    };
    let same = facts("src/useMenu.ts", &["react"], &src("ref.current"));
    let calls = cleanup_calls(one_effect(&same));
    assert!(
        calls.contains(&"ref.current.removeEventListener(\"contextmenu\",on)".to_string()),
        "{calls:?}"
    );
    let other = facts("src/useMenu.ts", &["react"], &src("document.body"));
    let calls = cleanup_calls(one_effect(&other));
    assert!(
        calls.contains(&"document.body.removeEventListener(\"contextmenu\",on)".to_string()),
        "{calls:?}"
    );
}

/// A client the effect closes itself (`finally { await client.end() }` in an async IIFE) is no
/// acquisition left for a cleanup; one it never closes is.
#[test]
fn a_client_the_effect_closes_is_not_left_for_the_cleanup() {
    let src = |close: &str| {
        format!(
            r#"import {{ useEffect }} from "react";
import pg from "pg";
export function Index() {{
  useEffect(() => {{
    const client = new pg.Client({{}});
    (async () => {{
      try {{ await client.connect(); }} finally {{ {close} }}
    }})();
  }}, []);
  return null;
}}
"#
        )
    };
    let closed = facts(
        "src/index.tsx",
        &["react", "pg"],
        &src("await client.end();"),
    );
    assert!(
        closed.effects.iter().all(|e| e.acquisitions.is_empty()),
        "{:#?}",
        closed.effects
    );
    let open = facts("src/index.tsx", &["react", "pg"], &src("console.log(1);"));
    assert_eq!(one_effect(&open).acquisitions.len(), 1);
}

/// A frame held by a hand-made ref object (`const frame = { current: requestAnimationFrame(f)
/// }`) is bound to `frame.current`; a re-armed frame whose callback returns once an element ref
/// is empty stops with the element (`if (!box.current) return`), one guarded by a value ref
/// does not.
#[test]
fn frames_held_by_ref_objects_and_stopped_by_element_refs() {
    let text = |guard: &str, attach: &str| {
        format!(
            r#"import {{ useEffect, useRef }} from "react";
export function Fit() {{
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {{
    const check = () => {{
      if (!{guard}.current) return;
      requestAnimationFrame(check);
    }};
    check();
    const step = () => {{ frame.current = requestAnimationFrame(step); }};
    const frame = {{ current: requestAnimationFrame(step) }};
    return () => cancelAnimationFrame(frame.current);
  }}, []);
  return <div {attach} />;
}}
"#
        )
    };
    let frames = |f: &FileFacts| -> Vec<Option<String>> {
        one_effect(f)
            .acquisitions
            .iter()
            .filter(|a| a.pair == "animation-frame")
            .map(|a| a.binding.clone())
            .collect()
    };
    let element = facts("src/Fit.tsx", &["react"], &text("box", "ref={box}"));
    assert_eq!(
        frames(&element),
        vec![
            Some("frame.current".to_string()),
            Some("frame.current".to_string())
        ]
    );
    let value = facts("src/Fit.tsx", &["react"], &text("box", "className=\"fit\""));
    assert_eq!(frames(&value).len(), 3, "{:#?}", frames(&value));
    assert!(frames(&value).contains(&None));
}

import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Pusher from "pusher-js";
import { useEffect, useRef, useState } from "react";

const API = import.meta.env.VITE_API_URL as string;
const WS_URL = import.meta.env.VITE_CURSOR_WS_URL as string;

interface Props {
  noteId: string;
}

export function NoteEditor({ noteId }: Props) {
  const pusher = new Pusher(import.meta.env.VITE_PUSHER_KEY as string, {
    cluster: import.meta.env.VITE_PUSHER_CLUSTER as string,
  });
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [others, setOthers] = useState<string[]>([]);
  const dirtyRef = useRef(false);

  const editor = useEditor({
    extensions: [StarterKit],
    content: "<p>Loading…</p>",
  });

  // load note body
  useEffect(() => {
    if (!editor) return;
    const ctrl = new AbortController();
    fetch(`${API}/notes/${noteId}`, { signal: ctrl.signal })
      .then((r) => r.json())
      .then((note) => editor.commands.setContent(note.html, false))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [editor, noteId]);

  // mark dirty on every edit
  useEffect(() => {
    if (!editor) return;
    editor.on("update", () => {
      dirtyRef.current = true;
      setDirty(true);
    });
  }, [editor]);

  // autosave every 10 s
  useEffect(() => {
    if (!editor) return;
    setInterval(async () => {
      if (!dirtyRef.current) return;
      dirtyRef.current = false;
      await fetch(`${API}/notes/${noteId}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ html: editor.getHTML() }),
      });
      setDirty(false);
      setSavedAt(new Date());
    }, 10_000);
  }, [editor, noteId]);

  // live cursors of other editors
  useEffect(() => {
    const ws = new WebSocket(`${WS_URL}/notes/${noteId}/presence`);
    ws.onmessage = (ev) => {
      const msg = JSON.parse(ev.data) as { users: string[] };
      setOthers(msg.users);
    };
  }, [noteId]);

  // remote "note replaced" notifications
  useEffect(() => {
    if (!editor) return;
    const channel = pusher.subscribe(`note-${noteId}`);
    const onReplaced = (data: { html: string }) => editor.commands.setContent(data.html, false);
    channel.bind("replaced", onReplaced);
    return () => {
      channel.unbind("replaced", onReplaced);
      pusher.unsubscribe(`note-${noteId}`);
    };
  }, [editor, noteId]);

  // Ctrl+S forces a save
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") {
        e.preventDefault();
        dirtyRef.current = true;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <section>
      <header>
        <span>{dirty ? "Unsaved changes" : savedAt ? `Saved ${savedAt.toLocaleTimeString()}` : ""}</span>
        <span>{others.length ? `Also editing: ${others.join(", ")}` : null}</span>
      </header>
      <EditorContent editor={editor} />
    </section>
  );
}

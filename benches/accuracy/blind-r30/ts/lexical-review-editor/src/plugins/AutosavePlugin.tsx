import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useEffect, useRef } from "react";

const API = import.meta.env.VITE_API_URL as string;

export function AutosavePlugin({ docId }: { docId: string }) {
  const [editor] = useLexicalComposerContext();
  const dirty = useRef(false);

  useEffect(() => {
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) dirty.current = true;
    });

    const timer = setInterval(() => {
      if (!dirty.current) return;
      dirty.current = false;
      const state = JSON.stringify(editor.getEditorState().toJSON());
      void fetch(`${API}/docs/${docId}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: state,
        keepalive: true,
      });
    }, 5_000);

    const onHide = () => {
      if (document.visibilityState === "hidden") dirty.current = true;
    };
    document.addEventListener("visibilitychange", onHide);

    return () => {
      unregister();
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [editor, docId]);

  return null;
}

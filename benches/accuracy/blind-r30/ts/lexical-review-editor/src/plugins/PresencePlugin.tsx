import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { mergeRegister } from "@lexical/utils";
import { $getSelection, $isRangeSelection, BLUR_COMMAND, COMMAND_PRIORITY_LOW, FOCUS_COMMAND } from "lexical";
import { useEffect, useState } from "react";

const WS_URL = import.meta.env.VITE_PRESENCE_WS_URL as string;

export function PresencePlugin({ docId }: { docId: string }) {
  const [editor] = useLexicalComposerContext();
  const [peers, setPeers] = useState<string[]>([]);

  useEffect(() => {
    const ws = new WebSocket(`${WS_URL}/docs/${docId}`);
    const onMessage = (ev: MessageEvent) => setPeers(JSON.parse(ev.data).peers);
    ws.addEventListener("message", onMessage);

    const send = (payload: object) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
    };

    const unregister = mergeRegister(
      editor.registerCommand(FOCUS_COMMAND, () => { send({ focused: true }); return false; }, COMMAND_PRIORITY_LOW),
      editor.registerCommand(BLUR_COMMAND, () => { send({ focused: false }); return false; }, COMMAND_PRIORITY_LOW),
      editor.registerUpdateListener(({ editorState }) => {
        editorState.read(() => {
          const sel = $getSelection();
          if ($isRangeSelection(sel)) send({ anchor: sel.anchor.offset, focus: sel.focus.offset });
        });
      }),
    );

    return () => {
      unregister();
      ws.removeEventListener("message", onMessage);
      ws.close(1000, "editor unmounted");
    };
  }, [editor, docId]);

  return peers.length ? <div className="presence">{peers.join(", ")} reviewing</div> : null;
}

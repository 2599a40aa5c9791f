import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import LexicalErrorBoundary from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { AutosavePlugin } from "./plugins/AutosavePlugin";
import { PresencePlugin } from "./plugins/PresencePlugin";
import { ShortcutsPlugin } from "./plugins/ShortcutsPlugin";

export function ReviewEditor({ docId }: { docId: string }) {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: "review",
        onError: (err) => console.error(err),
      }}
    >
      <RichTextPlugin
        contentEditable={<ContentEditable className="editor" />}
        placeholder={<div className="placeholder">Write your review…</div>}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <HistoryPlugin />
      <AutosavePlugin docId={docId} />
      <PresencePlugin docId={docId} />
      <ShortcutsPlugin />
    </LexicalComposer>
  );
}

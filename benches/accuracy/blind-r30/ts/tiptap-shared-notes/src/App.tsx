import { useState } from "react";
import { NoteEditor } from "./NoteEditor";

const NOTES = [
  { id: "standup", title: "Stand-up" },
  { id: "retro", title: "Retro" },
  { id: "roadmap", title: "Roadmap" },
];

export function App() {
  const [noteId, setNoteId] = useState(NOTES[0].id);
  return (
    <main className="layout">
      <nav>
        {NOTES.map((n) => (
          <button key={n.id} aria-pressed={n.id === noteId} onClick={() => setNoteId(n.id)}>
            {n.title}
          </button>
        ))}
      </nav>
      <NoteEditor key={noteId} noteId={noteId} />
    </main>
  );
}

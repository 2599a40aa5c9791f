import { useEffect } from "preact/hooks";
import { useSignal } from "@preact/signals";

interface Row {
  id: string;
  title: string;
}

export default function LiveNotes({ initial }: { initial: Row[] }) {
  const notes = useSignal(initial);
  const online = useSignal(navigator.onLine);

  useEffect(() => {
    const es = new EventSource("/api/notes/stream");
    es.addEventListener("note", (e) => {
      const row = JSON.parse((e as MessageEvent<string>).data) as Row;
      notes.value = [row, ...notes.value.filter((n) => n.id !== row.id)];
    });

    const setOnline = () => (online.value = navigator.onLine);
    addEventListener("online", setOnline);
    addEventListener("offline", setOnline);

    return () => {
      es.close();
      removeEventListener("online", setOnline);
      removeEventListener("offline", setOnline);
    };
  }, []);

  return (
    <section>
      {!online.value && <p class="offline">offline – changes will sync later</p>}
      <ul>
        {notes.value.map((n) => (
          <li key={n.id}>
            <a href={`/notes/${n.id}`}>{n.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

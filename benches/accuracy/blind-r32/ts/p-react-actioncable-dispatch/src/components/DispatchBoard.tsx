import { useEffect, useState } from "react";
import { collection, onSnapshot, orderBy, query, where } from "firebase/firestore";
import { consumer } from "../lib/cable";
import { firestore } from "../lib/firebase";
import { useEta } from "../hooks/useEta";

type Job = { id: string; address: string; driver: string | null; eta: string | null; status: string };

function JobRow({ job }: { job: Job }) {
  const eta = useEta(job.eta);
  return (
    <tr>
      <td>{job.address}</td>
      <td>{job.driver ?? "unassigned"}</td>
      <td>{eta}</td>
      <td>{job.status}</td>
    </tr>
  );
}

export function DispatchBoard({ depot }: { depot: string }) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [alerts, setAlerts] = useState<string[]>([]);

  useEffect(() => {
    const q = query(
      collection(firestore, "jobs"),
      where("depot", "==", depot),
      where("status", "in", ["queued", "assigned", "en_route"]),
      orderBy("createdAt"),
    );
    const unsubscribe = onSnapshot(q, (snap) => {
      setJobs(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Job, "id">) })));
    });
    return unsubscribe;
  }, [depot]);

  useEffect(() => {
    consumer.subscriptions.create(
      { channel: "DispatchAlertsChannel", depot },
      {
        received(data: { message: string }) {
          setAlerts((prev) => [data.message, ...prev].slice(0, 20));
        },
      },
    );
  }, [depot]);

  return (
    <section>
      <h2>Jobs — {depot}</h2>
      <ul className="alerts">
        {alerts.map((a, i) => (
          <li key={i}>{a}</li>
        ))}
      </ul>
      <table>
        <tbody>
          {jobs.map((j) => (
            <JobRow key={j.id} job={j} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

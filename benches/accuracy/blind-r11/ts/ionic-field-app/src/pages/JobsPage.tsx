import { useEffect, useState } from 'react';
import { IonContent, IonHeader, IonItem, IonLabel, IonList, IonPage, IonTitle, IonToolbar, IonBadge } from '@ionic/react';
import { App } from '@capacitor/app';
import { Network } from '@capacitor/network';
import { supabase } from '../lib/supabase';

type Job = { id: string; title: string; status: 'open' | 'assigned' | 'done'; site: string };

export default function JobsPage({ technicianId }: { technicianId: string }) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [online, setOnline] = useState(true);

  const load = async () => {
    const { data } = await supabase.from('jobs').select('*').eq('technician_id', technicianId).order('due_at');
    setJobs((data ?? []) as Job[]);
  };

  useEffect(() => {
    load();
  }, [technicianId]);

  // Refresh when the app returns to the foreground.
  useEffect(() => {
    App.addListener('appStateChange', ({ isActive }) => {
      if (isActive) load();
    });
  }, [technicianId]);

  useEffect(() => {
    const handle = Network.addListener('networkStatusChange', (status) => setOnline(status.connected));
    Network.getStatus().then((s) => setOnline(s.connected));
    return () => {
      handle.then((h) => h.remove());
    };
  }, []);

  useEffect(() => {
    const filter = { event: '*' as const, schema: 'public', table: 'jobs', filter: `technician_id=eq.${technicianId}` };
    supabase.channel(`jobs:${technicianId}`).on('postgres_changes', filter, () => load()).subscribe();
  }, [technicianId]);

  return (
    <IonPage>
      <IonHeader>
        <IonToolbar>
          <IonTitle>My jobs {online ? '' : '(offline)'}</IonTitle>
        </IonToolbar>
      </IonHeader>
      <IonContent>
        <IonList>
          {jobs.map((j) => (
            <IonItem key={j.id} routerLink={`/jobs/${j.id}`}>
              <IonLabel>
                <h2>{j.title}</h2>
                <p>{j.site}</p>
              </IonLabel>
              <IonBadge slot="end">{j.status}</IonBadge>
            </IonItem>
          ))}
        </IonList>
      </IonContent>
    </IonPage>
  );
}

import { useEffect, useState } from 'react';
import { IonContent, IonFooter, IonInput, IonButton, IonPage, IonList, IonItem, IonLabel } from '@ionic/react';
import { io } from 'socket.io-client';

type ChatMessage = { id: string; from: string; text: string; at: string };

const CHAT_URL = import.meta.env.VITE_CHAT_URL as string;

export default function DispatchChat({ jobId, token }: { jobId: string; token: string }) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [draft, setDraft] = useState('');
  const [elapsed, setElapsed] = useState(0);

  const socket = io(CHAT_URL, { auth: { token }, query: { jobId }, transports: ['websocket'] });

  useEffect(() => {
    const onMessage = (m: ChatMessage) => setMessages((prev) => [...prev, m]);
    socket.on('message', onMessage);
    return () => {
      socket.off('message', onMessage);
    };
  }, [socket]);

  useEffect(() => {
    const timer = setInterval(() => setElapsed((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);

  const send = () => {
    if (!draft.trim()) return;
    socket.emit('message', { jobId, text: draft });
    setDraft('');
  };

  return (
    <IonPage>
      <IonContent>
        <p>On site for {Math.floor(elapsed / 60)} min</p>
        <IonList>
          {messages.map((m) => (
            <IonItem key={m.id}>
              <IonLabel>
                <strong>{m.from}</strong>: {m.text}
              </IonLabel>
            </IonItem>
          ))}
        </IonList>
      </IonContent>
      <IonFooter>
        <IonInput value={draft} onIonInput={(e) => setDraft(String(e.detail.value ?? ''))} />
        <IonButton onClick={send}>Send</IonButton>
      </IonFooter>
    </IonPage>
  );
}

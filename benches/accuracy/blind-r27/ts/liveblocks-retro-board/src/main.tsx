import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Board } from './components/Board';

function readRetroId(): string {
  const params = new URLSearchParams(window.location.search);
  return params.get('retro') ?? 'sprint-planning';
}

function App() {
  const [retroId, setRetroId] = useState(readRetroId);
  const [name, setName] = useState(() => localStorage.getItem('retro:name') ?? '');

  useEffect(() => {
    const onPop = () => setRetroId(readRetroId());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (name) localStorage.setItem('retro:name', name);
  }, [name]);

  if (!name) {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const value = new FormData(e.currentTarget).get('name');
          if (typeof value === 'string' && value.trim()) setName(value.trim());
        }}
      >
        <label>
          Your name <input name="name" autoFocus />
        </label>
        <button type="submit">Join retro</button>
      </form>
    );
  }

  return <Board retroId={retroId} userName={name} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

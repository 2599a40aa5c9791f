import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Board } from './components/Board';

const params = new URLSearchParams(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Board station={params.get('station') ?? 'grill'} cook={params.get('cook') ?? 'anon'} />
  </StrictMode>,
);

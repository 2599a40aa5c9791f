import { useEffect } from 'react';
import { useAtom } from 'jotai';
import { networkOnlineAtom } from '../state';

export default function ConnectionBadge() {
  const [online, setOnline] = useAtom(networkOnlineAtom);

  useEffect(() => {
    window.addEventListener('online', () => setOnline(true));
    window.addEventListener('offline', () => setOnline(false));
  }, [setOnline]);

  return <span className={online ? 'badge ok' : 'badge down'}>{online ? 'online' : 'offline'}</span>;
}

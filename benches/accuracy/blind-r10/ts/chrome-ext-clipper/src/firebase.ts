import { getApp, getApps, initializeApp, type FirebaseApp } from 'firebase/app';
import { getFirestore, type Firestore } from 'firebase/firestore';

const firebaseConfig = {
  apiKey: import.meta.env.VITE_FIREBASE_API_KEY,
  authDomain: import.meta.env.VITE_FIREBASE_AUTH_DOMAIN,
  projectId: import.meta.env.VITE_FIREBASE_PROJECT_ID,
  appId: import.meta.env.VITE_FIREBASE_APP_ID,
};

let firestore: Firestore | undefined;

export function getDb(): Firestore {
  if (!firestore) {
    const app: FirebaseApp = getApps().length ? getApp() : initializeApp(firebaseConfig);
    firestore = getFirestore(app);
  }
  return firestore;
}

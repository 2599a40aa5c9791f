import * as k8s from '@kubernetes/client-node';
import { onNamespaceAdded, onNamespaceDeleted, onNamespaceUpdated } from './handlers.js';

const kc = new k8s.KubeConfig();
kc.loadFromDefault();
const core = kc.makeApiClient(k8s.CoreV1Api);

const informer = k8s.makeInformer(kc, '/api/v1/namespaces', () => core.listNamespace());

const safe =
  (fn: (ns: k8s.V1Namespace) => Promise<void>) =>
  (ns: k8s.V1Namespace): void => {
    fn(ns).catch((err) => console.error('handler failed', ns.metadata?.name, err));
  };

informer.on(k8s.ADD, safe(onNamespaceAdded));
informer.on(k8s.UPDATE, safe(onNamespaceUpdated));
informer.on(k8s.DELETE, safe(onNamespaceDeleted));
informer.on(k8s.ERROR, (err) => {
  console.error('watch error, restarting in 5s', err);
  setTimeout(() => void informer.start(), 5_000);
});

await informer.start();
console.log('watching namespaces');

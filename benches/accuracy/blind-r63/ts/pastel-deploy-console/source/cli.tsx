#!/usr/bin/env node
import Pastel from 'pastel';

const app = new Pastel({
	importMeta: import.meta,
	description: 'Inspect and follow deployments recorded in the release database',
});

await app.run();

const path = require('path');
const express = require('express');
const { createRequestHandler } = require('@expo/server/adapter/express');

const CLIENT_BUILD_DIR = path.join(process.cwd(), 'dist/client');
const SERVER_BUILD_DIR = path.join(process.cwd(), 'dist/server');

const app = express();
app.use(express.static(CLIENT_BUILD_DIR));
app.all('*', createRequestHandler({ build: SERVER_BUILD_DIR }));
app.listen(process.env.PORT || 3000);

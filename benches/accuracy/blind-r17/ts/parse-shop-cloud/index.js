const path = require('node:path');
const { ParseServer } = require('parse-server');

ParseServer.startApp({
  appId: process.env.PARSE_APP_ID,
  masterKey: process.env.PARSE_MASTER_KEY,
  databaseURI: process.env.PARSE_DATABASE_URI,
  serverURL: process.env.PARSE_SERVER_URL || 'http://localhost:1337/parse',
  mountPath: '/parse',
  port: Number(process.env.PORT || 1337),
  cloud: path.join(__dirname, 'cloud', 'main.js'),
});

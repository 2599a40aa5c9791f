'use strict';
const ObsClient = require('esdk-obs-nodejs');

let obs = null;

// Lazily created once per function instance and reused by later invocations.
function getObs(context) {
  if (!obs) {
    obs = new ObsClient({
      access_key_id: context.getSecurityAccessKey(),
      secret_access_key: context.getSecuritySecretKey(),
      security_token: context.getSecurityToken(),
      server: context.getUserData('OBS_ENDPOINT') || 'https://obs.ap-southeast-3.myhuaweicloud.com',
    });
  }
  return obs;
}

function signedUrl(context, bucket, key) {
  const res = getObs(context).createSignedUrlSync({ Method: 'GET', Bucket: bucket, Key: key, Expires: 900 });
  return res.SignedUrl;
}

module.exports = { getObs, signedUrl };

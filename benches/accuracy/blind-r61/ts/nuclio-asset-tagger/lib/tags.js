'use strict';

const exifr = require('exifr');

const VIDEO = /\.(mp4|mov|webm)$/i;
const IMAGE = /\.(jpe?g|png|heic|tiff?)$/i;

async function deriveTags(key, body) {
  const tags = new Set();
  if (VIDEO.test(key)) tags.add('video');
  if (IMAGE.test(key)) {
    tags.add('image');
    const exif = await exifr.parse(body, { pick: ['Make', 'Model', 'GPSLatitude', 'DateTimeOriginal'] });
    if (exif && exif.Make) tags.add(`camera:${String(exif.Make).toLowerCase()}`);
    if (exif && exif.GPSLatitude) tags.add('geotagged');
    if (exif && exif.DateTimeOriginal) tags.add(`year:${new Date(exif.DateTimeOriginal).getFullYear()}`);
  }
  const folder = key.split('/')[0];
  if (folder) tags.add(`collection:${folder}`);
  return [...tags];
}

module.exports = { deriveTags };

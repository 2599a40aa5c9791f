'use strict';

const encounters = require('../db/encounters');

module.exports = async function ormHandler(req, res, next) {
  if (req.type !== 'ORM' || req.event !== 'O01') return next();
  try {
    const orc = req.msg.getSegment('ORC');
    const obr = req.msg.getSegment('OBR');
    const pv1 = req.msg.getSegment('PV1');
    await encounters.recordOrder({
      placerNumber: orc.getComponent(2, 1),
      visitNumber: pv1 ? pv1.getField(19) : null,
      code: obr.getComponent(4, 1),
      at: new Date(),
    });
    next();
  } catch (err) {
    next(err);
  }
};

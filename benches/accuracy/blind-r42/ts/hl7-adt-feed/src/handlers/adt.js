'use strict';

const patients = require('../db/patients');
const encounters = require('../db/encounters');
const { openAudit } = require('../audit');

function hl7Date(ts) {
  if (!ts) return null;
  const s = String(ts);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

function patientFrom(msg) {
  const pid = msg.getSegment('PID');
  return {
    mrn: pid.getComponent(3, 1),
    familyName: pid.getComponent(5, 1),
    givenName: pid.getComponent(5, 2),
    birthDate: hl7Date(pid.getField(7)),
    sex: pid.getField(8) || 'U',
  };
}

module.exports = async function adtHandler(req, res, next) {
  if (req.type !== 'ADT') return next();
  try {
    const patient = patientFrom(req.msg);
    const pv1 = req.msg.getSegment('PV1');
    const visitNumber = pv1 ? pv1.getField(19) : null;

    switch (req.event) {
      case 'A01':
      case 'A04':
        await patients.upsertPatient(patient);
        await encounters.admit({
          visitNumber,
          mrn: patient.mrn,
          ward: pv1.getComponent(3, 1),
          bed: pv1.getComponent(3, 3),
          at: new Date(),
        });
        break;
      case 'A03':
        await encounters.discharge(visitNumber, new Date());
        break;
      case 'A08':
        await patients.upsertPatient(patient);
        break;
      case 'A40': {
        const mrg = req.msg.getSegment('MRG');
        await patients.mergePatients(patient.mrn, mrg.getComponent(1, 1));
        break;
      }
      default:
        break;
    }

    const audit = openAudit();
    await audit.insertOne({
      facility: req.facility,
      type: req.type,
      event: req.event,
      mrn: patient.mrn,
      receivedAt: new Date(),
      raw: req.raw,
    });
    next();
  } catch (err) {
    next(err);
  }
};

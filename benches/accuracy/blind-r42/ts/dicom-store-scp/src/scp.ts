import { createReadStream } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import dimse from 'dcmjs-dimse'
import type pg from 'pg'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'

const { Scp } = dimse
const { CEchoResponse, CStoreResponse } = dimse.responses
const {
  Status,
  PresentationContextResult,
  RejectResult,
  RejectSource,
  RejectReason,
  SopClass,
  StorageClass,
  TransferSyntax,
} = dimse.constants

export type ScpDeps = { pool: pg.Pool; s3: S3Client; bucket: string; allowedAets: Set<string> }

const acceptedSyntaxes = [TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian]
const acceptedSopClasses = new Set<string>([SopClass.Verification, ...Object.values(StorageClass)])

// Built once in main(). dcmjs-dimse instantiates the returned class for every incoming
// association; the instances only hold references to the shared pool and S3 client.
export function makeStoreScp(deps: ScpDeps) {
  return class StoreScp extends Scp {
    association: any

    constructor(socket: any, opts: any) {
      super(socket, opts)
      this.association = undefined
    }

    associationRequested(association: any) {
      this.association = association
      if (!deps.allowedAets.has(association.getCallingAeTitle())) {
        this.sendAssociationReject(RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CallingAeNotRecognized)
        return
      }
      for (const c of association.getPresentationContexts()) {
        const context = association.getPresentationContext(c.id)
        const syntax = acceptedSyntaxes.find((s) => context.getTransferSyntaxUids().includes(s))
        if (acceptedSopClasses.has(context.getAbstractSyntaxUid()) && syntax) {
          context.setResult(PresentationContextResult.Accept, syntax)
        } else {
          context.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported)
        }
      }
      this.sendAssociationAccept()
    }

    cEchoRequest(request: any, callback: (r: any) => void) {
      const response = CEchoResponse.fromRequest(request)
      response.setStatus(Status.Success)
      callback(response)
    }

    cStoreRequest(request: any, callback: (r: any) => void) {
      const response = CStoreResponse.fromRequest(request)
      archive(deps, this.association.getCallingAeTitle(), request.getDataset())
        .then(() => response.setStatus(Status.Success))
        .catch((err) => {
          console.error('archive failed', err)
          response.setStatus(Status.ProcessingFailure)
        })
        .finally(() => callback(response))
    }

    associationReleaseRequested() {
      this.sendAssociationReleaseResponse()
    }
  }
}

async function archive(deps: ScpDeps, callingAet: string, dataset: any): Promise<void> {
  const studyUid: string = dataset.getElement('StudyInstanceUID')
  const seriesUid: string = dataset.getElement('SeriesInstanceUID')
  const sopUid: string = dataset.getElement('SOPInstanceUID')
  const key = `${studyUid}/${seriesUid}/${sopUid}.dcm`

  const tmp = join(tmpdir(), `${sopUid}.dcm`)
  await new Promise<void>((resolve, reject) => dataset.toFile(tmp, (err?: Error) => (err ? reject(err) : resolve())))
  try {
    await deps.s3.send(
      new PutObjectCommand({ Bucket: deps.bucket, Key: key, Body: createReadStream(tmp), ContentType: 'application/dicom' }),
    )
  } finally {
    await unlink(tmp).catch(() => {})
  }

  const client = await deps.pool.connect()
  try {
    await client.query('BEGIN')
    await client.query(
      `INSERT INTO studies (study_uid, patient_id, patient_name, study_date, source_aet)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (study_uid) DO NOTHING`,
      [studyUid, dataset.getElement('PatientID'), String(dataset.getElement('PatientName')?.[0]?.Alphabetic ?? ''),
        dataset.getElement('StudyDate'), callingAet],
    )
    await client.query(
      `INSERT INTO series (series_uid, study_uid, modality) VALUES ($1, $2, $3) ON CONFLICT (series_uid) DO NOTHING`,
      [seriesUid, studyUid, dataset.getElement('Modality')],
    )
    await client.query(
      `INSERT INTO instances (sop_uid, series_uid, s3_key, received_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (sop_uid) DO UPDATE SET s3_key = EXCLUDED.s3_key, received_at = now()`,
      [sopUid, seriesUid, key],
    )
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

import type { ConductorWorker } from "@io-orkes/conductor-javascript";
import { generateInvoice } from "./invoice.js";
import { postLedgerEntry } from "./ledger.js";
import { archiveInvoice } from "./archive.js";
import { voidInvoice } from "./void.js";

export const workers: ConductorWorker[] = [generateInvoice, postLedgerEntry, archiveInvoice, voidInvoice];

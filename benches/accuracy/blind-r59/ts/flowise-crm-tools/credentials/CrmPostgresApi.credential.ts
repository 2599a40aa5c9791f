import { INodeCredential, INodeParams } from "flowise-components";

class CrmPostgresApi implements INodeCredential {
  label: string;
  name: string;
  version: number;
  description: string;
  inputs: INodeParams[];

  constructor() {
    this.label = "CRM Postgres";
    this.name = "crmPostgresApi";
    this.version = 1.0;
    this.description = "Read-only connection string for the CRM / orders Postgres replica";
    this.inputs = [
      {
        label: "Connection String",
        name: "connectionString",
        type: "password",
        placeholder: "postgres://support_ro:***@crm-replica:5432/crm",
      },
      {
        label: "Statement Timeout (ms)",
        name: "statementTimeout",
        type: "number",
        default: 5000,
        optional: true,
      },
    ];
  }
}

module.exports = { credClass: CrmPostgresApi };

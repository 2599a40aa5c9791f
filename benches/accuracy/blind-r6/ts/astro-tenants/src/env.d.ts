/// <reference types="astro/client" />

interface ImportMetaEnv {
  readonly MONGODB_URI: string;
  readonly MONGODB_TENANT_BASE_URI: string;
}

declare namespace App {
  interface Locals {
    tenantId: string | null;
  }
}

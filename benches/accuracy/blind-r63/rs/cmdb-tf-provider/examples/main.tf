terraform {
  required_providers {
    cmdb = {
      source  = "registry.internal.example/platform/cmdb"
      version = "~> 0.4"
    }
  }
}

provider "cmdb" {
  # database_url / directory_token come from CMDB_DATABASE_URL / CMDB_DIRECTORY_TOKEN
  directory_url = "https://people.internal.example"
  ipam_url      = "https://ipam.internal.example"
}

locals {
  services = toset(jsondecode(file("${path.module}/services.json")))
}

data "cmdb_service" "svc" {
  for_each = local.services
  name     = each.key
}

data "cmdb_team" "owner" {
  for_each = local.services
  slug     = data.cmdb_service.svc[each.key].owner_team
}

data "cmdb_network" "nodes" {
  site    = "fra1"
  purpose = "k8s-nodes"
}

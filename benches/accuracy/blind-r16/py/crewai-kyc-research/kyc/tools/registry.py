import os
from typing import Type

import requests
from crewai.tools import BaseTool
from pydantic import BaseModel, Field

REGISTRY_URL = os.environ.get("REGISTRY_URL", "https://api.company-registry.example/v1")


class RegistryInput(BaseModel):
    company_id: str = Field(..., description="Registry id of the company")


class CompanyRegistryTool(BaseTool):
    name: str = "company_registry"
    description: str = "Fetch official registration data (status, address, officers) for a company."
    args_schema: Type[BaseModel] = RegistryInput

    def _run(self, company_id: str) -> str:
        session = requests.Session()
        session.headers["X-Api-Key"] = os.environ.get("REGISTRY_KEY", "")
        resp = session.get(f"{REGISTRY_URL}/companies/{company_id}", timeout=10)
        resp.raise_for_status()
        data = resp.json()
        officers = ", ".join(o["name"] for o in data.get("officers", []))
        return f"status={data['status']} address={data['address']} officers={officers}"

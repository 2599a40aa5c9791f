from .ownership import BeneficialOwnersTool
from .graph import SanctionsPathTool
from .filings import search_filings
from .registry import CompanyRegistryTool

__all__ = ["BeneficialOwnersTool", "SanctionsPathTool", "search_filings", "CompanyRegistryTool"]

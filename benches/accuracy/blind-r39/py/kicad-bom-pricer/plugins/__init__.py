from .bom_pricer import BomPricingPlugin

BomPricingPlugin().register()

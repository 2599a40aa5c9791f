"""collective.fleetreports"""

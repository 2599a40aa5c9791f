"""Delivery channels, loaded by name through the notifyd.channels entry points."""

"""Certbot DNS authenticator for PowerDNS with the generic PostgreSQL backend."""

from acme_feast.online_store import AcmeOnlineStore, AcmeOnlineStoreConfig

__all__ = ["AcmeOnlineStore", "AcmeOnlineStoreConfig"]

from synapse_guard.module import SpamGuard

__all__ = ["SpamGuard"]

#!/usr/bin/env python3
"""Juju charm for the inventory API. Juju runs this file once per dispatched hook."""

import logging

import httpx
import ops

import db

logger = logging.getLogger(__name__)

DATABASE_NAME = "inventory"


class InventoryCharm(ops.CharmBase):
    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        framework.observe(self.on.inventory_pebble_ready, self._on_workload_changed)
        framework.observe(self.on.config_changed, self._on_config_changed)
        framework.observe(self.on.database_relation_changed, self._on_database_changed)
        framework.observe(self.on.database_relation_broken, self._on_workload_changed)
        framework.observe(self.on.migrate_action, self._on_migrate_action)
        framework.observe(self.on.schema_version_action, self._on_schema_version_action)
        framework.observe(self.on.collect_unit_status, self._on_collect_status)

    def _dsn(self):
        relation = self.model.get_relation("database")
        if relation is None or relation.app is None:
            return None
        return db.dsn_from_relation(relation.data[relation.app], DATABASE_NAME)

    def _on_database_changed(self, event: ops.RelationChangedEvent):
        dsn = self._dsn()
        if dsn is None:
            return
        if self.unit.is_leader():
            applied = db.apply_migrations(dsn)
            logger.info("applied %d migrations", applied)
        self._replan(dsn)

    def _on_workload_changed(self, event: ops.EventBase):
        self._replan(self._dsn())

    def _replan(self, dsn):
        container = self.unit.get_container("inventory")
        if not container.can_connect() or dsn is None:
            return
        layer = ops.pebble.Layer({
            "summary": "inventory api",
            "services": {
                "inventory": {
                    "override": "replace",
                    "summary": "gunicorn serving the inventory API",
                    "command": "gunicorn -b 0.0.0.0:8000 -w 4 inventory.wsgi:app",
                    "startup": "enabled",
                    "environment": {"DATABASE_URL": dsn},
                }
            },
        })
        container.add_layer("inventory", layer, combine=True)
        container.replan()

    def _on_config_changed(self, event: ops.ConfigChangedEvent):
        self._replan(self._dsn())
        erp_url = self.config.get("erp-url")
        public_url = self.config.get("public-url")
        if not (self.unit.is_leader() and erp_url and public_url):
            return
        with httpx.Client(base_url=erp_url, timeout=15.0) as client:
            resp = client.put(
                "/api/webhooks/stock-changed",
                headers={"Authorization": f"Bearer {self.config.get('erp-token')}"},
                json={"callback": f"{public_url}/hooks/stock", "source": self.app.name},
            )
        if resp.status_code >= 400:
            logger.error("ERP webhook registration failed: %s", resp.text)

    def _on_migrate_action(self, event: ops.ActionEvent):
        dsn = self._dsn()
        if dsn is None:
            event.fail("no database relation")
            return
        event.set_results({"applied": db.apply_migrations(dsn)})

    def _on_schema_version_action(self, event: ops.ActionEvent):
        dsn = self._dsn()
        if dsn is None:
            event.fail("no database relation")
            return
        event.set_results({"version": db.schema_version(dsn)})

    def _on_collect_status(self, event: ops.CollectStatusEvent):
        if self.model.get_relation("database") is None:
            event.add_status(ops.BlockedStatus("waiting for database relation"))
        elif not self.unit.get_container("inventory").can_connect():
            event.add_status(ops.WaitingStatus("waiting for Pebble"))
        else:
            event.add_status(ops.ActiveStatus())


if __name__ == "__main__":
    ops.main(InventoryCharm)

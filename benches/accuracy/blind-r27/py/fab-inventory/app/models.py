"""Inventory models managed through Flask-AppBuilder ModelViews."""
from datetime import datetime

from flask_appbuilder import Model
from flask_appbuilder.models.mixins import AuditMixin
from sqlalchemy import Column, DateTime, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import relationship


class Warehouse(Model):
    __tablename__ = "warehouse"

    id = Column(Integer, primary_key=True)
    code = Column(String(16), unique=True, nullable=False)
    name = Column(String(120), nullable=False)
    city = Column(String(80))

    def __repr__(self):
        return f"{self.code} - {self.name}"


class Product(AuditMixin, Model):
    __tablename__ = "product"

    id = Column(Integer, primary_key=True)
    sku = Column(String(32), unique=True, nullable=False)
    name = Column(String(200), nullable=False)
    description = Column(Text)
    unit_price = Column(Numeric(10, 2), nullable=False, default=0)
    reorder_level = Column(Integer, nullable=False, default=10)
    warehouse_id = Column(Integer, ForeignKey("warehouse.id"), nullable=False)
    warehouse = relationship("Warehouse")

    def __repr__(self):
        return self.sku


class StockAdjustment(Model):
    __tablename__ = "stock_adjustment"

    id = Column(Integer, primary_key=True)
    product_id = Column(Integer, ForeignKey("product.id"), nullable=False)
    product = relationship("Product")
    delta = Column(Integer, nullable=False)
    reason = Column(String(64), nullable=False)
    created_on = Column(DateTime, default=datetime.utcnow, nullable=False)

    def __repr__(self):
        return f"{self.product_id}:{self.delta:+d}"

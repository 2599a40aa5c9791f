from flask_admin.contrib.sqla import ModelView
from flask_login import current_user

from portal.search import get_es, make_es


class ProductAdmin(ModelView):
    column_list = ("sku", "title", "price", "published")
    column_searchable_list = ("sku", "title")
    form_excluded_columns = ()

    def is_accessible(self):
        return current_user.is_authenticated and current_user.role == "admin"

    def after_model_change(self, form, model, is_created):
        # runs after every create/edit saved from the admin form
        es = make_es()
        es.index(
            index="products",
            id=str(model.id),
            document={
                "sku": model.sku,
                "title": model.title,
                "description": model.description,
                "price": float(model.price),
                "published": model.published,
            },
            refresh="wait_for",
        )

    def after_model_delete(self, model):
        get_es().options(ignore_status=404).delete(index="products", id=str(model.id))

from django import forms

from weblate.addons.forms import BaseAddonForm


class S3ExportForm(BaseAddonForm):
    bucket = forms.CharField(label="Bucket", max_length=63)
    prefix = forms.CharField(label="Key prefix", required=False, initial="i18n/")
    region = forms.ChoiceField(
        label="Region", choices=[("eu-west-1", "eu-west-1"), ("us-east-1", "us-east-1")]
    )

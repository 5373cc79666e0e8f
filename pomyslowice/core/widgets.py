from django import forms
from django_prose_editor.widgets import ProseEditorWidget

# Link protocols the editor offers; core.sanitize keeps the same ones.
LINK = {"Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]}}


class RichTextWidget(ProseEditorWidget):
    """A WYSIWYG editor limited to the given extensions; a plain textarea without JavaScript."""

    def __init__(self, *, extensions: dict, attrs=None):
        super().__init__(attrs=attrs, config={"extensions": extensions}, preset="configurable")

    @property
    def media(self):
        return super().media + forms.Media(js=["core/js/rich-text.js"])

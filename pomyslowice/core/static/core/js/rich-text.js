// django-prose-editor hides the textarea behind an editable area; give that area the
// textarea's label, help text and error state so assistive technology announces them.
document.addEventListener("prose-editor:ready", function (event) {
  var textarea = event.detail.textarea;
  var area = event.detail.editor.view.dom;
  var label = document.querySelector('label[for="' + textarea.id + '"]');
  if (label) {
    label.id = label.id || textarea.id + "_label";
    area.setAttribute("aria-labelledby", label.id);
  }
  ["aria-describedby", "aria-invalid"].forEach(function (name) {
    if (textarea.hasAttribute(name)) area.setAttribute(name, textarea.getAttribute(name));
  });
  area.setAttribute("aria-multiline", "true");
});

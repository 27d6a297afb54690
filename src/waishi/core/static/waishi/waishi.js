// Waishi shell behaviour: disable a form's submit buttons once it is sent, so a double click
// cannot send it twice (the server also refuses duplicates by idempotency key).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.dataset.submitted === "1") { event.preventDefault(); return; }
  form.dataset.submitted = "1";
  window.setTimeout(function () {
    form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) { b.disabled = true; });
  }, 0);
}, true);
// Coming back to a page from the browser's history re-enables its forms.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form[data-submitted]").forEach(function (form) {
    delete form.dataset.submitted;
    form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) { b.disabled = false; });
  });
});
// The notification bell asks for news once a minute, and stops after 25 idle minutes so that
// polling never keeps an idle session alive (sessions end after 30).
(function () {
  var idleSince = Date.now();
  ["keydown", "pointerdown", "scroll"].forEach(function (name) {
    document.addEventListener(name, function () { idleSince = Date.now(); }, {passive: true});
  });
  window.setInterval(function () {
    if (Date.now() - idleSince < 25 * 60 * 1000 && window.htmx) {
      window.htmx.trigger(document.body, "waishi:poll");
    }
  }, 60 * 1000);
})();
// Buttons marked data-print print the page.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-print]");
  if (button) { window.print(); }
});

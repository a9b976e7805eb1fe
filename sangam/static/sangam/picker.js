// Suggestions for a picker (core/pickers.py) as she types: the server sends
// the few names that match, by POST (typed text stays out of URLs and logs).
// Without this script the typed name is matched when the form is sent.
(function () {
  if (window.sangamPicker) return; // the script tag comes once per picker
  window.sangamPicker = true;
  var timers = new WeakMap();
  function ask(input) {
    var form = input.form, list = document.getElementById(input.getAttribute("list"));
    var hint = document.getElementById(input.id + "_hint");
    var text = input.value.trim();
    if (text.length < 2 || !form || !list) return;
    var body = new URLSearchParams();
    body.set("q", text);
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    if (token) body.set("csrfmiddlewaretoken", token.value);
    fetch(input.dataset.pick, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        if (input.value.trim() !== text) return; // she typed on
        list.innerHTML = html;
        var none = list.options.length === 0;
        if (hint) {
          if (!hint.dataset.help) hint.dataset.help = hint.textContent;
          hint.textContent = none ? input.dataset.none : hint.dataset.help;
          hint.classList.toggle("picker-none", none);
        }
      });
  }
  document.addEventListener("input", function (e) {
    var input = e.target;
    if (!input.dataset || !input.dataset.pick) return;
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { ask(input); }, 250));
  });
})();

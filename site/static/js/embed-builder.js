// The "Embed this map" builders: on the map page, on district and neighbourhood pages
// (includes/embed_builder.html) and beside a saved embed's admin form (mapa's preview panel).
// This script never writes an embed address: on each change it sends the fields to the server's one
// writer (data-endpoint, mapa:embed_code, which reads them with EmbedOptions) and shows its answer:
// the code, the preview, the problems. Typing waits for a pause; nothing reloads, focus stays put.
(function () {
  "use strict";
  var TYPING_PAUSE = 200;  // ms

  function setUp(box) {
    // the fields: the builder's own form, or the admin form named in data-form
    var form = box.dataset.form ? document.getElementById(box.dataset.form) : box.querySelector("[data-embed-form]");
    if (!form) return;
    var only = box.dataset.fields ? box.dataset.fields.split(" ") : null;  // the admin form's fields that count
    var code = box.querySelector("[data-embed-code]");
    var frame = box.querySelector("[data-embed-preview] iframe");
    var link = box.querySelector("[data-embed-link]");
    var problems = box.querySelector("[data-embed-problems]");
    var layers = box.querySelector("[data-embed-layers]");
    var copy = box.querySelector("[data-embed-copy]");
    var copied = box.querySelector("[data-embed-copied]");
    var submit = box.querySelector("[data-embed-submit]");
    var district = box.querySelector("[data-embed-district]");
    var neighbourhood = box.querySelector("[data-embed-neighbourhood]");
    var timer = null;
    var asked = 0;

    function query() {
      var params = new URLSearchParams(box.dataset.extra || "");
      new FormData(form).forEach(function (value, key) {
        if (typeof value !== "string" || !value || key === "csrfmiddlewaretoken") return;
        if (only && only.indexOf(key) < 0) return;
        params.append(key, value);
      });
      return params;
    }

    // The live region is never hidden (a hidden region is not announced): emptied, it is only
    // visually hidden; filled, it shows as a notice.
    function showProblems(list) {
      if (!problems) return;
      problems.replaceChildren();
      problems.className = list.length ? "notice" : "visually-hidden";
      if (!list.length) return;
      var intro = document.createElement("p");
      intro.textContent = problems.dataset.intro;
      var items = document.createElement("ul");
      list.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        items.appendChild(item);
      });
      problems.append(intro, items);
    }

    function fillLayers(choices) {  // pages outside the map app leave the checkboxes to the answer
      if (!layers || !choices) return;
      if (layers.querySelector("input")) {  // the boxes say what the code shows (no box ticked: the defaults)
        choices.forEach(function (choice) {
          var input = layers.querySelector('input[value="' + choice.slug + '"]');
          if (input) input.checked = choice.shown;
        });
        return;
      }
      choices.forEach(function (choice) {
        var label = document.createElement("label");
        label.className = "check";
        var input = document.createElement("input");
        input.type = "checkbox";
        input.name = "capes";
        input.value = choice.slug;
        input.checked = choice.shown;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + choice.name));
        layers.appendChild(label);
      });
    }

    function show(answer) {
      if (answer.error) { showProblems([answer.error]); return; }
      fillLayers(answer.layers);
      if (code.value !== answer.iframe) code.value = answer.iframe;  // the same code keeps a selection the visitor made
      if (link) link.href = answer.preview;
      if (frame) {
        place(answer.preview);
        frame.height = answer.height;
        frame.title = answer.title;
      }
      showProblems(answer.problems);
    }

    // A preview folded away (the district page's builder) loads when it is unfolded, not before.
    var pending = null;
    var fold = box.closest("details");
    function place(src) {
      if (fold && !fold.open) { pending = src; return; }
      pending = null;
      if (frame.getAttribute("src") !== src) frame.src = src;
    }
    if (fold) fold.addEventListener("toggle", function () { if (fold.open && pending) place(pending); });

    function refresh() {
      window.clearTimeout(timer);
      var mine = ++asked;
      fetch(box.dataset.endpoint + "?" + query().toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (answer) { if (mine === asked) show(answer); })  // a later change has the last word
        .catch(function (problem) { if (mine === asked) showProblems([String(problem)]); });
    }

    // A neighbourhood belongs to its district; another district leaves it out.
    if (district && neighbourhood) {
      neighbourhood.addEventListener("change", function () {
        var chosen = neighbourhood.selectedOptions[0];
        if (chosen && chosen.dataset.district) district.value = chosen.dataset.district;
      });
      district.addEventListener("change", function () {
        var chosen = neighbourhood.selectedOptions[0];
        if (chosen && chosen.dataset.district && chosen.dataset.district !== district.value) neighbourhood.value = "";
      });
    }

    form.addEventListener("input", function (event) {  // typing; selects and boxes say "change" too
      if (event.target.tagName === "SELECT" || event.target.type === "checkbox") return;
      if (only && only.indexOf(event.target.name) < 0) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, TYPING_PAUSE);
    });
    form.addEventListener("change", function (event) {
      if (only && only.indexOf(event.target.name) < 0) return;
      refresh();
    });
    if (!box.dataset.form) {
      form.addEventListener("submit", function (event) { event.preventDefault(); refresh(); });
      if (submit) submit.hidden = true;
    }

    if (copy) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        function done(message) { copied.textContent = ""; window.setTimeout(function () { copied.textContent = message; }, 50); }
        function select() {  // no clipboard API (an http page, an old browser): select it for the visitor
          code.focus();
          code.select();
          var ok = false;
          try { ok = document.execCommand("copy"); } catch (ignored) { ok = false; }
          done(ok ? copy.dataset.copied : copy.dataset.select);
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(code.value).then(function () { done(copy.dataset.copied); }, select);
        } else {
          select();
        }
      });
    }
    refresh();  // the code of the fields as the page left them (the district page has none written)
  }

  document.querySelectorAll("[data-embed-builder]").forEach(setUp);
})();

// "Near me" for any form with a [data-near-me] button (the directory, the map): asks the browser for
// its position and submits the form with a_prop=<lat>,<lon> (rounded to about 10 m: a listing needs
// no more, and the address bar keeps no more). Also folds the directory's filters away on phones
// ([data-collapse-on-phones]), so the results come first; without JavaScript everything stays open.
// Asking for what is near means nearest first: the form's sort choice (by default "by name") is left
// out of that one submission, so the listing takes its default with a point, the distance.
(function () {
  "use strict";
  document.querySelectorAll("[data-near-me]").forEach(function (button) {
    var form = button.form;
    var status = form && form.querySelector("[data-near-status]");
    if (!form || !navigator.geolocation) return;
    var sort = form.querySelector("[name=ordre]");
    // back to this page from the history: the sort choice is the visitor's again
    window.addEventListener("pageshow", function () { if (sort) sort.disabled = false; });
    button.hidden = false;
    button.addEventListener("click", function () {
      if (status) status.textContent = button.dataset.asking || "";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var field = form.querySelector("input[name=a_prop]");
          if (!field) {
            field = document.createElement("input");
            field.type = "hidden";
            field.name = "a_prop";
            form.appendChild(field);
          }
          field.value = position.coords.latitude.toFixed(4) + "," + position.coords.longitude.toFixed(4);
          if (sort) sort.disabled = true;
          form.requestSubmit();  // through the form's own submit handlers (the map drops empty fields)
        },
        function () { if (status) status.textContent = button.dataset.refused || ""; }
      );
    });
  });
  if (window.matchMedia("(max-width: 48rem)").matches) {
    document.querySelectorAll("details[data-collapse-on-phones]").forEach(function (details) { details.open = false; });
  }
})();

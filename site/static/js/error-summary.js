// A form's summary of errors ([data-error-summary]) takes the focus when the page loads, so that
// keyboard and screen-reader users start from the list of what to correct. Its links are in-page
// links: following one, the browser moves the focus to the field it names. A static file: the
// site's Content-Security-Policy allows no inline script.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});

// Fills the search box's <datalist> with titles from the suggestions endpoint as people type.
// Without JavaScript the box is a plain form field.
(function () {
  const input = document.querySelector("input[data-suggest]");
  if (!input || !input.list) return;
  let timer = null;
  let controller = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(async function () {
      const text = input.value.trim();
      if (text.length < 2) return;
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), {
          signal: controller.signal,
        });
        if (!response.ok) return;
        const data = await response.json();
        input.list.replaceChildren(
          ...data.suggestions.map(function (suggestion) {
            const option = document.createElement("option");
            option.value = suggestion.title;
            option.label = suggestion.kind;
            return option;
          })
        );
      } catch (error) {
        if (error.name !== "AbortError") throw error;
      }
    }, 150);
  });
})();

// Media from other sites load only when the visitor asks: the button swaps the link for the player
// kept in a <template>. Without JavaScript the link to the media's own page stays.
document.querySelectorAll("[data-consent-embed]").forEach(function (figure) {
  var template = figure.querySelector("template");
  var button = figure.querySelector("[data-consent-embed-show]");
  if (!template || !button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var player = document.createElement("div");
    player.className = "block-embed__player";
    player.appendChild(template.content.cloneNode(true));
    figure.replaceChildren(player);
  });
});

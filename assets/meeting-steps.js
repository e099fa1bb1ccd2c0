// The meeting page's steps (details.step): on a phone, opening one closes the others; the
// step holding the element the address's fragment names is opened. The decision form shows
// only the fieldset of the chosen kind (the others hidden and their inputs disabled, so
// they are not sent). Without this script every step and fieldset still works.
(function () {
  "use strict";
  function steps() {
    return Array.prototype.slice.call(document.querySelectorAll("details.step"));
  }
  function openFragment() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var step = target && target.closest("details.step");
    if (step) step.open = true;
  }
  function phone() {
    return window.matchMedia("(max-width: 40rem)").matches;
  }
  function init() {
    steps().forEach(function (step) {
      var summary = step.querySelector(":scope > summary");
      if (!summary) return;
      summary.addEventListener("click", function () {
        if (step.open || !phone()) return;
        steps().forEach(function (other) {
          if (other !== step) other.open = false;
        });
      });
    });
    openFragment();
    window.addEventListener("hashchange", openFragment);
    var kind = document.querySelector("#decision-form [data-decision-kind]");
    if (kind) {
      var show = function () {
        var sets = document.querySelectorAll("#decision-form fieldset[data-kind]");
        Array.prototype.forEach.call(sets, function (set) {
          var chosen = set.getAttribute("data-kind") === kind.value;
          set.hidden = !chosen;
          set.disabled = !chosen;
        });
      };
      kind.addEventListener("change", show);
      show();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

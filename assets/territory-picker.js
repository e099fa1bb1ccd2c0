// The territory picker: a text field marked data-territory-picker suggests territories as
// one types, following the ARIA combobox pattern (an input with a listbox popup; arrows move
// through the options, Enter chooses, Escape closes; a tap chooses too). The suggestions
// come from /territories/suggest as list items the server wrote and escaped. Without this
// script the field still takes a name or a code, which the server resolves.
(function () {
  "use strict";

  var SUGGEST_URL = "/territories/suggest";
  var DELAY_MS = 150;
  var count = 0;

  // A label's own words, without the field's hint or the field itself.
  function ownText(label) {
    var text = "";
    for (var i = 0; i < label.childNodes.length; i++) {
      if (label.childNodes[i].nodeType === Node.TEXT_NODE) {
        text += label.childNodes[i].nodeValue;
      }
    }
    return text.trim();
  }

  function enhance(input) {
    if (input.hasAttribute("data-picker-ready")) {
      return;
    }
    input.setAttribute("data-picker-ready", "");
    count += 1;
    var listId = "territory-picker-" + count;
    var label = input.labels && input.labels.length ? ownText(input.labels[0]) : "";

    var wrap = document.createElement("span");
    wrap.className = "picker";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", label);
    list.hidden = true;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    wrap.appendChild(list);
    wrap.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    var active = -1;
    var timer = null;
    var pending = null;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function open() {
      if (options().length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var all = options();
      if (!all.length) {
        return;
      }
      active = (index + all.length) % all.length;
      for (var i = 0; i < all.length; i++) {
        all[i].setAttribute("aria-selected", i === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function choose(option) {
      input.value = option.getAttribute("data-value");
      close();
      // Whatever listens to the field (htmx refreshing a form) learns of the choice.
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function show(html) {
      var holder = document.createElement("template");
      holder.innerHTML = html;
      var answer = holder.content.querySelector("ul");
      if (!answer) {
        close();
        return;
      }
      list.replaceChildren.apply(list, Array.prototype.slice.call(answer.children));
      var all = options();
      for (var i = 0; i < all.length; i++) {
        all[i].id = listId + "-" + i;
      }
      status.textContent = answer.getAttribute("data-status") || "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (all.length && document.activeElement === input) {
        open();
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < 2) {
        list.replaceChildren();
        close();
        return;
      }
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(SUGGEST_URL + "?q=" + encodeURIComponent(query), {
        credentials: "same-origin",
        headers: { Accept: "text/html" },
        signal: pending.signal
      })
        .then(function (response) {
          return response.ok ? response.text() : "";
        })
        .then(show)
        .catch(function () {
          // A superseded or failed request: the field still takes what is typed.
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          open();
          highlight(active + 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          open();
          highlight(active < 0 ? -1 : active - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            choose(options()[active]);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });

    // Keep the focus in the field while an option is pressed (mouse or touch), so that the
    // field's blur does not close the list before the choice.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        choose(option);
      }
    });
  }

  function enhanceWithin(root) {
    if (!root || !root.querySelectorAll) {
      return;
    }
    if (root.matches && root.matches("input[data-territory-picker]")) {
      enhance(root);
    }
    var inputs = root.querySelectorAll("input[data-territory-picker]");
    for (var i = 0; i < inputs.length; i++) {
      enhance(inputs[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      enhanceWithin(document);
    });
  } else {
    enhanceWithin(document);
  }
  // Fields that htmx brings in later.
  document.addEventListener("htmx:load", function (event) {
    enhanceWithin(event.target);
  });
})();

/* Tiltakshefte: faceted filtering of the measures overview, the measure
   comparison and the municipality filter. Without JavaScript these pages are
   complete static lists; this script only adds the controls.

   Filter state lives in the URL (?target_groups=a,b&aims=c&q=tekst&sort=name),
   so a view can be shared and restored. Within one facet, values are OR-ed;
   across facets, AND-ed. */
(function () {
  "use strict";

  function words(text) {
    return (text || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  function initCatalogue() {
    var list = document.querySelector("[data-catalogue]");
    var form = document.querySelector("[data-filters]");
    if (!list || !form || list.getAttribute("data-ready") === "yes") {
      return;
    }
    list.setAttribute("data-ready", "yes");
    form.hidden = false;
    var cards = Array.prototype.slice.call(list.querySelectorAll("[data-measure]"));
    var facetSets = Array.prototype.slice.call(form.querySelectorAll("[data-facet]"));
    var facets = facetSets.map(function (set) { return set.getAttribute("data-facet"); });
    var text = form.querySelector("[data-filter-text]");
    var sort = form.querySelector("[data-sort]");
    var count = document.querySelector("[data-result-count]");
    var cardValues = cards.map(function (card) {
      var values = {};
      facets.forEach(function (facet) { values[facet] = words(card.getAttribute("data-" + facet)); });
      return values;
    });

    function inputs(facet) {
      return form.querySelectorAll('[data-facet="' + facet + '"] input[type=checkbox]');
    }

    function selection() {
      var chosen = {};
      facets.forEach(function (facet) {
        chosen[facet] = Array.prototype.filter.call(inputs(facet), function (i) { return i.checked; })
          .map(function (i) { return i.value; });
      });
      return chosen;
    }

    function matches(index, chosen, query, except) {
      var values = cardValues[index];
      for (var f = 0; f < facets.length; f++) {
        var facet = facets[f];
        if (facet === except || chosen[facet].length === 0) {
          continue;
        }
        if (!chosen[facet].some(function (v) { return values[facet].indexOf(v) >= 0; })) {
          return false;
        }
      }
      var haystack = cards[index].getAttribute("data-text") || "";
      return query.every(function (word) { return haystack.indexOf(word) >= 0; });
    }

    function order() {
      var key = sort.value;
      var sorted = cards.slice().sort(function (a, b) {
        if (key === "pilots" || key === "evidence") {
          var attr = key === "pilots" ? "data-pilot-count" : "data-evidence";
          var diff = Number(b.getAttribute(attr)) - Number(a.getAttribute(attr));
          if (diff !== 0) {
            return diff;
          }
        }
        return a.getAttribute("data-name").localeCompare(b.getAttribute("data-name"), "nb");
      });
      sorted.forEach(function (card) { list.appendChild(card); });
    }

    function writeUrl(chosen) {
      var params = new URLSearchParams();
      facets.forEach(function (facet) {
        if (chosen[facet].length) {
          params.set(facet, chosen[facet].join(","));
        }
      });
      if (text.value.trim()) {
        params.set("q", text.value.trim());
      }
      if (sort.value !== "name") {
        params.set("sort", sort.value);
      }
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : ""));
    }

    function apply() {
      var chosen = selection();
      var query = words(text.value);
      var shown = 0;
      cards.forEach(function (card, index) {
        var ok = matches(index, chosen, query, null);
        card.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      facets.forEach(function (facet) {
        Array.prototype.forEach.call(inputs(facet), function (input) {
          var n = 0;
          cards.forEach(function (card, index) {
            if (cardValues[index][facet].indexOf(input.value) >= 0 &&
                matches(index, chosen, query, facet)) {
              n += 1;
            }
          });
          var badge = input.parentNode.querySelector("[data-count-for]");
          if (badge) {
            badge.textContent = "(" + n + ")";
          }
        });
      });
      order();
      count.textContent = String(shown);
      writeUrl(chosen);
    }

    function readUrl() {
      var params = new URLSearchParams(location.search);
      facets.forEach(function (facet) {
        var wanted = (params.get(facet) || "").split(",");
        Array.prototype.forEach.call(inputs(facet), function (input) {
          input.checked = wanted.indexOf(input.value) >= 0;
        });
      });
      text.value = params.get("q") || "";
      sort.value = params.get("sort") || "name";
    }

    form.addEventListener("change", apply);
    text.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-clear]").addEventListener("click", function () {
      form.reset();
      apply();
    });
    readUrl();
    apply();
  }

  function initCompare() {
    var table = document.querySelector("[data-compare]");
    var picker = document.querySelector("[data-compare-picker]");
    if (!table || !picker || picker.getAttribute("data-ready") === "yes") {
      return;
    }
    picker.setAttribute("data-ready", "yes");
    picker.hidden = false;
    var selects = picker.querySelectorAll("select");
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-measure]"));

    function apply() {
      var chosen = Array.prototype.map.call(selects, function (s) { return s.value; })
        .filter(Boolean);
      rows.forEach(function (row) {
        row.hidden = chosen.length > 0 && chosen.indexOf(row.getAttribute("data-measure")) < 0;
      });
      rows.slice().sort(function (a, b) {
        return chosen.indexOf(a.getAttribute("data-measure")) -
          chosen.indexOf(b.getAttribute("data-measure"));
      }).forEach(function (row) { row.parentNode.appendChild(row); });
      var query = chosen.length ? "?m=" + chosen.join(",") : "";
      history.replaceState(history.state, "", location.pathname + query);
      var status = document.querySelector("[data-compare-status]");
      if (status) {
        status.textContent = chosen.length ? "Viser " + chosen.length + " tiltak." :
          "Viser alle tiltakene.";
      }
    }

    var wanted = (new URLSearchParams(location.search).get("m") || "").split(",");
    Array.prototype.forEach.call(selects, function (select, index) {
      select.value = wanted[index] || "";
      select.addEventListener("change", apply);
    });
    apply();
  }

  function initListFilter() {
    var input = document.querySelector("[data-list-filter]");
    if (!input || input.getAttribute("data-ready") === "yes") {
      return;
    }
    input.setAttribute("data-ready", "yes");
    input.closest("[hidden]") && (input.closest("[hidden]").hidden = false);
    var items = document.querySelectorAll("[data-list-item]");
    var status = document.querySelector("[data-list-status]");
    input.addEventListener("input", function () {
      var query = words(input.value);
      var shown = 0;
      Array.prototype.forEach.call(items, function (item) {
        var text = (item.getAttribute("data-list-item") || "").toLowerCase();
        var ok = query.every(function (word) { return text.indexOf(word) >= 0; });
        item.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      if (status) {
        status.textContent = shown + " treff";
      }
    });
  }

  function init() {
    initCatalogue();
    initCompare();
    initListFilter();
  }

  if (window.tiltakshefte) {
    window.tiltakshefte.onPage(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();

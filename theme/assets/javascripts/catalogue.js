/* Tiltakshefte: faceted filtering of the measures overview, the measure
   comparison and the municipality filter. Without JavaScript these pages are
   complete static lists; this script only adds the controls.

   Filter state lives in the URL (?target_groups=a,b&aims=c&sok=tekst&sort=name),
   so a view can be shared and restored. The search words are «sok», not «q»: ?q= opens the
   site search (search.js) on every page. Within one facet, values are OR-ed; across facets,
   AND-ed. The search words are matched by the site search's index (textMatcher below). */
(function () {
  "use strict";

  function words(text) {
    return (text || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  /* The measures whose pages match the search words, as the site search finds them
     (search.js on Pagefind: every word, in any inflection), so the catalogue and the header
     search never disagree. Where the index cannot be reached (a copy opened from disk), the
     words are looked for as typed in each card's text. ``onChange`` runs when an answer for
     a new query has come; ``matches(card)`` answers for the last query answered. */
  function textMatcher(currentCards, onChange) {
    var asked = "";
    var ids = null;

    function literal(query) {
      var wanted = words(query);
      var found = new Set();
      currentCards().forEach(function (card) {
        var haystack = card.getAttribute("data-text") || "";
        if (wanted.every(function (word) { return haystack.indexOf(word) >= 0; })) {
          found.add(card.getAttribute("data-measure"));
        }
      });
      return found;
    }

    return {
      update: function (query) {
        query = query.trim();
        if (query === asked) {
          return;
        }
        asked = query;
        if (!query) {
          ids = null;
          return;
        }
        var search = window.tiltakshefteSearch;
        (search ? search.measureIds(query) : Promise.resolve(null)).then(function (found) {
          if (query === asked) {
            ids = found || literal(query);
            onChange();
          }
        });
      },
      matches: function (card) {
        return ids === null || ids.has(card.getAttribute("data-measure"));
      }
    };
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
    var panel = form.querySelector("[data-filter-panel]");
    var toggle = form.querySelector("[data-filter-toggle]");
    var activeCount = form.querySelector("[data-active-count]");
    var submitCount = form.querySelector("[data-submit-count]");
    var chips = document.querySelector("[data-chips]");
    var status = document.querySelector("[data-result-status]");
    var count = document.querySelector("[data-result-count]");
    /* Where Material shows its sidebars, the facets are a column that is always open. */
    var wide = window.matchMedia("(min-width: 76.25em)");
    var cardValues = valuesOf(cards);
    /* A large catalogue comes in pages (see generator/catalogue.py): the first filter fetches
       every card from its data file, and the results are shown PAGE at a time. */
    var source = list.getAttribute("data-catalogue-src");
    var PAGE = 100;
    var limit = PAGE;
    var loading = null;
    var ready = !source;
    var more = document.querySelector("[data-more]");
    var collator = new Intl.Collator("nb");

    function valuesOf(items) {
      return items.map(function (card) {
        var values = {};
        facets.forEach(function (facet) { values[facet] = words(card.getAttribute("data-" + facet)); });
        return values;
      });
    }

    function loadAll() {
      if (!loading) {
        loading = fetch(source).then(function (response) {
          if (!response.ok) {
            throw new Error("Kunne ikke hente tiltakene");
          }
          return response.json();
        }).then(function (data) {
          var box = document.createElement("template");
          box.innerHTML = data.kort.join("");
          cards = Array.prototype.slice.call(box.content.children);
          cardValues = valuesOf(cards);
          ready = true;
        });
      }
      return loading;
    }

    /* Only the first `limit` results of a large catalogue are in the page; the pages built
       for reading without a filter give way to them. */
    function showPage(sorted) {
      list.textContent = "";
      var visible = sorted.filter(function (card) { return !card.hidden; });
      visible.slice(0, limit).forEach(function (card) { list.appendChild(card); });
      more.hidden = visible.length <= limit;
      document.querySelectorAll("[data-pager], [data-page-note]").forEach(function (el) {
        el.hidden = true;
      });
    }

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

    var textMatch = null; /* made below, once apply exists */

    function matches(index, chosen, except) {
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
      return textMatch.matches(cards[index]);
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
        return collator.compare(a.getAttribute("data-name"), b.getAttribute("data-name"));
      });
      if (source) {
        showPage(sorted);
        return;
      }
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
        params.set("sok", text.value.trim());
      }
      if (sort.value !== "name") {
        params.set("sort", sort.value);
      }
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : ""));
    }

    function setOpen(open) {
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }

    /* One removable chip per active filter (and the search words), then «Nullstill alle». */
    function chip(label, title, remove) {
      var item = document.createElement("li");
      item.className = "th-bare__item";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "th-chip";
      if (title) {
        button.setAttribute("aria-label", "Fjern " + title);
      }
      var name = document.createElement("span");
      name.textContent = label;
      var cross = document.createElement("span");
      cross.className = "th-chip__x";
      cross.setAttribute("aria-hidden", "true");
      cross.textContent = "×";
      button.appendChild(name);
      button.appendChild(cross);
      button.addEventListener("click", function () {
        remove();
        apply();
        var first = chips.querySelector("button");
        (first || status).focus();
      });
      item.appendChild(button);
      chips.appendChild(item);
    }

    function renderChips(chosen) {
      chips.textContent = "";
      var active = 0;
      facetSets.forEach(function (set, index) {
        var legend = set.querySelector("legend").textContent;
        Array.prototype.forEach.call(inputs(facets[index]), function (input) {
          if (input.checked) {
            active += 1;
            var label = input.getAttribute("data-label");
            chip(label, "filteret " + legend + ": " + label, function () { input.checked = false; });
          }
        });
      });
      var query = text.value.trim();
      if (query) {
        chip("«" + query + "»", "søket «" + query + "»", function () { text.value = ""; });
      }
      if (active + (query ? 1 : 0) > 1) {
        chip("Nullstill alle", null, function () { form.reset(); });
      }
      chips.hidden = chips.children.length === 0;
      activeCount.textContent = active ? " (" + active + ")" : "";
    }

    function apply() {
      textMatch.update(text.value);
      if (ready) {
        applyNow();
        return;
      }
      count.textContent = "…";
      loadAll().then(applyNow).catch(function (error) {
        status.textContent = error.message;
      });
    }

    function applyNow() {
      var chosen = selection();
      var shown = 0;
      cards.forEach(function (card, index) {
        var ok = matches(index, chosen, null);
        card.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      facets.forEach(function (facet) {
        Array.prototype.forEach.call(inputs(facet), function (input) {
          var n = 0;
          cards.forEach(function (card, index) {
            if (cardValues[index][facet].indexOf(input.value) >= 0 &&
                matches(index, chosen, facet)) {
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
      submitCount.textContent = String(shown);
      renderChips(chosen);
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
      text.value = params.get("sok") || "";
      sort.value = params.get("sort") || "name";
      return facets.concat(["sok", "sort"]).some(function (key) { return params.get(key); });
    }

    textMatch = textMatcher(function () { return cards; }, apply);
    form.addEventListener("change", function () { limit = PAGE; apply(); });
    if (more) {
      more.querySelector("button").addEventListener("click", function () {
        var before = list.children.length;
        limit += PAGE;
        applyNow();
        var next = list.children[before] && list.children[before].querySelector("a");
        if (next) {
          next.focus();
        }
      });
    }
    text.addEventListener("input", apply);
    toggle.addEventListener("click", function () { setOpen(panel.hidden); });
    /* «Vis N tiltak»: the filters apply as they change; the button takes the reader to them. */
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!wide.matches) {
        setOpen(false);
      }
      status.focus();
    });
    form.querySelector("[data-clear]").addEventListener("click", function () {
      form.reset();
      apply();
    });
    setOpen(wide.matches);
    /* With nothing chosen in the URL, the page as built is the answer (every card, in name
       order, each facet's count filled in): drawing it again would only delay the first
       paint. */
    if (readUrl()) {
      apply();
    }
  }

  function initCompare() {
    var container = document.querySelector("[data-compare]");
    var picker = document.querySelector("[data-compare-picker]");
    if (!container || !picker || picker.getAttribute("data-ready") === "yes") {
      return;
    }
    picker.setAttribute("data-ready", "yes");
    picker.hidden = false;
    var selects = picker.querySelectorAll("select, input");
    var items = Array.prototype.slice.call(container.querySelectorAll("[data-measure]"));
    var status = document.querySelector("[data-compare-status]");

    /* A large catalogue: the fields take a measure's name from a list, and the chosen
       measures' blocks are fetched (one small file each, built with the site). */
    var source = container.getAttribute("data-compare-src");
    source = source && source.replace(/\/?$/, "/");
    var names = Array.prototype.slice.call(document.querySelectorAll("#th-compare-names option"));

    function idOf(value) {
      if (!source) {
        return value;
      }
      var option = names.filter(function (o) { return o.value === value; })[0];
      return option ? option.getAttribute("data-id") : "";
    }

    function nameOf(id) {
      if (!source) {
        return id;
      }
      var option = names.filter(function (o) { return o.getAttribute("data-id") === id; })[0];
      return option ? option.value : "";
    }

    function fetchChosen(chosen) {
      return Promise.all(chosen.map(function (id) {
        return fetch(source + encodeURIComponent(id) + ".html").then(function (response) {
          return response.ok ? response.text() : "";
        });
      })).then(function (parts) {
        container.innerHTML = parts.join("");
      });
    }

    function apply() {
      var chosen = Array.prototype.map.call(selects, function (s) { return idOf(s.value); })
        .filter(Boolean);
      if (source) {
        history.replaceState(history.state, "", location.pathname +
          (chosen.length ? "?m=" + chosen.join(",") : ""));
        return fetchChosen(chosen).then(function () {
          status.textContent = chosen.length ? "Viser " + chosen.length + " tiltak." :
            "Velg tiltakene du vil sammenligne.";
        });
      }
      items.forEach(function (item) {
        item.hidden = chosen.length > 0 && chosen.indexOf(item.getAttribute("data-measure")) < 0;
      });
      items.slice().sort(function (a, b) {
        return chosen.indexOf(a.getAttribute("data-measure")) -
          chosen.indexOf(b.getAttribute("data-measure"));
      }).forEach(function (item) { container.appendChild(item); });
      var query = chosen.length ? "?m=" + chosen.join(",") : "";
      history.replaceState(history.state, "", location.pathname + query);
      status.textContent = chosen.length ? "Viser " + chosen.length + " tiltak." :
        "Viser alle tiltakene.";
      return Promise.resolve();
    }

    var wanted = (new URLSearchParams(location.search).get("m") || "").split(",");
    Array.prototype.forEach.call(selects, function (select, index) {
      select.value = nameOf(wanted[index] || "");
      select.addEventListener("change", apply);
    });
    picker.addEventListener("submit", function (event) {
      event.preventDefault();
      apply().then(function () { document.querySelector("[data-compare-heading]").focus(); });
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
    /* The interactive map opened after a filter was typed shows the same points. */
    var drawn = document.querySelector(".th-map .th-chart__plot");
    if (drawn && window.MutationObserver) {
      new MutationObserver(filterDrawnMap)
        .observe(drawn, { attributes: true, attributeFilter: ["data-rendered"] });
    }
    input.addEventListener("input", function () {
      var query = words(input.value);
      var shown = 0;
      Array.prototype.forEach.call(items, function (item) {
        var text = (item.getAttribute("data-list-item") || "").toLowerCase();
        var ok = query.every(function (word) { return text.indexOf(word) >= 0; });
        item.hidden = !ok;
        shown += ok ? 1 : 0;
        showOnMap(item.getAttribute("data-list-key"), ok);
      });
      hideEmptyGroups();
      if (status) {
        status.textContent = shown + " treff";
      }
    });
  }

  /* The municipality filter also filters the static map's points and close-ups. */
  function showOnMap(key, shown) {
    if (!key) {
      return;
    }
    document.querySelectorAll('[data-map-point="' + key + '"]').forEach(function (point) {
      point.classList.toggle("th-map__out", !shown);
    });
  }

  /* A county whose municipalities are all filtered out loses its heading too, and a
     close-up with no point left is hidden. */
  function hideEmptyGroups() {
    document.querySelectorAll(".th-list").forEach(function (list) {
      var empty = !list.querySelector("[data-list-item]:not([hidden])");
      list.hidden = empty;
      var heading = list.previousElementSibling;
      if (heading && /^H[2-4]$/.test(heading.tagName)) {
        heading.hidden = empty;
      }
    });
    document.querySelectorAll("[data-map-panel]").forEach(function (panel) {
      panel.hidden = !panel.querySelector("[data-map-point]:not(.th-map__out)");
    });
    filterDrawnMap();
  }

  /* The interactive map, when the reader has opened it: filtered-out points are made
     invisible (a point links to its municipality's page, whose id ends the address). */
  function filterDrawnMap() {
    var plot = document.querySelector(".th-map .th-chart__plot[data-rendered=yes]");
    if (!plot || !plot.plotly || !plot.data) {
      return;
    }
    plot.data.forEach(function (trace, index) {
      var opacity = (trace.customdata || []).map(function (url) {
        var key = String(url).replace(/\/$/, "").split("/").pop();
        var point = document.querySelector('.th-map__overview [data-map-point="' + key + '"]');
        return point && point.classList.contains("th-map__out") ? 0 : 1;
      });
      plot.plotly.restyle(plot, { "marker.opacity": [opacity] }, [index]);
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

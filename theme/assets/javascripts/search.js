/* Tiltakshefte: the site search, a small UI on Pagefind's JavaScript API.

   The field in the header ([data-th-search], theme/main.html) is a plain form to the
   catalogue until the reader uses it. Pagefind (pagefind/pagefind.js, its wasm and the index
   chunks a query needs) is fetched only when the reader focuses or types in the field, or
   opens a page with ?q=…, so a page view without a search costs no search bytes.

   Results show as the reader types (title, kind, an excerpt with the matched words marked),
   with one chip per kind, the count announced in a live region, and keys: / focuses the
   field, the arrows move through the results, Enter opens one, Esc closes. The catalogue's
   text filter asks the same index (measureIds below), so both searches agree. */
(function () {
  "use strict";

  var KINDS = ["Tiltak", "Pilot", "Kommune", "Organisasjon", "Kilde", "Begrep", "Tall", "Side"];
  var PAGE_SIZE = 6; /* a phone shows about four; each costs a fragment (2–5 KiB) */
  var DELAY = 90; /* ms after the last key: a query is not run for every letter typed */
  /* Pagefind's ranking, tuned on the real content so that the page about a thing comes
     first («Salten» → the Salten pilot, «Trysil» → Trysil kommune, «mentor» → the mentor
     measures): a word in the title counts far more than in the text (metaWeights), a word
     close to the one typed more than a longer word that starts with it (termSimilarity:
     «Salten» is stemmed to «salt», which Saltdal also starts with), and a long page (a
     pilot) is penalised less than by default. tests/test_search.py holds these examples. */
  var RANKING = { metaWeights: { title: 50 }, termSimilarity: 10, pageLength: 0.5 };
  var engine = null;
  var engineUrl = null;

  /* Pagefind, loaded once per page on first use; null where the index is missing. */
  function pagefind() {
    if (!engine) {
      var root = document.querySelector("[data-th-search]");
      engineUrl = new URL(root.getAttribute("data-pagefind"), location.href);
      engine = import(engineUrl.href).then(function (pf) {
        return Promise.resolve(pf.options({
          baseUrl: new URL("../", engineUrl).pathname,
          ranking: RANKING,
          excerptLength: 24
        })).then(function () {
          /* The wasm and the index's metadata now, while the reader is still typing. */
          return pf.init();
        }).then(function () { return pf; });
      }).catch(function () { return null; });
    }
    return engine;
  }

  /* Pagefind 1.5 loads the index chunk that holds a word, but not always the next chunk,
     which may hold the longer words that start with it: on a fresh page «mentor» then
     misses «mentorordning». Preloading a key just past the word's extensions loads that
     chunk too (it is usually the same chunk, so it costs nothing more). */
  function find(pf, query, options) {
    var words = query.split(/\s+/).filter(Boolean);
    /* With the options, so that the filter chunks come in the same round trip. */
    var loads = [pf.preload(query, options)].concat(words.map(function (word) {
      return pf.preload(word + "zzz");
    }));
    return Promise.all(loads).then(function () { return pf.search(query, options); });
  }

  /* The ids of the measures whose page matches every word of ``query`` (any inflection), as
     a Set; null when the search cannot run. Reads only the per-value counts of the «tiltak»
     filter, so no result's text is fetched. */
  function measureIds(query) {
    return pagefind().then(function (pf) {
      if (!pf) {
        return null;
      }
      /* «none: -» excludes nothing but makes Pagefind load the «tiltak» filter, and so
         count the matches of each of its values. */
      return find(pf, query, { filters: { type: "Tiltak", tiltak: { none: ["-"] } } })
        .then(function (found) {
          var counts = (found && found.filters && found.filters.tiltak) || {};
          var ids = new Set();
          Object.keys(counts).forEach(function (id) {
            if (counts[id] > 0) {
              ids.add(id);
            }
          });
          return ids;
        });
    });
  }

  /* Pagefind's excerpt as nodes: its text, and its <mark> elements as marks. Nothing else
     of it is kept, so no markup from a page can come through. */
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function Search(root) {
    this.root = root;
    this.form = root.querySelector("form");
    this.input = root.querySelector("input[type=search]");
    this.panel = root.querySelector("#th-search-panel");
    this.chips = root.querySelector("[data-search-chips]");
    this.status = root.querySelector("[data-search-status]");
    this.list = root.querySelector("[data-search-results]");
    this.help = root.querySelector("[data-search-help]");
    this.kind = null;
    this.shown = 0;
    this.results = [];
    this.sequence = 0;
    this.timer = 0;
    this.bind();
  }

  Search.prototype.bind = function () {
    var self = this;
    var warm = function () { pagefind(); };
    this.input.addEventListener("focus", warm);
    this.input.addEventListener("pointerdown", warm);
    /* No chunks are fetched for the words half typed: each start of a word («ment»,
       «mento») can need chunks of its own, which cost more bytes than they save time. */
    this.input.addEventListener("input", function () { self.schedule(); });
    this.input.addEventListener("keydown", function (event) { self.onFieldKey(event); });
    this.panel.addEventListener("keydown", function (event) { self.onPanelKey(event); });
    this.form.addEventListener("submit", function (event) { self.onSubmit(event); });
    document.addEventListener("keydown", function (event) { self.onPageKey(event); });
    document.addEventListener("pointerdown", function (event) {
      if (!self.root.contains(event.target)) {
        self.close();
      }
    });
  };

  Search.prototype.schedule = function () {
    var self = this;
    this.panel.removeAttribute("data-query");
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.run(); }, DELAY);
  };

  Search.prototype.open = function () {
    this.panel.hidden = false;
    this.root.classList.add("th-search--open");
  };

  Search.prototype.close = function () {
    this.panel.hidden = true;
    this.root.classList.remove("th-search--open");
  };

  /* Run the query in the field (with the chosen kind); drop answers to older queries. */
  Search.prototype.run = function () {
    var self = this;
    var query = this.input.value.trim();
    var sequence = ++this.sequence;
    if (!query) {
      this.close();
      return Promise.resolve();
    }
    return pagefind().then(function (pf) {
      if (sequence !== self.sequence) {
        return null;
      }
      if (!pf) {
        self.showUnavailable();
        return null;
      }
      var filters = { type: self.kind ? [self.kind] : { none: ["-"] } };
      return find(pf, query, { filters: filters }).then(function (found) {
        if (sequence === self.sequence && found) {
          return self.show(pf, query, found);
        }
        return null;
      });
    });
  };

  Search.prototype.show = function (pf, query, found) {
    this.results = found.results;
    this.shown = 0;
    this.list.textContent = "";
    this.renderChips(found.totalFilters.type || found.filters.type || {});
    this.open();
    if (!found.results.length) {
      return this.showNoHits(pf, query);
    }
    this.help.hidden = true;
    var where = this.kind ? " (" + this.kind.toLowerCase() + ")" : "";
    this.status.textContent = found.results.length + " treff" + " for «" +
      query + "»" + where + ".";
    var self = this;
    var sequence = this.sequence;
    return this.more().then(function () {
      if (sequence === self.sequence) {
        self.drawn(query);
      }
    });
  };

  /* The panel says which query it shows, once it is drawn (also for the tests). */
  Search.prototype.drawn = function (query) {
    this.panel.setAttribute("data-query", (this.kind || "") + ":" + query);
  };

  /* The next results' texts, fetched only for the results shown. */
  Search.prototype.more = function () {
    var self = this;
    var sequence = this.sequence;
    var next = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += next.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (sequence !== self.sequence) {
        return;
      }
      var old = self.list.querySelector(".th-search__more");
      if (old) {
        old.remove();
      }
      pages.forEach(function (data) { self.list.appendChild(self.item(data)); });
      if (self.shown < self.results.length) {
        self.addMoreButton();
      }
    });
  };

  Search.prototype.item = function (data) {
    var item = element("li", "th-search__result th-bare__item");
    var link = element("a", "th-search__link");
    link.href = data.url;
    link.appendChild(element("span", "th-search__title", data.meta.title || data.url));
    if (data.meta.kind) {
      link.appendChild(document.createTextNode(" "));
      link.appendChild(element("span", "th-search__kind", data.meta.kind));
    }
    item.appendChild(link);
    var excerpt = element("p", "th-search__excerpt");
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    item.appendChild(excerpt);
    return item;
  };

  Search.prototype.addMoreButton = function () {
    var self = this;
    var item = element("li", "th-search__more th-bare__item");
    var button = element("button", "th-search__more-button",
      "Vis flere treff (" + (this.results.length - this.shown) + " til)");
    button.type = "button";
    button.addEventListener("click", function () {
      var before = self.shown;
      self.more().then(function () {
        var links = self.links();
        if (links[before]) {
          links[before].focus();
        }
      });
    });
    item.appendChild(button);
    this.list.appendChild(item);
  };

  /* One chip per kind that has hits, and «Alle»; a chip is a toggle button. */
  Search.prototype.renderChips = function (counts) {
    var self = this;
    this.chips.textContent = "";
    var total = 0;
    KINDS.forEach(function (kind) { total += counts[kind] || 0; });
    var chip = function (kind, label, n) {
      var button = element("button", "th-search__chip", label + " (" + n + ")");
      button.type = "button";
      button.setAttribute("aria-pressed", self.kind === kind ? "true" : "false");
      button.addEventListener("click", function () {
        self.kind = kind;
        self.run().then(function () {
          var pressed = self.chips.querySelector("[aria-pressed=true]");
          if (pressed) {
            pressed.focus();
          }
        });
      });
      self.chips.appendChild(button);
    };
    chip(null, "Alle", total);
    KINDS.forEach(function (kind) {
      if (counts[kind] || self.kind === kind) {
        chip(kind, kind, counts[kind] || 0);
      }
    });
    this.chips.hidden = total === 0;
  };

  /* Closer queries to try when one finds nothing: each word alone, or for one word, shorter
     forms of it (a misspelt or over-long ending: «heltidsstillingene» → «heltidsstilling»). */
  function closerQueries(query) {
    var words = query.split(/\s+/).filter(function (w) { return w.length > 1; });
    if (words.length > 1) {
      return words;
    }
    var word = words[0] || "";
    var shorter = [];
    for (var cut = 2; cut <= 6 && word.length - cut >= 4; cut += 2) {
      shorter.push(word.slice(0, word.length - cut));
    }
    return shorter;
  }

  /* No hits: say so, offer closer queries that do find something, the aims and the catalogue
     (the help block in main.html holds the aims and the catalogue link). */
  Search.prototype.showNoHits = function (pf, query) {
    var self = this;
    var sequence = this.sequence;
    var where = this.kind ? " blant " + this.kind.toLowerCase() : "";
    this.status.textContent = "Ingen treff for «" + query + "»" + where + ".";
    this.help.hidden = false;
    var suggestions = this.help.querySelector("[data-search-suggestions]");
    suggestions.textContent = "";
    var tries = closerQueries(query);
    return Promise.all(tries.map(function (word) { return find(pf, word, {}); }))
      .then(function (answers) {
        if (sequence !== self.sequence) {
          return;
        }
        answers.forEach(function (answer, index) {
          if (answer && answer.results.length && suggestions.children.length < 3) {
            var button = element("button", "th-search__suggestion",
              "«" + tries[index] + "» (" + answer.results.length + " treff)");
            button.type = "button";
            button.addEventListener("click", function () {
              self.input.value = tries[index];
              self.input.focus();
              self.kind = null;
              self.panel.removeAttribute("data-query");
              self.run();
            });
            suggestions.appendChild(button);
          }
        });
        if (suggestions.children.length) {
          self.status.textContent += " Mente du:";
        }
        self.drawn(query);
      });
  };

  Search.prototype.showUnavailable = function () {
    this.open();
    this.chips.hidden = true;
    this.list.textContent = "";
    this.status.textContent = "Søket er ikke tilgjengelig her. Trykk Enter for å søke blant " +
      "tiltakene.";
  };

  Search.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a, button"));
  };

  Search.prototype.onFieldKey = function (event) {
    if (event.key === "ArrowDown" && !this.panel.hidden) {
      var first = this.links()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === "Escape") {
      if (!this.panel.hidden) {
        event.preventDefault();
        this.close();
      } else {
        this.input.blur();
      }
    }
  };

  Search.prototype.onPanelKey = function (event) {
    var links = this.links();
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      this.close();
      this.input.focus();
    } else if (at >= 0 && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      (next < 0 ? this.input : links[Math.min(next, links.length - 1)]).focus();
    }
  };

  /* «/» anywhere but in a field focuses the search, as on many sites. */
  Search.prototype.onPageKey = function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.input.focus();
      this.input.select();
    }
  };

  /* Enter opens the first result; with no results (or no index) the form goes to the
     catalogue, whose text filter searches the measures with the same index. */
  Search.prototype.onSubmit = function (event) {
    var first = this.panel.hidden ? null : this.list.querySelector("a");
    if (first) {
      event.preventDefault();
      location.href = first.href;
    }
  };

  function init() {
    var root = document.querySelector("[data-th-search]");
    if (!root || root.getAttribute("data-ready") === "yes") {
      return;
    }
    root.setAttribute("data-ready", "yes");
    var search = new Search(root);
    /* A query in the address (?q=…), or one the browser filled in or the reader pasted
       before this script ran, is searched at once. */
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) {
      search.input.value = asked;
    }
    if (search.input.value.trim()) {
      search.run();
    }
  }

  window.tiltakshefteSearch = { measureIds: measureIds };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

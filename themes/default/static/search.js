/* trangxa search: finds Vietnamese typed with or without diacritics.
 *
 * The index is written at build time (src/render/search_index.rs); this file
 * cuts the query into tokens with the same rules (src/render/search_text.rs)
 * and folds them with the same function (vi::fold), ranks, and shows results.
 * No framework, no request outside the site. The part above `init` has no
 * DOM in it and also runs under Node for the tests.
 */
(function () {
  'use strict';

  var MARK = /\p{M}/u;
  var SPACE = /\p{White_Space}/u;
  var DIGIT = /\p{N}/u;
  var MAX_CODE_CHARS = 40;
  // Sắc, huyền, hỏi, ngã, nặng as VNI digits (vi::tone_key).
  var TONES = { '\u0301': '1', '\u0300': '2', '\u0309': '3', '\u0303': '4', '\u0323': '5' };
  // Weight of a match by field: metadata, body, summary, title.
  var FIELD_WEIGHT = [1, 4, 10, 30];
  // A token equal to the query word beats one that only starts with it.
  var WHOLE_WORD = 40;
  // Weight of two query words found side by side, by field: a phrase in the
  // body outranks its two words found apart in the title.
  var PAIR_WEIGHT = [8, 70, 90, 120];
  var PAGE_SIZE = 10;
  var SNIPPET_CHARS = 220;

  var MARKS = /\p{M}/gu;
  var SPACES = /\p{White_Space}+/gu;
  var EDGE_SPACES = /^\p{White_Space}+|\p{White_Space}+$/gu;

  /** vi::fold: drop tone and vowel marks, đ→d, lowercase, one space. */
  function fold(s) {
    var t = s.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd')
      .replace(EDGE_SPACES, '').replace(SPACES, ' ');
    // Rust lowercases letter by letter; a whole-string toLowerCase differs
    // only for a final capital sigma.
    if (t.indexOf('Σ') < 0) return t.toLowerCase();
    var out = '';
    for (var c of t) out += c.toLowerCase();
    return out;
  }

  /** vi::tone_key: the spelling with diacritics, whatever the tone's place. */
  function toneKey(word) {
    var base = '';
    var tones = '';
    for (var c of word.normalize('NFD')) {
      var t = TONES[c];
      if (t) tones += t;
      else base += c.toLowerCase();
    }
    base = base.normalize('NFC');
    return tones ? base + '~' + tones : base;
  }

  function isJoiner(c) {
    return c === '.' || c === '/' || c === '-' || c === '_';
  }

  var RUN = /[\p{Alphabetic}\p{N}\p{M}._\/-]+/gu;
  var JOINERS = /[._\/-]/;

  /** search_text::tokens, with UTF-16 offsets: words and whole codes. */
  function tokens(text) {
    var out = [];
    var m;
    RUN.lastIndex = 0;
    while ((m = RUN.exec(text))) {
      var end = m.index + m[0].length;
      // Most runs are one plain word.
      if (!JOINERS.test(m[0])) out.push({ text: m[0], start: m.index, end: end, code: false });
      else pushRun(text, m.index, end, out);
    }
    return out;
  }

  function pushRun(text, start, end, out) {
    while (start < end && isJoiner(text[start])) start++;
    while (end > start && isJoiner(text[end - 1])) end--;
    var words = [];
    var from = -1;
    for (var j = start; j < end; j++) {
      if (isJoiner(text[j])) {
        if (from >= 0) words.push([from, j]);
        from = -1;
      } else if (from < 0) {
        from = j;
      }
    }
    if (from >= 0) words.push([from, end]);
    var run = text.slice(start, end);
    if (words.length > 1 && DIGIT.test(run) && Array.from(run).length <= MAX_CODE_CHARS) {
      out.push({ text: run, start: start, end: end, code: true });
    }
    for (var w of words) {
      out.push({ text: text.slice(w[0], w[1]), start: w[0], end: w[1], code: false });
    }
  }

  /** Spaces (on one line) and joiners only: two words around it are a
   * pair (search_text::adjacent). */
  var GAP = /^(?:[._\/-]|(?!\n)\p{White_Space})*$/u;

  /**
   * The query as terms, and the pairs of adjacent words in it. A term has
   * its folded form, its spelling key, whether it was typed with
   * diacritics, whether it is a code, and whether it is the word still being
   * typed (matched as a prefix).
   */
  function parseQuery(query, complete) {
    var q = query.normalize('NFC');
    var toks = tokens(q);
    var codes = toks.filter(function (t) { return t.code; });
    // A code is searched whole ("135/KH-UBND"), not as its parts.
    toks = toks.filter(function (t) {
      return t.code || !codes.some(function (c) { return t.start >= c.start && t.end <= c.end; });
    });
    var open = !complete && q.length > 0 && !SPACE.test(q[q.length - 1]);
    var terms = [];
    var seen = {};
    toks.forEach(function (t, i) {
      var f = fold(t.text);
      var key = toneKey(t.text);
      var id = (t.code ? 'c' : 'w') + key;
      t.fold = f;
      t.key = key;
      t.prefix = open && i === toks.length - 1 && t.end === q.length;
      if (!f || seen[id]) return;
      seen[id] = true;
      terms.push({ fold: f, key: key, marked: key !== f, code: t.code, prefix: t.prefix });
    });
    var pairs = [];
    for (var i = 1; i < toks.length; i++) {
      var a = toks[i - 1];
      var b = toks[i];
      if (a.code || b.code || !a.fold || !b.fold || !GAP.test(q.slice(a.end, b.start))) continue;
      pairs.push({
        fold: a.fold + ' ' + b.fold,
        key: a.key + ' ' + b.key,
        marked: false,
        code: false,
        prefix: b.prefix,
      });
    }
    return { terms: terms, pairs: pairs };
  }

  /** The shard form of a folded token (search_index::shard_form). */
  function shardForm(folded) {
    var out = '';
    for (var c of folded) out += /[a-z0-9]/.test(c) ? c : '_';
    return out;
  }

  /** A token in the index matches a term: exactly, as the prefix of the word
   * being typed (two letters at least), or a code as the start of a longer
   * code ("30/2020" finds "30/2020/NĐ-CP"). */
  function tokenMatches(token, term) {
    if (token === term.fold) return true;
    if (!token.startsWith(term.fold)) return false;
    if (term.prefix && term.fold.length >= 2) return true;
    return term.code && isJoiner(token[term.fold.length]);
  }

  /** Whether a spelling key matches a term's with the same diacritics. */
  function sameSpelling(key, term, whole) {
    if (!term.marked) return false;
    if (whole && !term.prefix) return key === term.key;
    var k = key.split('~');
    var q = term.key.split('~');
    return k[0].startsWith(q[0]) && (k[1] || '').startsWith(q[1] || '');
  }

  /**
   * The search engine over one built index. `load(path, version)` returns a
   * promise of the parsed JSON file at `path` under the index folder.
   */
  function Engine(load) {
    this.load = load;
    this.files = new Map();
    this.meta = null;
  }

  Engine.prototype.init = function () {
    var self = this;
    if (!this.ready) {
      this.ready = this.load('index.json', null).then(function (meta) {
        self.meta = meta;
        self.shards = {
          w: { list: meta.word_shards, set: new Set(meta.word_shards) },
          b: { list: meta.pair_shards, set: new Set(meta.pair_shards) },
        };
        return meta;
      });
    }
    return this.ready;
  };

  Engine.prototype.file = function (path) {
    var self = this;
    if (!this.files.has(path)) {
      var p = this.load(path, this.meta.version).catch(function (e) {
        self.files.delete(path);
        throw e;
      });
      this.files.set(path, p);
    }
    return this.files.get(path);
  };

  /** The shards (in `dir`, 'w' or 'b') that may hold a term: the one its
   * folded form belongs to (the longest key that starts it) and, for a
   * prefix or a code, every shard of longer keys that start with it. */
  Engine.prototype.shardsFor = function (dir, term) {
    var keys = this.shards[dir];
    var form = shardForm(term.fold);
    var out = [];
    for (var n = form.length; n > 0; n--) {
      if (keys.set.has(form.slice(0, n))) {
        out.push(form.slice(0, n));
        break;
      }
    }
    if ((term.prefix && term.fold.length >= 2) || term.code) {
      for (var k of keys.list) {
        if (k !== out[0] && k.startsWith(form)) out.push(dir + '/' + k);
      }
    }
    if (out.length && out[0].indexOf('/') < 0) out[0] = dir + '/' + out[0];
    return out;
  };

  /** Per item, the best match of one term: -1 for none, else a score, plus
   * 1000 when the spelling matches the term's diacritics. */
  Engine.prototype.termScores = function (term, shards, weights) {
    var best = new Int32Array(this.meta.count).fill(-1);
    shards.forEach(function (shard) {
      var candidates = term.prefix || term.code ? Object.keys(shard) : shard[term.fold] ? [term.fold] : [];
      candidates.forEach(function (token) {
        if (!tokenMatches(token, term)) return;
        var whole = token === term.fold;
        var list = shard[token];
        for (var i = 0; i < list.length; i += 2) {
          var exact = sameSpelling(list[i], term, whole) ? 1000 : 0;
          var postings = list[i + 1];
          var item = 0;
          for (var j = 0; j < postings.length; j++) {
            var v = postings[j];
            item += v >>> 4;
            var score = exact + weights[(v >>> 2) & 3] + (v & 3) + (whole ? WHOLE_WORD : 0);
            if (score > best[item]) best[item] = score;
          }
        }
      });
    });
    return best;
  };

  /**
   * Search. `filters` is `{type, unit}` with ids from the index ('' for
   * all); `complete` when the query is submitted or comes from a link, not
   * being typed (its last word is then no prefix). Returns the terms, the
   * matching item numbers best first, and whether they match only some of
   * the words.
   */
  Engine.prototype.search = async function (query, filters, complete) {
    var meta = await this.init();
    var self = this;
    var parsed = parseQuery(query, complete);
    var terms = parsed.terms;
    filters = filters || {};
    var typeIdx = meta.types.findIndex(function (t) { return t[0] === filters.type; });
    var unitIdx = meta.units.findIndex(function (u) { return u[0] === filters.unit; });
    var keep = function (n) {
      return (typeIdx < 0 || meta.item_types[n] === typeIdx) &&
        (unitIdx < 0 || meta.item_units[n].indexOf(unitIdx) >= 0);
    };
    var n;
    if (!terms.length) {
      var all = [];
      if (typeIdx >= 0 || unitIdx >= 0) {
        for (n = 0; n < meta.count; n++) if (keep(n)) all.push(n);
      }
      return { terms: terms, items: all, partial: false };
    }
    var wordShards = terms.map(function (t) { return self.shardsFor('w', t); });
    var pairShards = parsed.pairs.map(function (t) { return self.shardsFor('b', t); });
    var wanted = new Set([].concat.apply([], wordShards.concat(pairShards)));
    var loaded = {};
    await Promise.all(Array.from(wanted).map(function (k) {
      return self.file(k + '.json').then(function (s) { loaded[k] = s; });
    }));
    var get = function (keys) { return keys.map(function (k) { return loaded[k]; }); };
    var scores = terms.map(function (t, i) {
      return self.termScores(t, get(wordShards[i]), FIELD_WEIGHT);
    });
    var pairScores = parsed.pairs.map(function (p, i) {
      return self.termScores(p, get(pairShards[i]), PAIR_WEIGHT);
    });
    var ranked = [];
    var most = 0;
    for (n = 0; n < meta.count; n++) {
      var matched = 0, exact = 0, sum = 0;
      for (var s of scores) {
        if (s[n] < 0) continue;
        matched++;
        if (s[n] >= 1000) exact++;
        sum += s[n] % 1000;
      }
      if (!matched || !keep(n)) continue;
      for (var p of pairScores) if (p[n] > 0) sum += p[n] % 1000;
      if (matched > most) most = matched;
      ranked.push({ n: n, matched: matched, score: matched * 1e6 + exact * 1e4 + Math.min(sum, 9999) });
    }
    var partial = most < terms.length;
    if (!partial) ranked = ranked.filter(function (r) { return r.matched === terms.length; });
    ranked.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
    return { terms: terms, items: ranked.map(function (r) { return r.n; }), partial: partial };
  };

  /** What a result shows for item n. */
  Engine.prototype.item = function (n) {
    return this.file('d/' + n + '.json');
  };

  /** Which term a token of the shown text matches, or -1. */
  function termOf(tok, terms) {
    var f = tok.fold;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      if (t.code !== tok.code || !tokenMatches(f, t)) continue;
      // "trú" being typed marks "trú", "trúng", not "truyền".
      if (t.prefix && t.marked && f !== t.fold && !sameSpelling(toneKey(tok.text), t, false)) continue;
      return i;
    }
    return -1;
  }

  // Tokens of the texts shown lately, folded once: typing a query shows the
  // same few results again and again.
  var prepared = new Map();

  // Folded words: a page repeats a small vocabulary, so most are found here
  // instead of normalized again.
  var folded = new Map();

  function foldWord(w) {
    var f = folded.get(w);
    if (f === undefined) {
      f = fold(w);
      if (folded.size > 50000) folded.clear();
      folded.set(w, f);
    }
    return f;
  }

  function textTokens(text) {
    var toks = prepared.get(text);
    if (!toks) {
      toks = tokens(text);
      toks.forEach(function (t) { t.fold = foldWord(t.text); });
      prepared.set(text, toks);
      if (prepared.size > 200) prepared.delete(prepared.keys().next().value);
    }
    return toks;
  }

  function hits(text, terms) {
    var out = [];
    textTokens(text).forEach(function (t) {
      var i = termOf(t, terms);
      if (i >= 0) out.push({ start: t.start, end: t.end, term: i });
    });
    return out;
  }

  /** Cut `text` into `{text, mark}` pieces, marking the matched words. */
  function pieces(text, marks, from, to) {
    var out = [];
    var at = from;
    marks.forEach(function (h) {
      if (h.end <= at || h.start >= to) return;
      var s = Math.max(h.start, at);
      if (s > at) out.push({ text: text.slice(at, s), mark: false });
      out.push({ text: text.slice(s, Math.min(h.end, to)), mark: true });
      at = Math.min(h.end, to);
    });
    if (at < to) out.push({ text: text.slice(at, to), mark: false });
    return out.map(function (p) { return { text: p.text.replace(/\s+/g, ' '), mark: p.mark }; });
  }

  /** The whole text with its matches marked (for titles). */
  function highlight(text, terms) {
    return pieces(text, hits(text, terms), 0, text.length);
  }

  /**
   * About SNIPPET_CHARS characters of `text` around the place where the most
   * different terms occur together, matches marked; null if none occurs.
   */
  function snippet(text, terms) {
    var found = hits(text, terms);
    if (!found.length) return null;
    var bestAt = 0;
    var bestCount = 0;
    for (var i = 0; i < found.length && i < 500; i++) {
      var seen = new Set();
      for (var j = i; j < found.length && found[j].start < found[i].start + SNIPPET_CHARS - 40; j++) {
        seen.add(found[j].term);
      }
      if (seen.size > bestCount) {
        bestCount = seen.size;
        bestAt = i;
      }
    }
    var from = Math.max(0, found[bestAt].start - 50);
    if (from > 0) {
      var space = text.slice(from, found[bestAt].start).search(/\s/);
      from = space >= 0 ? from + space + 1 : found[bestAt].start;
    }
    var end = text.replace(/\s+$/, '').length;
    var to = Math.min(end, from + SNIPPET_CHARS);
    if (to < end) {
      var cut = text.slice(from, to).search(/\s\S*$/);
      if (cut > 0) to = from + cut;
    }
    var out = pieces(text, found, from, to);
    if (from > 0) out.unshift({ text: '…', mark: false });
    if (to < end) out.push({ text: '…', mark: false });
    return out;
  }

  var api = {
    fold: fold,
    toneKey: toneKey,
    tokens: tokens,
    parseQuery: parseQuery,
    shardForm: shardForm,
    Engine: Engine,
    snippet: snippet,
    highlight: highlight,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  /* ---------------- The search page ---------------- */

  function byId(id) {
    return document.getElementById(id);
  }

  function number(n) {
    return n.toLocaleString('vi-VN');
  }

  function put(el, parts) {
    parts.forEach(function (p) {
      if (p.mark) {
        var m = document.createElement('mark');
        m.textContent = p.text;
        el.appendChild(m);
      } else {
        el.appendChild(document.createTextNode(p.text));
      }
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function resultItem(doc, terms) {
    var li = el('li', 'result');
    var h = el('h2', 'result-title');
    var a = el('a');
    a.href = doc.href;
    put(a, highlight(doc.title, terms));
    h.appendChild(a);
    li.appendChild(h);
    var meta = el('p', 'meta');
    var facts = [el('span', 'badge', doc.type)];
    if (doc.label && doc.label !== doc.type) facts.push(el('span', '', doc.label));
    // A procedure has a code ("Mã thủ tục 1.001193"), a document a number.
    if (doc.number) facts.push(el('span', '', (doc.number_label || 'Số') + ' ' + doc.number));
    if (doc.date) facts.push(el('span', '', doc.date));
    if (doc.unit) facts.push(el('span', '', doc.unit));
    facts.forEach(function (f, i) {
      // A separator keeps the fields apart on screen, for screen readers and
      // when copied.
      if (i) meta.appendChild(el('span', 'sep', ' · '));
      meta.appendChild(f);
    });
    li.appendChild(meta);
    var parts = (doc.text && snippet(doc.text, terms)) || snippet(doc.summary, terms) ||
      (doc.summary ? [{ text: doc.summary, mark: false }] : null);
    if (parts) {
      var p = el('p', 'snippet');
      put(p, parts);
      li.appendChild(p);
    }
    return li;
  }

  function init() {
    var form = byId('tim-kiem');
    if (!form || !form.dataset.index) return;
    var input = byId('tk-q');
    var typeSel = byId('tk-loai');
    var unitSel = byId('tk-don-vi');
    var list = byId('tk-ket-qua');
    var count = byId('tk-dem');
    var live = byId('tk-thong-bao');
    var moreWrap = byId('tk-them-wrap');
    var more = byId('tk-them');
    var browse = byId('tk-danh-muc-wrap');
    var base = form.dataset.index;
    var engine = new Engine(function (path, version) {
      var url = base + path + (version ? '?v=' + version : '');
      return fetch(url, version ? {} : { cache: 'no-cache' }).then(function (r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return r.json();
      });
    });
    byId('tk-khong-js').hidden = true;

    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    if (typeSel) typeSel.value = params.get('loai') || '';
    if (unitSel) unitSel.value = params.get('don-vi') || '';

    var seq = 0;
    var current = null;
    var shown = 0;
    var announce = 0;

    function say(text) {
      count.textContent = text;
      count.hidden = !text;
      // Screen readers hear the count once typing pauses, not on every key.
      clearTimeout(announce);
      announce = setTimeout(function () { live.textContent = text; }, 700);
    }

    function syncUrl() {
      var p = new URLSearchParams();
      if (input.value) p.set('q', input.value);
      if (typeSel && typeSel.value) p.set('loai', typeSel.value);
      if (unitSel && unitSel.value) p.set('don-vi', unitSel.value);
      var qs = p.toString();
      var url = location.pathname + (qs ? '?' + qs : '');
      if (url !== location.pathname + location.search) history.replaceState(null, '', url);
    }

    /** The next page of results as list items (null if overtaken). */
    async function page(res, my) {
      var slice = res.items.slice(shown, shown + PAGE_SIZE);
      var docs = await Promise.all(slice.map(function (n) { return engine.item(n); }));
      if (my !== seq) return null;
      return docs.map(function (d) { return resultItem(d, res.terms); });
    }

    function append(items, res) {
      items.forEach(function (li) { list.appendChild(li); });
      shown += items.length;
      list.hidden = !shown;
      moreWrap.hidden = shown >= res.items.length;
    }

    /** Search for what the field holds; `complete` unless it is being typed. */
    async function run(complete) {
      var my = ++seq;
      var started = performance.now();
      syncUrl();
      var q = input.value;
      var filters = { type: typeSel ? typeSel.value : '', unit: unitSel ? unitSel.value : '' };
      var res, items;
      var searched;
      try {
        res = await engine.search(q, filters, complete === true);
        searched = performance.now() - started;
        if (my !== seq) return;
        shown = 0;
        items = await page(res, my);
      } catch (e) {
        if (my === seq) say('Không tải được dữ liệu tìm kiếm. Vui lòng thử lại sau.');
        return;
      }
      if (items === null) return;
      current = res;
      var empty = !res.terms.length && !filters.type && !filters.unit;
      if (browse) browse.hidden = !empty;
      list.textContent = '';
      append(items, res);
      var shownQ = q.trim();
      if (empty) {
        say('');
      } else if (!res.items.length) {
        say('Không tìm thấy kết quả nào' + (shownQ ? ' cho “' + shownQ + '”' : '') +
          '. Hãy thử từ khác, bớt từ, hoặc bỏ bộ lọc.');
      } else if (res.partial) {
        say('Không có trang nào chứa đủ các từ “' + shownQ + '”; ' + number(res.items.length) +
          ' kết quả chứa một phần các từ này.');
      } else {
        say('Tìm thấy ' + number(res.items.length) + ' kết quả' +
          (shownQ ? ' cho “' + shownQ + '”' : '') + '.');
      }
      form.dispatchEvent(new CustomEvent('search:rendered', {
        detail: { ms: performance.now() - started, search_ms: searched, count: res.items.length, q: q },
      }));
    }

    input.addEventListener('input', function () { run(false); });
    // Choosing a filter means the words are typed.
    var rerun = function () { run(true); };
    if (typeSel) typeSel.addEventListener('change', rerun);
    if (unitSel) unitSel.addEventListener('change', rerun);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      run(true).then(function () {
        var a = list.querySelector('a');
        if (a) a.focus();
      });
    });
    more.addEventListener('click', function () {
      var res = current;
      if (!res) return;
      page(res, seq).then(function (items) {
        if (!items || !items.length) return;
        append(items, res);
        items[0].querySelector('a').focus();
      });
    });

    // Arrow keys: from the field to the results, and between results.
    function links() {
      return Array.from(list.querySelectorAll('.result-title a'));
    }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && links().length) {
        e.preventDefault();
        links()[0].focus();
      }
    });
    list.addEventListener('keydown', function (e) {
      var all = links();
      var i = all.indexOf(document.activeElement);
      if (i < 0) return;
      if (e.key === 'ArrowDown' && i + 1 < all.length) {
        e.preventDefault();
        all[i + 1].focus();
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        (i > 0 ? all[i - 1] : input).focus();
      }
    });

    engine.init().catch(function () {
      say('Không tải được dữ liệu tìm kiếm. Vui lòng thử lại sau.');
      byId('tk-khong-js').hidden = false;
    });
    if (input.value || (typeSel && typeSel.value) || (unitSel && unitSel.value)) run(true);
  }

  init();
})();

/* Instant filtering of the procedure catalogue (trangxa default theme).
   The catalogue works without this file: every filter is also a static page
   linked above the list. This only hides rows that do not match. */
(function () {
  "use strict";
  var form = document.getElementById("loc-thu-tuc");
  if (!form || !("".normalize) || !window.URLSearchParams) return;

  /* The same folding as the generator's vi::fold: no tone or vowel marks,
     đ → d, lowercase, single spaces. "Đăng ký" and "dang ky" meet. */
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll(".proc-list .proc"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".proc-group"));
  var status = form.querySelector(".filter-status");
  var inputs = {
    q: form.elements["q"],
    field: form.elements["linh-vuc"],
    online: form.elements["truc-tuyen"],
    agency: form.elements["co-quan"]
  };

  function apply() {
    var words = fold(inputs.q.value).split(" ").filter(Boolean);
    var field = inputs.field.value, online = inputs.online.value, agency = inputs.agency.value;
    var shown = 0;
    rows.forEach(function (li) {
      var d = li.dataset;
      var ok = (!field || d.field === field) && (!online || d.online === online) &&
        (!agency || d.agency === agency) &&
        words.every(function (w) { return d.search.indexOf(w) !== -1; });
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector(".proc:not([hidden])");
    });
    status.textContent = shown
      ? "Có " + shown + " thủ tục phù hợp."
      : "Không có thủ tục phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt điều kiện lọc.";
  }

  /* A search from the home page arrives as ?q=…; keep the other filters
     in the address too, so a filtered list can be shared. */
  var params = new URLSearchParams(window.location.search);
  var names = { q: "q", field: "linh-vuc", online: "truc-tuyen", agency: "co-quan" };
  Object.keys(names).forEach(function (k) {
    var v = params.get(names[k]);
    if (v !== null) inputs[k].value = v;
  });
  function remember() {
    var p = new URLSearchParams();
    Object.keys(names).forEach(function (k) {
      if (inputs[k].value) p.set(names[k], inputs[k].value);
    });
    var qs = p.toString();
    window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
  }

  form.hidden = false;
  form.addEventListener("input", function () { apply(); remember(); });
  form.addEventListener("change", function () { apply(); remember(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  if (window.location.search) apply();
})();

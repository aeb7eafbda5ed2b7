// The editor's script: the Markdown toolbar, the live preview (rendered by
// the server with the site's own pipeline) and picture upload. Without it
// the forms still list, open and save.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="trangxa-csrf"]');
  var csrf = meta ? meta.getAttribute("content") : "";
  var body = document.getElementById("f-noi_dung");
  if (!body) return;

  function post(url, data, type) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": type, "X-Trangxa-Csrf": csrf },
      body: data
    });
  }

  // Live preview.
  var preview = document.getElementById("xem-truoc");
  var timer = null;
  function refresh() {
    post("/_bien-tap/xem-truoc", body.value, "text/plain; charset=utf-8")
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { preview.innerHTML = html; })
      .catch(function () {});
  }
  if (preview) {
    preview.parentNode.hidden = false;
    body.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
    refresh();
  }

  // Toolbar: each button wraps the selection or inserts a model line.
  var lastPicture = "";
  function edit(before, after, placeholder) {
    var s = body.selectionStart, e = body.selectionEnd;
    var chosen = body.value.slice(s, e) || placeholder;
    body.setRangeText(before + chosen + after, s, e, "end");
    body.focus();
    body.dispatchEvent(new Event("input"));
  }
  function line(text) {
    var s = body.selectionStart;
    var nl = s > 0 && body.value[s - 1] !== "\n" ? "\n" : "";
    edit(nl + text, "", "");
  }
  var actions = {
    heading: function () { line("## "); },
    bold: function () { edit("**", "**", "chữ đậm"); },
    list: function () { line("- "); },
    link: function () { edit("[", "](https://)", "chữ của liên kết"); },
    table: function () { line("| Cột 1 | Cột 2 |\n|---|---|\n| | |\n"); },
    picture: function () {
      var alt = document.getElementById("f-image_alt");
      var src = lastPicture || (document.getElementById("f-image_src") || {}).value || "/files/ten-anh.jpg";
      line("![" + ((alt && alt.value) || "Mô tả ảnh") + "](" + src + ")\n");
    }
  };
  var bar = document.querySelector(".toolbar");
  if (bar) {
    bar.hidden = false;
    bar.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-md]");
      if (b && actions[b.dataset.md]) actions[b.dataset.md]();
    });
  }

  // Picture upload: the file goes to static/files/<year>/<month>/.
  var file = document.getElementById("f-image_file");
  var status = document.getElementById("upload-status");
  if (file) {
    file.parentNode.hidden = false;
    file.addEventListener("change", function () {
      var f = file.files[0];
      if (!f) return;
      status.textContent = "Đang tải ảnh lên…";
      post("/_bien-tap/tai-len?loai=anh&ten=" + encodeURIComponent(f.name), f, f.type || "application/octet-stream")
        .then(function (r) {
          return r.text().then(function (t) { return { ok: r.ok, text: t }; });
        })
        .then(function (r) {
          if (!r.ok) { status.textContent = r.text; return; }
          var url = JSON.parse(r.text).url;
          lastPicture = url;
          document.getElementById("f-image_src").value = url;
          var img = document.querySelector(".image .thumb");
          if (!img) {
            img = document.createElement("img");
            img.className = "thumb";
            img.alt = "";
            status.after(img);
          }
          img.src = url;
          status.textContent = "Đã tải ảnh lên: " + url + ". Nhớ viết mô tả ảnh rồi bấm Lưu.";
        })
        .catch(function () { status.textContent = "Không tải được ảnh lên."; });
    });
  }

  // Attachments: uploaded the same way, then linked from the body.
  var attach = document.getElementById("f-attachment");
  var attachStatus = document.getElementById("attach-status");
  if (attach) {
    attach.parentNode.hidden = false;
    attach.addEventListener("change", function () {
      var f = attach.files[0];
      if (!f) return;
      attachStatus.textContent = "Đang tải tệp lên…";
      post("/_bien-tap/tai-len?ten=" + encodeURIComponent(f.name), f, "application/octet-stream")
        .then(function (r) {
          return r.text().then(function (t) { return { ok: r.ok, text: t }; });
        })
        .then(function (r) {
          if (!r.ok) { attachStatus.textContent = r.text; return; }
          var url = JSON.parse(r.text).url;
          var name = f.name.replace(/\.[^.]*$/, "").replace(/[\[\]]/g, "");
          line("[" + name + "](" + url + ")\n");
          attachStatus.textContent = "Đã đính kèm " + url + " vào nội dung.";
        })
        .catch(function () { attachStatus.textContent = "Không tải được tệp lên."; });
    });
  }

  // Long lists of checkboxes (procedures, documents, plan rows) get a
  // filter box: typed with or without diacritics, by code or by title.
  function fold(t) {
    return t.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }
  document.querySelectorAll("fieldset.checks").forEach(function (set, n) {
    var boxes = set.querySelectorAll(".options label");
    if (boxes.length <= 12) return;
    var legend = set.querySelector("legend").textContent;
    var p = document.createElement("p");
    var label = document.createElement("label");
    label.htmlFor = "loc-" + n;
    label.textContent = "Lọc danh sách “" + legend + "”";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "loc-" + n;
    p.append(label, input);
    set.querySelector(".options").before(p);
    input.addEventListener("input", function () {
      var q = fold(input.value.trim());
      boxes.forEach(function (b) {
        var box = b.querySelector("input");
        b.hidden = q !== "" && !box.checked && fold(b.textContent).indexOf(q) < 0;
      });
    });
  });

  // After a refused save, take the keyboard to the list of problems.
  var summary = document.getElementById("tom-tat-loi");
  if (summary) summary.focus();
})();

// trangxa default theme: the little JavaScript the pages use, loaded with
// `defer`. Everything here improves a page that already works without it:
// - text size: three steps, remembered on this device (without JS the control
//   stays hidden and the browser's zoom does the same job);
// - videos: a link to the platform until the citizen clicks, then the player,
//   so no third party is contacted before they ask;
// - share, copy-link and print buttons (hidden where they cannot work; the
//   Facebook link and the browser's own print need no script).
(function () {
  'use strict';
  var root = document.documentElement;
  var KEY = 'trangxa-co-chu';

  function setSize(size) {
    if (size) root.setAttribute('data-co-chu', size);
    else root.removeAttribute('data-co-chu');
    var buttons = document.querySelectorAll('.text-size button');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-size') === size));
    }
  }

  var saved = '';
  try { saved = localStorage.getItem(KEY) || ''; } catch (e) { /* private mode: no memory */ }
  var control = document.querySelector('.text-size');
  if (control) {
    setSize(saved);
    control.hidden = false;
    control.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-size]');
      if (!b) return;
      var size = b.getAttribute('data-size');
      setSize(size);
      try { localStorage.setItem(KEY, size); } catch (err) { /* not remembered */ }
    });
  }

  document.addEventListener('click', function (e) {
    var link = e.target.closest('a[data-embed]');
    if (!link) return;
    e.preventDefault();
    var frame = document.createElement('iframe');
    frame.src = link.getAttribute('data-embed');
    frame.title = link.getAttribute('data-title') || link.textContent.trim();
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    var box = document.createElement('div');
    box.className = 'video-frame';
    box.appendChild(frame);
    link.replaceWith(box);
    frame.focus();
  });

  // Share buttons: shown only where they can work.
  var share = document.querySelector('.share');
  if (share) {
    var url = share.getAttribute('data-url');
    var native = share.querySelector('[data-share]');
    if (native && navigator.share) {
      native.hidden = false;
      native.addEventListener('click', function () {
        navigator.share({ title: document.title, url: url }).catch(function () { /* closed */ });
      });
    }
    var copy = share.querySelector('[data-copy]');
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', function () {
        navigator.clipboard.writeText(url).then(function () {
          copy.textContent = 'Đã sao chép liên kết';
        });
      });
    }
    var print = share.querySelector('[data-print]');
    if (print && window.print) {
      print.hidden = false;
      print.addEventListener('click', function () { window.print(); });
    }
  }
})();

/**
 * The preview page's behaviour: pan (drag), zoom (wheel, buttons, + - 0 keys), a tooltip with
 * an object's type, name and mapped fields, and legend entries that highlight their type.
 *
 * Kept as plain ES2017 text, not compiled TypeScript: it is inlined into the page verbatim and
 * allowed to run by its hash in the page's Content-Security-Policy. It builds the tooltip with
 * textContent only, never innerHTML, so blueprint text cannot become markup.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var canvas = document.getElementById('cc-canvas');
  var svg = canvas.querySelector('svg');
  var tip = document.getElementById('cc-tip');
  var tips = JSON.parse(document.getElementById('cc-data').textContent);
  var vb = svg.viewBox.baseVal;
  var home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  function apply() { svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' ')); }
  function toSvg(cx, cy) {
    var m = svg.getScreenCTM();
    return m ? new DOMPoint(cx, cy).matrixTransform(m.inverse()) : { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  }
  function zoom(factor, cx, cy) {
    var w = view.w / factor;
    if (w < 40 || w > home.w * 40) return;
    var p = toSvg(cx, cy);
    view.x = p.x - (p.x - view.x) / factor;
    view.y = p.y - (p.y - view.y) / factor;
    view.w = w;
    view.h = view.h / factor;
    apply();
  }
  function zoomCentre(factor) {
    var r = canvas.getBoundingClientRect();
    zoom(factor, r.left + r.width / 2, r.top + r.height / 2);
  }
  function fit() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); }
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    zoom(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX, e.clientY);
  }, { passive: false });
  var drag = null;
  canvas.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', function (e) {
    if (drag) {
      var m = svg.getScreenCTM();
      var s = m ? m.a : 1;
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3) { drag.moved = true; canvas.classList.add('cc-dragging'); hideTip(); }
      if (drag.moved) { view.x = drag.vx - (e.clientX - drag.x) / s; view.y = drag.vy - (e.clientY - drag.y) / s; apply(); }
      return;
    }
    showTip(e);
  });
  function endDrag() { drag = null; canvas.classList.remove('cc-dragging'); }
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener('pointerleave', hideTip);
  document.addEventListener('keydown', function (e) {
    if (e.target && e.target.tagName === 'INPUT') return;
    if (e.key === '+' || e.key === '=') zoomCentre(1.25);
    else if (e.key === '-' || e.key === '_') zoomCentre(0.8);
    else if (e.key === '0') fit();
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-zoom]'), function (b) {
    b.addEventListener('click', function () {
      var z = b.getAttribute('data-zoom');
      if (z === 'in') zoomCentre(1.25); else if (z === 'out') zoomCentre(0.8); else fit();
    });
  });
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }
  var shown = -1;
  function showTip(e) {
    var target = e.target && e.target.closest ? e.target.closest('[data-i]') : null;
    if (!target) { hideTip(); return; }
    var i = Number(target.getAttribute('data-i'));
    var t = tips[i];
    if (!t) { hideTip(); return; }
    if (i !== shown) {
      shown = i;
      tip.textContent = '';
      tip.appendChild(el('div', 'cc-tip-title', t.title));
      if (t.name) tip.appendChild(el('div', 'cc-tip-name', t.name));
      var dl = el('dl');
      dl.appendChild(el('dt', '', 'type'));
      dl.appendChild(el('dd', '', t.type));
      t.props.forEach(function (kv) { dl.appendChild(el('dt', '', kv[0])); dl.appendChild(el('dd', '', kv[1])); });
      tip.appendChild(dl);
    }
    tip.hidden = false;
    var x = e.clientX + 14, y = e.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, e.clientX - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, e.clientY - h - 14);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  function hideTip() { tip.hidden = true; shown = -1; }
  Array.prototype.forEach.call(document.querySelectorAll('#cc-legend [data-type]'), function (li) {
    function mark(on) {
      var type = li.getAttribute('data-type');
      svg.classList.toggle('cc-dim', on);
      Array.prototype.forEach.call(svg.querySelectorAll('[data-type="' + CSS.escape(type) + '"]'), function (n) { n.classList.toggle('cc-hi', on); });
    }
    li.addEventListener('mouseenter', function () { mark(true); });
    li.addEventListener('mouseleave', function () { mark(false); });
    li.addEventListener('focus', function () { mark(true); });
    li.addEventListener('blur', function () { mark(false); });
  });
})();
`;

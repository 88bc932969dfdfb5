// The referral shortlist: kept in this browser only, shown as a printable contact sheet.
(function () {
  'use strict';
  var KEY = 'nestkaart.kortelijst';
  var PATHS = { service: 'services', organization: 'organizations', professional: 'professionals' };
  var PAGES = { service: 'aanbod', organization: 'organisatie', professional: 'hulpverlener' };

  function items() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || '[]'); } catch (e) { return []; }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function contactLines(d) {
    var lines = [];
    (d.locations || []).forEach(function (l) {
      (l.addresses || []).forEach(function (a) {
        lines.push([a.address_1, (a.postal_code || '') + ' ' + (a.city || '')].filter(Boolean).join(', '));
      });
    });
    (d.phones || []).forEach(function (p) { lines.push('Tel. ' + p.number); });
    if (d.email) { lines.push(d.email); }
    if (d.url || d.website) { lines.push(d.url || d.website); }
    return lines;
  }

  function render() {
    var list = document.getElementById('kortelijst');
    var status = document.getElementById('kortelijst-status');
    list.textContent = '';
    var all = items();
    status.textContent = all.length ? all.length + ' op je kortelijst' : 'Je kortelijst is leeg. Zet resultaten op je lijst vanuit het zoekscherm.';
    all.forEach(function (item) {
      var li = el('li', { 'class': 'sheet-item', 'data-id': item.id });
      var h = el('h2');
      h.appendChild(el('a', { href: '/' + (PAGES[item.kind] || 'aanbod') + '/' + encodeURIComponent(item.id) }, item.name));
      li.appendChild(h);
      var details = el('ul', { 'class': 'contact-list' });
      li.appendChild(details);
      var remove = el('button', { type: 'button', 'class': 'secondary no-print' }, 'Verwijder');
      remove.appendChild(el('span', { 'class': 'visually-hidden' }, ': ' + item.name));
      remove.addEventListener('click', function () {
        window.localStorage.setItem(KEY, JSON.stringify(items().filter(function (x) { return x.id !== item.id; })));
        render();
      });
      li.appendChild(remove);
      list.appendChild(li);
      fetch('/api/v1/' + (PATHS[item.kind] || 'services') + '/' + encodeURIComponent(item.id))
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d) { details.appendChild(el('li', {}, 'Niet meer beschikbaar.')); return; }
          if (d.organization) { details.appendChild(el('li', {}, d.organization.name)); }
          contactLines(d).forEach(function (line) { details.appendChild(el('li', {}, line)); });
        });
    });
  }

  document.getElementById('afdrukken').addEventListener('click', function () { window.print(); });
  document.getElementById('leegmaken').addEventListener('click', function () {
    window.localStorage.removeItem(KEY);
    render();
  });
  document.getElementById('kopieer').addEventListener('click', function () {
    var text = Array.prototype.map.call(document.querySelectorAll('.sheet-item'), function (li) {
      return li.querySelector('h2').textContent + '\n' + Array.prototype.map.call(li.querySelectorAll('.contact-list li'),
        function (x) { return '  ' + x.textContent; }).join('\n');
    }).join('\n\n');
    if (navigator.clipboard) {
      navigator.clipboard.writeText(text).then(function () {
        document.getElementById('kortelijst-status').textContent = 'Gekopieerd.';
      });
    }
  });
  render();
}());

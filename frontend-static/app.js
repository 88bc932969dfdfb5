// Nestkaart search page: the URL holds the whole state; results are built with textContent only.
(function () {
  'use strict';

  var PARENT_FACETS = ['problem', 'format', 'language', 'reimbursement'];
  var PROFESSIONAL_FACETS = ['problem', 'careline', 'module', 'intervention', 'target_group', 'phase', 'format',
    'access', 'reimbursement', 'language', 'organization_type', 'province'];
  var FACET_TITLES = {
    problem: 'Waarvoor', careline: 'Zorglijn', module: 'Zorgmodule', intervention: 'Interventie',
    target_group: 'Voor wie', phase: 'Wanneer', format: 'Vorm', access: 'Toegang', reimbursement: 'Kosten',
    language: 'Taal', organization_type: 'Soort organisatie', programme: 'Programma', province: 'Provincie'
  };
  var KINDS = { service: 'aanbod', organization: 'organisatie', professional: 'hulpverlener' };
  var SHORTLIST_KEY = 'nestkaart.kortelijst';
  var PAGE_SIZE = 10;

  var form = document.getElementById('zoekformulier');
  var q = document.getElementById('q');
  var plaats = document.getElementById('plaats');
  var straal = document.getElementById('straal');

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function state() {
    return new URLSearchParams(window.location.search);
  }

  function mode(params) {
    return params.get('modus') === 'professionals' ? 'professionals' : 'ouders';
  }

  function apiParams(params) {
    var api = new URLSearchParams();
    api.set('q', params.get('q') || '');
    api.set('limit', String(PAGE_SIZE));
    api.set('page', params.get('pagina') || '1');
    var near = (params.get('plaats') || '').trim();
    if (params.get('lat') && params.get('lon')) {
      api.set('lat', params.get('lat'));
      api.set('lon', params.get('lon'));
      api.set('radius_km', params.get('straal') || '25');
    } else if (near) {
      api.set('near', near);
      api.set('radius_km', params.get('straal') || '25');
    }
    Object.keys(FACET_TITLES).forEach(function (dim) {
      params.getAll(dim).forEach(function (v) { api.append(dim, v); });
    });
    if (params.get('wachttijd')) { api.set('max_waiting_weeks', params.get('wachttijd')); }
    if (params.get('volgorde') === 'afstand') { api.set('sort', 'distance'); }
    api.set('audience', mode(params) === 'professionals' ? 'professionals' : 'parents');
    return api;
  }

  function fillForm(params) {
    q.value = params.get('q') || '';
    plaats.value = params.get('plaats') || '';
    straal.value = params.get('straal') || '25';
    form.querySelectorAll('input[name=modus]').forEach(function (r) { r.checked = r.value === mode(params); });
  }

  function go(params, push) {
    var url = '/?' + params.toString();
    if (push) { window.history.pushState(null, '', url); }
    run(params);
  }

  function run(params) {
    fillForm(params);
    var hasQuery = params.get('q') || params.get('plaats') || params.get('lat') || params.get('wachttijd') ||
      Object.keys(FACET_TITLES).some(function (d) { return params.getAll(d).length; });
    if (!hasQuery) { return; }
    document.getElementById('aantal').textContent = 'Even zoeken…';
    fetch('/api/v1/search?' + apiParams(params).toString(), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { showError(res.body); return; }
        render(res.body, params);
      })
      .catch(function () {
        document.getElementById('aantal').textContent = 'De zoekdienst antwoordt niet. Probeer het zo dadelijk opnieuw.';
      });
  }

  // The API speaks English to programs; people get Dutch, per parameter that was refused.
  var ERRORS = {
    near: 'We kennen deze plaats niet. Geef een Belgische postcode of gemeente, bijvoorbeeld 9000 of Gent.',
    postcode: 'We kennen deze postcode niet. Geef een Belgische postcode van vier cijfers.',
    q: 'Je zoekopdracht is te lang of heeft te veel woorden. Probeer het korter.',
    radius_km: 'Kies een afstand tot 250 km.',
    sort: 'Dichtstbij eerst kan alleen als je een plaats opgeeft.'
  };

  function showError(problem) {
    var refused = (problem.invalid_params || []).map(function (p) { return ERRORS[p.name]; }).filter(Boolean);
    document.getElementById('aantal').textContent = refused.length ? refused.join(' ')
      : 'Zoeken lukte niet. Pas je zoekopdracht aan en probeer het opnieuw.';
  }

  function render(body, params) {
    var crisis = document.getElementById('crisis');
    crisis.hidden = !body.crisis;
    var urgent = document.getElementById('dringende-hulp');
    urgent.textContent = '';
    (body.urgent_help || []).forEach(function (u) {
      var item = el('li', {});
      var link = el('a', { href: '/aanbod/' + encodeURIComponent(u.id) }, u.name);
      item.appendChild(link);
      if (u.description) { item.appendChild(el('span', { 'class': 'urgent-text' }, ' – ' + u.description)); }
      urgent.appendChild(item);
    });
    if (body.crisis) {
      // Urgent help is the first thing on the screen and has the focus, on a phone too.
      crisis.scrollIntoView({ block: 'start' });
      crisis.focus({ preventScroll: true });
    }

    // An information page about the need the search recognised, above the results.
    var information = document.getElementById('informatie');
    var cards = document.getElementById('informatiekaarten');
    cards.textContent = '';
    (body.information || []).forEach(function (page) {
      var item = el('li', { 'class': 'information-card' });
      item.appendChild(el('a', { href: page.path }, page.title));
      item.appendChild(el('p', {}, page.summary));
      cards.appendChild(item);
    });
    information.hidden = !(body.information || []).length;

    var notes = document.getElementById('meldingen');
    notes.textContent = '';
    if (body.corrections && body.corrections.length) {
      notes.appendChild(el('p', { 'class': 'did-you-mean' }, 'We zochten ook naar: ' +
        body.corrections.map(function (c) { return c.to; }).join(', ') + ' (in plaats van ' +
        body.corrections.map(function (c) { return c.from; }).join(', ') + ').'));
    }
    var understood = (body.understood || []).map(function (u) { return u.label; });
    var place = body.location || {};
    if (place.locality) understood.push('in ' + place.locality);
    else if (place.province) understood.push('in provincie ' + place.province);
    else if (place.postcode) understood.push('rond ' + (place.municipality || place.postcode));
    if (understood.length) {
      notes.appendChild(el('p', { 'class': 'understood' }, 'We zochten naar: ' + understood.join(' · ')));
    }
    (body.widened || []).forEach(function (w) {
      var notice = el('p', { 'class': 'notice' }, w.message);
      var dropped = w.step.indexOf('filter:') === 0 ? w.step.substring(7) : null;
      if (dropped) {
        // A filter that empties the answer stays ticked; one click drops it.
        var pageParam = dropped === 'max_waiting_weeks' ? 'wachttijd' : dropped;
        var button = el('button', { type: 'button', 'class': 'secondary drop-filter' }, 'Filter weghalen');
        button.addEventListener('click', function () {
          var next = new URLSearchParams(params);
          next.delete(pageParam);
          next.delete('pagina');
          go(next, true);
        });
        notice.appendChild(document.createTextNode(' '));
        notice.appendChild(button);
      }
      notes.appendChild(notice);
    });

    document.getElementById('aantal').textContent = body.total === 1 ? '1 resultaat' : body.total + ' resultaten';
    // "Dichtstbij eerst" only means something near a place.
    var sorting = document.getElementById('sortering');
    sorting.hidden = !body.location && !params.get('plaats') && !params.get('lat');
    var order = document.getElementById('volgorde');
    order.value = params.get('volgorde') === 'afstand' ? 'afstand' : '';
    order.onchange = function () {
      var next = new URLSearchParams(params);
      if (order.value) { next.set('volgorde', order.value); } else { next.delete('volgorde'); }
      next.delete('pagina');
      go(next, true);
    };
    var list = document.getElementById('resultaten');
    list.textContent = '';
    facetLabels = labelsOf(body.facets || {});
    (body.results || []).forEach(function (r) { list.appendChild(resultItem(r)); });
    renderFacets(body.facets || {}, params);
    renderPaging(body, params);
  }

  function resultItem(r) {
    var li = el('li', { 'class': 'result' });
    var h = el('h3');
    var link = el('a', { href: '/' + (KINDS[r.kind] || 'aanbod') + '/' + encodeURIComponent(r.id) }, r.name);
    h.appendChild(link);
    li.appendChild(h);
    if (r.organization) { li.appendChild(el('p', { 'class': 'provider' }, r.organization.name)); }
    var where = (r.places || []).map(function (p) { return p.locality || p.municipality; }).filter(Boolean);
    var meta = [];
    if (where.length) { meta.push(where.slice(0, 2).join(', ')); }
    if (typeof r.distance_km === 'number') { meta.push(r.distance_km.toLocaleString('nl-BE') + ' km'); }
    // Whom the service serves besides its places: "heel Vlaanderen en Brussel", a province, zone or municipality.
    var areas = (r.areas || []).filter(function (a) { return a.key !== 'remote'; })
      .map(function (a) { return a.label; });
    if (areas.length) { meta.push('werkgebied: ' + areas.join(', ')); }
    if ((r.areas || []).some(function (a) { return a.key === 'remote'; })) { meta.push('ook telefonisch of online'); }
    if (meta.length) { li.appendChild(el('p', { 'class': 'meta' }, meta.join(' · '))); }
    // On a phone one tap calls: the number as a tel: link (digits and + only in the link, as written on screen).
    if ((r.phones || []).length) {
      var call = el('p', { 'class': 'phone' }, 'Tel. ');
      r.phones.forEach(function (number, i) {
        if (i > 0) { call.appendChild(document.createTextNode(' · ')); }
        call.appendChild(el('a', { href: 'tel:' + number.replace(/[^0-9+]/g, '') }, number));
      });
      li.appendChild(call);
    }
    if (r.snippet) { li.appendChild(snippet(r.snippet)); }
    li.appendChild(badges(r));
    li.appendChild(shortlistButton(r));
    return li;
  }

  // The server escapes the listing text and only adds <mark>; rebuild it as text nodes and mark elements.
  function snippet(html) {
    var p = el('p', { 'class': 'snippet' });
    var decoder = document.createElement('textarea');
    html.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === '<mark>') { return true; }
      if (part === '</mark>') { return false; }
      decoder.innerHTML = part;
      p.appendChild(inMark ? el('mark', {}, decoder.value) : document.createTextNode(decoder.value));
      return inMark;
    }, false);
    return p;
  }

  // The Dutch names of closed vocabularies (reimbursement, access, recognition) come with the facets of the answer,
  // so they are written once, on the server.
  var facetLabels = {};
  function labelsOf(facets) {
    var labels = {};
    Object.keys(facets).forEach(function (dimension) {
      (facets[dimension] || []).forEach(function (v) { labels[dimension + ':' + v.value] = v.label; });
    });
    return labels;
  }
  function labelOf(dimension, code) { return facetLabels[dimension + ':' + code] || code; }

  function ago(isoDay) {
    var days = Math.round((Date.now() - new Date(isoDay + 'T12:00:00').getTime()) / 86400000);
    if (days <= 0) { return 'vandaag'; }
    if (days === 1) { return 'gisteren'; }
    if (days < 14) { return days + ' dagen geleden'; }
    if (days < 70) { return Math.floor(days / 7) + ' weken geleden'; }
    var months = Math.floor(days / 30);
    return months + (months === 1 ? ' maand' : ' maanden') + ' geleden';
  }

  function badges(r) {
    var ul = el('ul', { 'class': 'badges', 'aria-label': 'Kenmerken' });
    var add = function (text, cls) { ul.appendChild(el('li', { 'class': 'badge ' + (cls || '') }, text)); };
    (r.reimbursement || []).forEach(function (x) {
      add(labelOf('reimbursement', x), 'cost');
    });
    var waiting = r.waiting_time;
    if (waiting) {
      // The server judges whether a report is too old; the card says how old it is.
      var when = waiting.reported_on ? ' (gemeld ' + ago(waiting.reported_on) + ')' : '';
      if (waiting.outdated) {
        add('wachttijd onbekend' + when, 'wait');
      } else if (typeof waiting.weeks === 'number') {
        add((waiting.weeks === 0 ? 'geen wachttijd' : 'wachttijd ' + waiting.weeks + ' wk') + when, 'wait');
      }
      if (!waiting.outdated && waiting.accepting_new) {
        add({ yes: 'neemt nieuwe aanmeldingen aan', waitlist: 'wachtlijst', no: 'geen nieuwe aanmeldingen' }[waiting.accepting_new]
          + (typeof waiting.weeks === 'number' ? '' : when), 'wait');
      }
    }
    if (typeof r.referral_required === 'boolean') {
      add(labelOf('access', r.referral_required ? 'referral' : 'direct'), 'access');
    }
    ((r.terms || {}).format || []).forEach(function (t) { add(t.label.toLowerCase(), 'format'); });
    ((r.terms || {}).careline || []).forEach(function (t) { add(t.label, 'line'); });
    if (r.recognition) { add(labelOf('recognition', r.recognition), 'recognition'); }
    var langs = (r.languages || []).filter(function (c) { return c !== 'nl'; });
    if (langs.length) { add('ook in: ' + langs.join(', '), 'language'); }
    return ul;
  }

  function shortlist() {
    try { return JSON.parse(window.localStorage.getItem(SHORTLIST_KEY) || '[]'); } catch (e) { return []; }
  }

  function saveShortlist(items) {
    window.localStorage.setItem(SHORTLIST_KEY, JSON.stringify(items));
    updateCounter();
  }

  function updateCounter() {
    var n = shortlist().length;
    var counter = document.getElementById('kortelijst-teller');
    if (counter) { counter.textContent = n ? '(' + n + ')' : ''; }
  }

  function shortlistButton(r) {
    var inList = shortlist().some(function (x) { return x.id === r.id; });
    var button = el('button', { type: 'button', 'class': 'secondary shortlist-toggle', 'aria-pressed': String(inList) },
      inList ? 'Op kortelijst' : 'Zet op kortelijst');
    button.appendChild(el('span', { 'class': 'visually-hidden' }, ': ' + r.name));
    button.addEventListener('click', function () {
      var items = shortlist();
      var present = items.some(function (x) { return x.id === r.id; });
      items = present ? items.filter(function (x) { return x.id !== r.id; })
        : items.concat([{ id: r.id, kind: r.kind, name: r.name }]);
      saveShortlist(items);
      button.setAttribute('aria-pressed', String(!present));
      button.firstChild.textContent = present ? 'Zet op kortelijst' : 'Op kortelijst';
    });
    return button;
  }

  function renderFacets(facets, params) {
    var box = document.getElementById('facetten');
    box.textContent = '';
    var dims = mode(params) === 'professionals' ? PROFESSIONAL_FACETS : PARENT_FACETS;
    dims.forEach(function (dim) {
      var values = (facets[dim] || []).filter(function (v) { return v.count > 0 || v.selected; });
      if (!values.length) { return; }
      var fs = el('fieldset', { 'class': 'facet' });
      fs.appendChild(el('legend', {}, FACET_TITLES[dim]));
      values.forEach(function (v) {
        var id = 'f-' + dim + '-' + v.value.replace(/[^a-zA-Z0-9_-]/g, '_');
        var wrap = el('div', { 'class': 'check' });
        var input = el('input', { type: 'checkbox', id: id, name: dim, value: v.value });
        input.checked = params.getAll(dim).indexOf(v.value) >= 0;
        input.addEventListener('change', function () {
          var next = new URLSearchParams(params);
          var current = next.getAll(dim).filter(function (x) { return x !== v.value; });
          next.delete(dim);
          current.forEach(function (x) { next.append(dim, x); });
          if (input.checked) { next.append(dim, v.value); }
          next.delete('pagina');
          go(next, true);
        });
        wrap.appendChild(input);
        wrap.appendChild(el('label', { 'for': id }, v.label + ' (' + v.count + ')'));
        fs.appendChild(wrap);
      });
      box.appendChild(fs);
    });
    if (mode(params) === 'professionals') { box.appendChild(waitingFilter(params)); }
    document.getElementById('filters').hidden = !box.childNodes.length;
  }

  // Professionals can ask for a short waiting time; listings without a reported waiting time drop out.
  function waitingFilter(params) {
    var fs = el('fieldset', { 'class': 'facet' });
    fs.appendChild(el('legend', {}, 'Wachttijd'));
    [['', 'alle'], ['0', 'geen wachttijd'], ['2', 'hoogstens 2 weken'], ['4', 'hoogstens 4 weken'],
      ['8', 'hoogstens 8 weken']].forEach(function (option) {
      var id = 'f-wachttijd-' + (option[0] || 'alle');
      var wrap = el('div', { 'class': 'check' });
      var input = el('input', { type: 'radio', id: id, name: 'wachttijd', value: option[0] });
      input.checked = (params.get('wachttijd') || '') === option[0];
      input.addEventListener('change', function () {
        var next = new URLSearchParams(params);
        if (option[0]) { next.set('wachttijd', option[0]); } else { next.delete('wachttijd'); }
        next.delete('pagina');
        go(next, true);
      });
      wrap.appendChild(input);
      wrap.appendChild(el('label', { 'for': id }, option[1]));
      fs.appendChild(wrap);
    });
    return fs;
  }

  function renderPaging(body, params) {
    var nav = document.getElementById('paginering');
    nav.textContent = '';
    var page = body.page || 1;
    var pages = Math.ceil((body.total || 0) / PAGE_SIZE);
    if (pages <= 1) { return; }
    [[page - 1, 'Vorige'], [page + 1, 'Volgende']].forEach(function (p) {
      if (p[0] < 1 || p[0] > pages) { return; }
      var next = new URLSearchParams(params);
      next.set('pagina', String(p[0]));
      var a = el('a', { href: '/?' + next.toString() }, p[1]);
      a.addEventListener('click', function (e) { e.preventDefault(); go(next, true); window.scrollTo(0, 0); });
      nav.appendChild(a);
    });
    nav.appendChild(el('span', {}, ' pagina ' + page + ' van ' + pages));
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var current = state();
    var next = new URLSearchParams();
    if (q.value.trim()) { next.set('q', q.value.trim()); }
    if (plaats.value.trim()) { next.set('plaats', plaats.value.trim()); }
    else if (current.get('lat') && current.get('lon')) { next.set('lat', current.get('lat')); next.set('lon', current.get('lon')); }
    next.set('straal', straal.value);
    var m = form.querySelector('input[name=modus]:checked');
    if (m && m.value === 'professionals') { next.set('modus', 'professionals'); }
    go(next, true);
  });

  form.querySelectorAll('input[name=modus]').forEach(function (radio) {
    radio.addEventListener('change', function () {
      var next = state();
      if (radio.value === 'professionals') { next.set('modus', 'professionals'); } else { next.delete('modus'); }
      go(next, true);
    });
  });

  document.getElementById('mijn-locatie').addEventListener('click', function () {
    if (!navigator.geolocation) { return; }
    navigator.geolocation.getCurrentPosition(function (pos) {
      var next = state();
      next.delete('plaats');
      next.set('lat', pos.coords.latitude.toFixed(4));
      next.set('lon', pos.coords.longitude.toFixed(4));
      go(next, true);
    });
  });

  var suggestTimer = null;
  q.addEventListener('input', function () {
    window.clearTimeout(suggestTimer);
    var text = q.value.trim();
    if (text.length < 2) { return; }
    suggestTimer = window.setTimeout(function () {
      fetch('/api/v1/suggest?q=' + encodeURIComponent(text)).then(function (r) { return r.json(); }).then(function (items) {
        var list = document.getElementById('suggesties');
        list.textContent = '';
        items.forEach(function (s) { list.appendChild(el('option', { value: s.text })); });
      }).catch(function () { /* autocomplete is a convenience */ });
    }, 150);
  });

  window.addEventListener('popstate', function () { run(state()); });
  updateCounter();
  run(state());
}());

'use strict';
// The course catalogue: the shared search engine with kind=course; the URL holds the whole state.
(function () {
  const FACETS = { course_kind: 'Soort', level: 'Niveau', course_format: 'Vorm', course_status: 'Status',
    accredited: 'Accreditatie', upcoming: 'Sessies', profession: 'Voor beroep', province: 'Provincie' };
  const form = document.getElementById('opleidingen-zoeken');
  const list = document.getElementById('resultaten');

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : v); });
    children.flat().forEach(c => { if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return node;
  }

  async function load() {
    const params = new URLSearchParams(location.search);
    form.elements.q.value = params.get('q') || '';
    form.elements.near.value = params.get('near') || '';
    const query = new URLSearchParams(params);
    query.set('kind', 'course');
    query.set('limit', '50');
    const response = await fetch('/api/v1/search?' + query.toString(), { headers: { Accept: 'application/json' } });
    const body = await response.json();
    const notices = document.getElementById('meldingen');
    notices.replaceChildren();
    if (!response.ok) {
      notices.append(el('p', { class: 'notice error' }, body.detail || 'Er ging iets mis.'));
      return;
    }
    (body.widened || []).forEach(w => notices.append(el('p', { class: 'notice' }, w.message)));
    document.getElementById('aantal').textContent = body.total === 1 ? '1 opleiding' : body.total + ' opleidingen';
    list.replaceChildren(...body.results.map(card));
    renderFacets(body.facets || {}, params);
  }

  function card(r) {
    const facts = [
      { basis: 'Basis', gespecialiseerd: 'Gespecialiseerd' }[r.level],
      { online: 'Online', blended: 'Blended', klassikaal: 'Klassikaal' }[r.course_format],
      { intervision: 'Intervisie', supervision: 'Supervisie' }[r.course_kind],
      { pilot: 'Pilootproject', planned: 'Gepland' }[r.course_status],
      r.accredited === 'ja' ? 'Geaccrediteerd' : null,
      r.upcoming === 'ja' ? 'Sessie gepland' : 'Geen sessie gepland'
    ].filter(Boolean);
    return el('li', { class: 'result' },
      el('h3', {}, el('a', { href: '/opleiding/' + encodeURIComponent(r.id) }, r.name)),
      r.organization ? el('p', { class: 'meta' }, r.organization.name) : null,
      r.description ? el('p', { class: 'snippet' }, r.description.length > 220 ? r.description.slice(0, 220) + '…' : r.description) : null,
      el('ul', { class: 'badges', 'aria-label': 'Kenmerken' }, facts.map(f => el('li', { class: 'badge' }, f))));
  }

  function renderFacets(facets, params) {
    const holder = document.getElementById('facetten');
    holder.replaceChildren();
    Object.entries(FACETS).forEach(([dimension, title]) => {
      const values = facets[dimension] || [];
      if (!values.length) return;
      holder.append(el('fieldset', { class: 'facet' }, el('legend', {}, title), values.map(v => {
        const id = 'f-' + dimension + '-' + v.value;
        const box = el('input', { type: 'checkbox', id, name: dimension, value: v.value, checked: v.selected });
        box.addEventListener('change', () => {
          const next = new URLSearchParams(location.search);
          const chosen = next.getAll(dimension).filter(x => x !== v.value);
          next.delete(dimension);
          (box.checked ? chosen.concat(v.value) : chosen).forEach(x => next.append(dimension, x));
          history.pushState(null, '', '/opleidingen?' + next.toString());
          load();
        });
        return el('div', { class: 'check' }, box, el('label', { for: id }, v.label + ' (' + v.count + ')'));
      })));
    });
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams(location.search);
    ['q', 'near'].forEach(name => {
      const value = form.elements[name].value.trim();
      if (value) next.set(name, value); else next.delete(name);
    });
    history.pushState(null, '', '/opleidingen?' + next.toString());
    load();
  });
  window.addEventListener('popstate', load);
  load();
}());

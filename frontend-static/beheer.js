'use strict';
// Editor pages (/redactie) and the professional's own profile (/mijn-profiel), over the JSON API.
// All listing text is put into the page as text nodes (never as HTML), so stored markup stays inert.
(function () {
  const view = document.getElementById('weergave');
  const statusLine = document.getElementById('status');
  const app = document.body.dataset.app;
  let me = null;
  let kinds = [];
  // Service areas by key ("province=Antwerpen" → "provincie Antwerpen"), loaded once for the werkgebied field.
  let areaLabels = new Map();
  const areasLoaded = fetch('/api/v1/service-areas', { headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : []).then(list => { areaLabels = new Map(list.map(a => [a.key, a.label])); })
    .catch(() => {});

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  async function api(method, path, body) {
    const options = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (method !== 'GET') options.headers['X-CSRF-Token'] = me ? me.csrf_token : '';
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    if (response.status === 401) {
      location.href = '/inloggen?terug=' + encodeURIComponent(location.pathname);
      throw new Error('Je bent afgemeld.');
    }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(problemText(data, response.status));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function problemText(problem, status) {
    if (!problem) return 'Er ging iets mis (' + status + ').';
    let text = problem.detail || problem.title || ('Fout ' + status);
    if (problem.invalid_params) text += ' — ' + problem.invalid_params.map(p => label(p.name) + ': ' + p.reason).join('; ');
    return text;
  }

  function say(text, error) {
    statusLine.hidden = false;
    statusLine.textContent = text;
    statusLine.classList.toggle('error', Boolean(error));
  }

  function show(...nodes) {
    view.replaceChildren(...nodes.flat(Infinity).filter(n => n !== null && n !== undefined));
    const heading = view.querySelector('h1');
    if (heading) document.title = heading.textContent + ' – Nestkaart';
  }

  async function attempt(work, done) {
    try {
      const result = await work();
      if (done) say(done);
      return result;
    } catch (e) {
      say(e.message, true);
      return undefined;
    }
  }

  const date = value => value ? new Date(value).toLocaleString('nl-BE') : '—';
  const shown = value => value === null || value === undefined || value === '' ? '—'
    : Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value);
  const titleOf = fields => fields ? (fields.name || fields.title || [fields.given_name, fields.family_name].filter(Boolean).join(' ') || '(zonder naam)') : '(nieuw)';
  const fieldNames = {
    summary: 'Samenvatting', learning_goals: 'Leerdoelen', level: 'Niveau', format: 'Vorm', hours: 'Uren',
    counts_as: 'Telt als', accreditation_body: 'Accreditatie door', accreditation_points: 'Accreditatiepunten',
    accreditation_reference: 'Accreditatienummer', accreditation_valid_until: 'Accreditatie geldig tot',
    provider_organization_id: 'Organisator (organisatie)', provider_name: 'Organisator (naam)',
    price_eur: 'Prijs (euro)', price_note: 'Prijs (toelichting)', language: 'Taal', prerequisites: 'Voorkennis',
    name: 'Naam', alternate_name: 'Andere naam', description: 'Beschrijving', email: 'E-mail', website: 'Website',
    url: 'Website', organization_id: 'Organisatie', transportation: 'Bereikbaarheid', latitude: 'Breedtegraad',
    longitude: 'Lengtegraad', status: 'Status', application_process: 'Aanmelden', eligibility_description: 'Voor wie',
    fees_description: 'Kosten', waiting_weeks: 'Wachttijd (weken)', waiting_reported_on: 'Wachttijd gemeld op',
    referral_required: 'Verwijzing nodig', given_name: 'Voornaam', family_name: 'Familienaam',
    consent_public: 'Toestemming voor een openbaar profiel', phrase: 'Zoekwoord (zoals mensen het typen)',
    taxonomy_term_id: 'Betekent (taxonomieterm)', service_areas: 'Werkgebied', note: 'Toelichting', taxonomy_term_ids: 'Kenmerken (taxonomie)',
    phones: 'Telefoonnummers', number: 'Nummer', extension: 'Toestel', type: 'Soort', addresses: 'Adressen',
    address_1: 'Straat en nummer', address_2: 'Adresregel 2', postal_code: 'Postcode', city: 'Gemeente',
    address_type: 'Soort adres', schedules: 'Openingsuren', byday: 'Dagen (ma, di, wo, …)', opens_at: 'Van',
    closes_at: 'Tot', languages: 'Talen', code: 'Taalcode (nl, fr, en, …)', cost_options: 'Kosten',
    option_text: 'Omschrijving', amount: 'Bedrag (euro)', reimbursement: 'Terugbetaling',
    amount_description: 'Toelichting bij het bedrag', contacts: 'Contactpersonen', title: 'Functie',
    department: 'Dienst', location_ids: 'Locaties waar het aanbod doorgaat', version: 'Versie',
    accepting_new: 'Neemt nieuwe aanmeldingen aan', referral_route: 'Toegang (rechtstreeks, via huisarts, via hulpverlener)',
    age_min_months: 'Leeftijd van het kind vanaf (maanden)', age_max_months: 'Leeftijd van het kind tot (maanden)',
    offer_status: 'Soort aanbod (bestaand, pilootproject, aanbevolen)',
    sociale_kaart_id: 'Nummer in de Sociale Kaart', slug: 'Adres van de pagina (…/informatie/…)',
    'page.title': 'Titel', 'page.summary': 'Samenvatting (één of twee zinnen)',
    'page.body': 'Tekst (Markdown: ## tussentitel, - opsomming, [tekst](https://…))',
    search_text: 'Zoekopdracht achter de knop "Zoek hulp in je buurt"', sources: 'Bronnen',
    'page.taxonomy_term_ids': 'Noden waarbij de zoekfunctie deze pagina toont (taxonomie)',
    course_status: 'Status (bestaand, pilootproject, gepland)', follow_up_course_id: 'Vervolg: intervisie of opleiding hierna',
    co_organizers: 'Mede-organisatoren', goals: 'Leerdoelen per beroep', 'course_goal.profession_term_id': 'Beroep',
    'course_goal.goal': 'Leerdoel', downloads: 'Handvatten (A4, om te downloaden)', 'course_download.title': 'Titel',
    'course_download.url': 'Adres van het bestand', 'course_download.description': 'Korte uitleg',
    lessons: 'Lessen (online leermateriaal van het netwerk)', 'course_lesson.title': 'Titel van de les',
    'course_lesson.body': 'Tekst (Markdown)', 'course_lesson.video_url': 'Video (adres op youtube-nocookie.com of player.vimeo.com)',
    questions: 'Toets: vragen bij de leerdoelen', 'course_question.question': 'Vraag', 'course_question.right_answer': 'Juiste antwoord',
    'course_question.wrong_answers': 'Foute antwoorden (één per regel)', 'course_question.explanation': 'Uitleg na de toets'
  };
  const evidenceKinds = { basic_education: 'Basisopleiding', continuing_education: 'Voortgezette opleiding', intervision: 'Intervisie',
    supervision: 'Supervisie', liability_insurance: 'Beroepsaansprakelijkheidsverzekering', association_membership: 'Lid van een beroepsvereniging',
    clinical_experience: 'Klinische ervaring in P.I.M.H.', lived_experience: 'Ervaringsdeskundigheid (telt enkel mee naast klinische ervaring)',
    quality_label: 'Kwaliteitslabel' };
  const personKinds = ['basic_education', 'continuing_education', 'intervision', 'supervision', 'liability_insurance',
    'association_membership', 'clinical_experience', 'lived_experience'];
  const levelNames = { basiszorgverlener: 'Perinatale mentale basiszorgverlener', gespecialiseerd: 'Gespecialiseerde perinatale hulpverlener' };
  const fileStates = { open: 'bij de commissie', more_info: 'wacht op aanvulling van de hulpverlener', approved: 'goedgekeurd', rejected: 'afgewezen' };
  const eventNames = { opened: 'dossier geopend', vote: 'stem', more_info: 'meer informatie gevraagd', answered: 'aangevuld door de hulpverlener',
    approved: 'goedgekeurd', rejected: 'afgewezen' };
  const label = (field, kindName) => fieldNames[kindName + '.' + field] || fieldNames[field] || field;
  let criteria = {};
  const kindNames = { organization: 'Organisatie', location: 'Locatie', service: 'Aanbod', professional: 'Hulpverlener', course: 'Opleiding', search_term: 'Zoekwoord', page: 'Informatiepagina' };
  const statusNames = { draft: 'concept', in_review: 'te beoordelen', published: 'gepubliceerd', rejected: 'afgewezen', withdrawn: 'ingetrokken', archived: 'gearchiveerd' };

  function table(headers, rows) {
    return h('table', {}, h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length }, 'Niets te tonen.'))));
  }

  let fieldCounter = 0;
  function fieldInputs(kind, values) {
    return (kind.fields || []).map(spec => {
      const id = 'veld-' + (++fieldCounter);
      const value = values ? values[spec.name] : null;
      if (spec.type === 'AREAS') return areasInput(id, spec, value || []);
      if (spec.type === 'ROWS') return rowsInput(spec, value || []);
      if (spec.type === 'TERMS' || spec.type === 'LINKS') return pickedList(id, spec, value || [], kind.name);
      const input = scalarInput(id, spec, value);
      input.name = spec.name;
      input.dataset.type = spec.type;
      return [h('label', { for: id }, label(spec.name, kind.name) + (spec.required ? ' *' : '')), input, input.pickerList || null];
    });
  }

  function scalarInput(id, spec, value) {
    if (spec.type === 'LONG_TEXT') return h('textarea', { id, rows: spec.name === 'body' ? 16 : 4 }, value || '');
    if (spec.type === 'BOOLEAN' || spec.type === 'CHOICE') {
      const options = spec.type === 'BOOLEAN' ? [['', 'onbekend'], ['true', 'ja'], ['false', 'nee']]
        : (spec.required ? [] : [['', '—']]).concat((spec.allowed || []).slice().sort().map(a => [a, a]));
      return h('select', { id }, options.map(([v, text]) =>
        h('option', { value: v, selected: String(value ?? '') === v }, text)));
    }
    if (spec.type === 'REFERENCE') return pickerInput(id, spec.references, value);
    const type = { DATE: 'date', EMAIL: 'email', URL: 'url', PHONE: 'tel', TIME: 'time' }[spec.type] || 'text';
    return h('input', { id, type, value: value ?? '',
      inputmode: spec.type === 'INTEGER' || spec.type === 'DECIMAL' ? 'decimal' : null });
  }

  // A picked item reads "name [id]": the editor searches by name, the API receives the id.
  const idOf = text => { const m = /\[([^\]]+)\]\s*$/.exec(text); return (m ? m[1] : text).trim(); };
  function pickerInput(id, table, value) {
    const listId = id + '-keuzes';
    const input = h('input', { id, type: 'text', list: listId, autocomplete: 'off', value: value ? '[' + value + ']' : '' });
    const choices = h('datalist', { id: listId });
    const offer = async text => {
      const found = await api('GET', '/api/v1/editor/choices/' + table + '?q=' + encodeURIComponent(text)).catch(() => []);
      choices.replaceChildren(...found.map(c => h('option', { value: c.label + ' [' + c.id + ']' })));
      return found;
    };
    input.addEventListener('input', () => { if (input.value.trim().length >= 2 && !/\]$/.test(input.value)) offer(input.value.trim()); });
    if (value) offer(value).then(found => { const c = found.find(x => x.id === value); if (c && input.value === '[' + value + ']') input.value = c.label + ' [' + c.id + ']'; });
    input.pickerList = choices; // the caller puts the list next to the input
    return input;
  }

  // Terms or linked listings: one per line ("name [id]"), added by searching below.
  function pickedList(id, spec, ids, kindName) {
    const table = spec.type === 'TERMS' ? 'taxonomy_term' : spec.references;
    const input = h('textarea', { id, name: spec.name, rows: Math.min(8, Math.max(2, ids.length + 1)) },
      ids.map(x => '[' + x + ']').join('\n'));
    input.dataset.type = spec.type;
    ids.forEach(x => api('GET', '/api/v1/editor/choices/' + table + '?q=' + encodeURIComponent(x)).then(found => {
      const c = found.find(f => f.id === x);
      if (c) input.value = input.value.split('\n').map(l => l === '[' + x + ']' ? c.label + ' [' + x + ']' : l).join('\n');
    }).catch(() => {}));
    const adder = pickerInput(id + '-nieuw', table, null);
    adder.addEventListener('change', () => {
      if (!/\]$/.test(adder.value)) return;
      input.value = (input.value.trim() ? input.value.trim() + '\n' : '') + adder.value;
      adder.value = '';
    });
    return [h('label', { for: id }, label(spec.name, kindName)), input,
      h('label', { for: id + '-nieuw' }, 'Zoeken en toevoegen'), adder, adder.pickerList];
  }

  // Rows of a child table (phones, addresses, hours, …): one line of inputs per row; a row keeps its id.
  function rowsInput(spec, rows) {
    const box = h('fieldset', { class: 'rows', 'data-type': 'ROWS', 'data-name': spec.name }, h('legend', {}, label(spec.name)));
    const list = h('div', {});
    const addRow = values => {
      const row = h('div', { class: 'row' });
      row.dataset.rowId = values && values.id ? values.id : '';
      for (const column of spec.columns) {
        const cid = 'veld-' + (++fieldCounter);
        const input = scalarInput(cid, column, values ? values[column.name] : null);
        input.dataset.column = column.name;
        row.append(h('span', { class: 'cell' }, h('label', { for: cid }, (fieldNames[spec.references + '.' + column.name] || label(column.name)) + (column.required ? ' *' : '')),
          input, input.pickerList || null));
      }
      row.append(h('button', { type: 'button', class: 'secondary', onclick: () => row.remove() }, 'Regel weg'));
      list.append(row);
    };
    rows.forEach(addRow);
    box.append(list, h('button', { type: 'button', class: 'secondary', onclick: () => addRow(null) },
      label(spec.name) + ': regel toevoegen'));
    return box;
  }

  // One area per line, by its Dutch name; the list below offers every province, zone and municipality.
  function areasInput(id, spec, keys) {
    const listId = id + '-keuzes';
    const named = () => keys.map(k => areaLabels.get(k) || k.replace(/^other=/, '')).join('\n');
    const input = h('textarea', { id, name: spec.name, rows: 3, 'aria-describedby': id + '-uitleg' }, named());
    input.dataset.type = spec.type;
    const choices = h('datalist', { id: listId });
    // The names arrive once; a form drawn before them gets them as soon as they are there.
    areasLoaded.then(() => {
      if (input.value === input.defaultValue) { input.value = named(); }
      choices.replaceChildren(...[...areaLabels.values()].map(l => h('option', { value: l })));
    });
    const adder = h('input', { id: id + '-nieuw', type: 'text', list: listId, autocomplete: 'off' });
    adder.addEventListener('change', () => {
      const chosen = adder.value.trim();
      if (!chosen) return;
      input.value = (input.value.trim() ? input.value.trim() + '\n' : '') + chosen;
      adder.value = '';
    });
    return [h('label', { for: id }, label(spec.name)), input,
      h('p', { id: id + '-uitleg', class: 'hint' }, 'Eén per regel: heel Vlaanderen en Brussel, telefonisch of online, '
        + 'een provincie, eerstelijnszone of gemeente. Leeg: enkel de eigen locaties.'),
      h('label', { for: id + '-nieuw' }, 'Werkgebied toevoegen'), adder, choices];
  }

  function readFields(form) {
    const fields = {};
    for (const input of form.querySelectorAll('[data-type]')) {
      const type = input.dataset.type;
      if (type === 'ROWS') {
        fields[input.dataset.name] = [...input.querySelectorAll('.row')].map(row => {
          const values = { id: row.dataset.rowId || null };
          row.querySelectorAll('[data-column]').forEach(cell => { values[cell.dataset.column] = cellValue(cell); });
          return values;
        });
        continue;
      }
      const raw = input.value.trim();
      fields[input.name] = type === 'TERMS' || type === 'LINKS' ? raw.split('\n').map(x => idOf(x)).filter(Boolean)
        : type === 'AREAS' ? raw.split('\n').map(x => x.trim()).filter(Boolean)
        : type === 'REFERENCE' ? (raw === '' ? null : idOf(raw))
        : type === 'BOOLEAN' ? (raw === '' ? null : raw === 'true') : raw === '' ? null : raw;
    }
    return fields;
  }

  function cellValue(cell) {
    const raw = cell.value.trim();
    return raw === '' ? null : cell.list ? idOf(raw) : raw;
  }

  function reasonField(label, required) {
    const id = 'reden-' + (++fieldCounter);
    return [h('label', { for: id }, label), h('textarea', { id, name: 'reason', rows: 2, required })];
  }

  // The API leaves out empty lists and maps, so every list below is read with a default.

  // ---- Editor views -------------------------------------------------------------------------------------
  // What happened lately to the expert commission's files (the editors follow them; the commission decides).
  function committeeEvents(events, link) {
    if (!events.length) return null;
    return h('section', { class: 'notice', 'aria-labelledby': 'meldingen-commissie' }, h('h2', { id: 'meldingen-commissie' }, 'Meldingen van de commissie'),
      h('ul', {}, events.map(e => h('li', {}, date(e.at) + ' — ', link ? h('a', { href: link(e.file_id) }, 'dossier #' + e.file_id) : 'dossier #' + e.file_id,
        ': ' + (eventNames[e.kind] || e.kind) + ' (' + e.actor + ')' + (e.note ? ': ' + e.note : '')))));
  }

  async function changeQueue(status, heading) {
    const [changes, events] = await Promise.all([api('GET', '/api/v1/editor/changes?status=' + status),
      status === 'in_review' ? api('GET', '/api/v1/editor/committee-events?limit=5') : []]);
    show(h('h1', {}, heading), committeeEvents(events, id => '#/commissie'), table(['Nr.', 'Soort', 'Naam', 'Wijziging', 'Reden', 'Bijgewerkt'], changes.map(c =>
      h('tr', {}, h('td', {}, h('a', { href: '#/wijziging/' + c.id }, '#' + c.id)), h('td', {}, kindNames[c.entity_type]),
        h('td', {}, titleOf(c.proposed)), h('td', {}, c.operation === 'create' ? 'nieuw' : 'aanpassing'),
        h('td', {}, c.reason), h('td', {}, date(c.updated_at))))));
  }

  async function changeView(id) {
    const change = await api('GET', '/api/v1/editor/changes/' + id);
    const kind = kinds.find(k => k.name === change.entity_type);
    const diffRows = Object.entries(change.diff || {}).map(([field, d]) =>
      h('tr', {}, h('th', { scope: 'row' }, label(field)), h('td', {}, shown(d.from)), h('td', {}, shown(d.to))));
    const open = change.status === 'draft' || change.status === 'in_review';
    const editForm = h('form', { class: 'stacked', onsubmit: async e => {
      e.preventDefault();
      const reason = e.target.querySelector('[name=reason]').value;
      if (await attempt(() => api('PUT', '/api/v1/editor/changes/' + id, { fields: readFields(e.target), reason }), 'Opgeslagen.')) changeView(id);
    } }, h('h2', {}, 'Voorstel bewerken'), fieldInputs(kind, change.proposed),
      reasonField('Waarom deze aanpassing? (leeg laten = reden behouden)', false), h('button', { type: 'submit' }, 'Opslaan'));
    const decision = h('form', { class: 'stacked', onsubmit: e => e.preventDefault() },
      h('h2', {}, 'Beslissen'), reasonField('Toelichting (verplicht bij afwijzen)', false),
      h('div', { class: 'actions' },
        change.status === 'draft' ? h('button', { type: 'button', onclick: () => step('submit') }, 'Indienen ter beoordeling') : null,
        change.status === 'in_review' ? h('button', { type: 'button', onclick: () => step('approve') }, 'Publiceren (tweede redacteur)') : null,
        h('button', { type: 'button', class: 'secondary', onclick: () => step('reject') }, 'Afwijzen'),
        (change.authors || []).includes(me.id) ? h('button', { type: 'button', class: 'secondary', onclick: () => step('withdraw') }, 'Intrekken') : null));
    // An approval names the version on screen: a change edited since is refused (409) and shown anew.
    async function step(action) {
      const reason = decision.querySelector('[name=reason]').value;
      const body = action === 'approve' ? { reason, version: change.version } : { reason };
      try {
        await api('POST', '/api/v1/editor/changes/' + id + '/' + action, body);
        say('Gedaan.');
        changeView(id);
      } catch (e) {
        if (e.status === 409 && action === 'approve') await changeView(id);
        say(e.message, true);
      }
    }
    show(h('h1', {}, 'Wijziging #' + change.id + ': ' + titleOf(change.proposed)),
      h('p', {}, kindNames[change.entity_type] + ' · ' + (statusNames[change.status] || change.status) + ' · ',
        h('a', { href: '#/item/' + change.entity_type + '/' + change.entity_id }, 'item en geschiedenis')),
      h('p', {}, 'Reden: ', change.reason, ' · versie ' + change.version),
      change.decision_reason ? h('p', {}, 'Beslissing: ', change.decision_reason) : null,
      h('h2', {}, 'Verschil met de gepubliceerde versie'), table(['Veld', 'Nu', 'Voorstel'], diffRows),
      open ? decision : null, open ? editForm : null);
  }

  async function listingView(type, id) {
    const listing = await api('GET', '/api/v1/editor/listings/' + type + '/' + id);
    const kind = kinds.find(k => k.name === type);
    const live = listing.live;
    const rows = live ? Object.entries(live.fields).map(([f, v]) => h('tr', {}, h('th', { scope: 'row' }, label(f, type)), h('td', {}, shown(v)))) : [];
    const history = (listing.history || []).map(r => h('tr', {}, h('td', {}, date(r.created_at)), h('td', {}, r.actor), h('td', {}, r.action),
      h('td', {}, r.reason || ''), h('td', {}, r.changes ? Object.entries(r.changes).map(([f, d]) =>
        h('div', {}, label(f) + ': ' + shown(d && d.from) + ' → ' + shown(d && d.to))) : '')));
    const newChange = h('form', { class: 'stacked', onsubmit: async e => {
      e.preventDefault();
      const reason = e.target.querySelector('[name=reason]').value;
      const change = await attempt(() => api('POST', '/api/v1/editor/listings/' + type + '/' + id + '/changes', { fields: readFields(e.target), reason }));
      if (change) location.hash = '#/wijziging/' + change.id;
    } }, h('h2', {}, 'Nieuwe wijziging'), fieldInputs(kind, live && live.fields), reasonField('Waarom? *', true),
      h('button', { type: 'submit' }, 'Concept opslaan'));
    const actions = h('form', { class: 'stacked', onsubmit: e => e.preventDefault() }, h('h2', {}, 'Controle en archief'),
      reasonField('Toelichting (verplicht bij archiveren)', false), h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => post('verify', 'Gemarkeerd als gecontroleerd.') }, 'Gecontroleerd: klopt nog'),
        live && live.status === 'published' ? h('button', { type: 'button', class: 'secondary', onclick: () => post('archive', 'Gearchiveerd.') }, 'Archiveren') : null));
    async function post(action, done) {
      const reason = actions.querySelector('[name=reason]').value;
      if (await attempt(() => api('POST', '/api/v1/editor/listings/' + type + '/' + id + '/' + action, { reason }), done)) listingView(type, id);
    }
    show(h('h1', {}, kindNames[type] + ': ' + titleOf(live && live.fields)),
      h('p', {}, 'Status: ' + (live ? statusNames[live.status] || live.status : 'nog niet gepubliceerd') +
        ' · laatst gecontroleerd: ' + date(live && live.verified_at)),
      type === 'professional' ? h('p', {}, h('a', { href: '#/kwaliteit/' + id }, 'Bewijsstukken en erkenning')) : null,
      type === 'organization' ? h('p', {}, h('a', { href: '#/labels/' + id }, 'Kwaliteitslabels')) : null,
      type === 'course' && live ? h('p', {}, h('a', { href: '#/sessies/' + id }, 'Sessies, plaatsen en voltooiingen')) : null,
      table(['Veld', 'Waarde'], rows), live ? actions : null, live ? newChange : null,
      h('h2', {}, 'Wijzigingen'), table(['Nr.', 'Status', 'Reden'], (listing.changes || []).map(c => h('tr', {},
        h('td', {}, h('a', { href: '#/wijziging/' + c.id }, '#' + c.id)), h('td', {}, statusNames[c.status] || c.status), h('td', {}, c.reason)))),
      h('h2', {}, 'Geschiedenis'), table(['Wanneer', 'Wie', 'Wat', 'Waarom', 'Velden'], history));
  }

  async function suggestionsView() {
    const list = await api('GET', '/api/v1/editor/suggestions');
    const factNames = { phone: 'Telefoonnummer', address: 'Adres', hours: 'Openingsuren', waiting_time: 'Wachttijd',
      closed: 'Gesloten', other: 'Iets anders' };
    show(h('h1', {}, 'Meldingen van bezoekers'), table(['Nr.', 'Item', 'Wat klopt niet', 'Melding', 'Ontvangen', 'Beslissing'], list.map(s => {
      const id = 'melding-reden-' + s.id;
      return h('tr', {}, h('td', {}, '#' + s.id),
        h('td', {}, h('a', { href: '#/item/' + s.listing_type + '/' + s.listing_id }, kindNames[s.listing_type] || s.listing_type)),
        h('td', {}, (factNames[s.fact] || '—') + (s.proposed_value ? ' → ' + s.proposed_value : '')),
        h('td', {}, s.message), h('td', {}, date(s.created_at)),
        h('td', {}, h('button', { type: 'button', onclick: async () => {
          const change = await attempt(() => api('POST', '/api/v1/editor/suggestions/' + s.id + '/accept', {}));
          if (change) location.hash = '#/wijziging/' + change.id;
        } }, 'Aanvaarden: concept openen'),
        h('label', { for: id }, 'Reden van afwijzing'), h('input', { id, type: 'text' }),
        h('button', { type: 'button', class: 'secondary', onclick: async () => {
          if (await attempt(() => api('POST', '/api/v1/editor/suggestions/' + s.id + '/reject', { reason: document.getElementById(id).value }), 'Afgewezen.')) suggestionsView();
        } }, 'Afwijzen')));
    })));
  }

  async function staleView() {
    const list = await api('GET', '/api/v1/editor/stale');
    show(h('h1', {}, 'Na te kijken: langer dan 12 maanden niet gecontroleerd of een verouderde wachttijd'),
      table(['Soort', 'Naam', 'Waarom', 'Laatst gecontroleerd'], list.map(s =>
        h('tr', {}, h('td', {}, kindNames[s.entity_type]), h('td', {}, h('a', { href: '#/item/' + s.entity_type + '/' + s.entity_id }, s.name)),
          h('td', {}, s.why === 'availability' ? 'wachttijd te lang geleden gemeld' : 'niet gecontroleerd'),
          h('td', {}, date(s.verified_at))))));
  }

  function exportView() {
    const types = [['organizations', 'Organisaties'], ['services', 'Aanbod'], ['locations', 'Locaties'], ['professionals', 'Hulpverleners']];
    show(h('h1', {}, 'Exporteren naar een rekenblad'),
      h('p', {}, 'Alle items, in elke publicatiestatus, met de datum van de laatste controle. Excel met Nederlandse instellingen leest de puntkomma-versie.'),
      table(['Soort', 'Excel (puntkomma)', 'CSV (komma)'], types.map(([type, name]) => h('tr', {}, h('td', {}, name),
        h('td', {}, h('a', { href: '/api/v1/editor/export/' + type + '.csv?separator=semicolon', download: '' }, name + ' (;)')),
        h('td', {}, h('a', { href: '/api/v1/editor/export/' + type + '.csv', download: '' }, name + ' (,)'))))),
      h('p', {}, 'De gepubliceerde gegevensset in open formaat (Open Referral HSDS 3.0): ',
        h('a', { href: '/api/v1/export/hsds.json' }, 'JSON'), ' · ',
        h('a', { href: '/api/v1/export/hsds-datapackage.zip' }, 'datapakket met CSV-bestanden'), ' · ',
        h('a', { href: '/api-docs' }, 'API-documentatie')));
  }

  function evidenceTable(list, checkable, refresh) {
    return table(['Soort', 'Wat', 'Uitgereikt door', 'Behaald', 'Vervalt', 'Document', 'Status', ''], list.map(e => {
      const id = 'bewijs-noot-' + e.id;
      return h('tr', {}, h('td', {}, evidenceKinds[e.kind] || e.kind), h('td', {}, [e.qualification, e.level, e.hours && e.hours + ' u', e.years && e.years + ' jaar'].filter(Boolean).join(' · ')),
        h('td', {}, e.issuer), h('td', {}, e.obtained_on), h('td', {}, e.expires_on || '—'), h('td', {}, e.document_ref || '—'),
        h('td', {}, e.status + (e.check_note ? ' (' + e.check_note + ')' : '')),
        h('td', {}, checkable && e.status === 'submitted' ? [
          h('label', { for: id }, 'Notitie'), h('input', { id, type: 'text' }),
          h('button', { type: 'button', onclick: () => check(e.id, true) }, 'Aanvaarden'),
          h('button', { type: 'button', class: 'secondary', onclick: () => check(e.id, false) }, 'Weigeren')] : ''));
    }));
    async function check(id, accepted) {
      const note = document.getElementById('bewijs-noot-' + id).value;
      if (await attempt(() => api('POST', '/api/v1/editor/evidence/' + id + '/check', { accepted, note }), 'Beoordeeld.')) refresh();
    }
  }

  function evidenceForm(path, kindsAllowed, refresh) {
    const fields = [['kind', 'Soort', kindsAllowed], ['qualification', 'Opleiding, cursus of label (code)'], ['level', 'Niveau (basis of gespecialiseerd; voortgezette opleiding)'],
      ['hours', 'Uren'], ['years', 'Jaren (klinische ervaring of ervaringsdeskundigheid)'], ['issuer', 'Uitgereikt door *'], ['obtained_on', 'Behaald op *', 'date'],
      ['expires_on', 'Vervalt op', 'date'], ['document_ref', 'Verwijzing naar het document']];
    return h('form', { class: 'stacked', onsubmit: async e => {
      e.preventDefault();
      const body = {};
      for (const [name] of fields) { const v = e.target.elements[name].value.trim(); body[name] = v === '' ? null : v; }
      if (await attempt(() => api('POST', path, body), 'Bewijsstuk toegevoegd; de redactie controleert het.')) refresh();
    } }, h('h2', {}, 'Bewijsstuk toevoegen'), fields.map(([name, label, type]) => {
      const id = 'bewijs-' + name;
      const input = Array.isArray(type) ? h('select', { id, name }, type.map(k => h('option', { value: k }, evidenceKinds[k] || k)))
        : h('input', { id, name, type: type || 'text' });
      return [h('label', { for: id }, label), input];
    }), h('button', { type: 'submit' }, 'Toevoegen'));
  }

  // The recognition as a portfolio: level, issuer, rule version with a link to its criteria, and what is missing.
  function recognitionBlock(recognition, issuer) {
    const a = recognition.assessment;
    const reasons = a.reasons || {};
    const next = recognition.level === 'gespecialiseerd' ? null : recognition.level ? 'gespecialiseerd' : 'basiszorgverlener';
    const missing = next ? (reasons[next] || []).filter(r => !r.met) : [];
    return [h('h2', {}, 'Erkenning'),
      h('p', {}, recognition.level ? 'Erkend als ' + (levelNames[recognition.level] || recognition.level) + ' sinds ' + recognition.since
        + (recognition.route === 'experience' ? ' (ervaringsroute, na beslissing van de commissie van experten)' : ' (opleidingsroute)')
        + (recognition.valid_until ? ', geldig tot ' + recognition.valid_until : '') + '.' : 'Je hebt (nog) geen erkenning.',
        issuer ? ' Uitgereikt door ' + issuer + '.' : ''),
      h('p', {}, 'Beoordeeld volgens de erkenningsregels versie ' + recognition.rule_version + ': ',
        h('a', { href: '/erkenningsregels/' + encodeURIComponent(recognition.rule_version) }, 'lees de criteria van deze versie'), '.'),
      recognition.verification_code ? h('p', {}, h('a', { href: '/erkenning/' + encodeURIComponent(recognition.verification_code) },
        'Certificaat met controleadres'), ' (af te drukken; wie het adres heeft, kan je erkenning controleren).') : null,
      next ? [h('h3', {}, 'Wat ontbreekt nog voor ' + (levelNames[next] || next)),
        missing.length ? h('ul', { class: 'missing-list' }, missing.map(r => h('li', { class: 'missing' }, (criteria[r.criterion] || r.criterion) + ': ' + r.detail)))
          : h('p', {}, 'Niets: je voldoet aan alle criteria' + (a.awaiting_committee && a.awaiting_committee.includes(next) ? '; je dossier ligt bij de commissie van experten.' : '.'))] : null,
      h('details', {}, h('summary', {}, 'Alle criteria per niveau'),
        Object.entries(reasons).map(([level, list]) => [h('h3', {}, levelNames[level] || level),
          h('ul', {}, list.map(r => h('li', { class: r.met ? 'met' : 'missing' }, (r.met ? '✔ voldaan: ' : '✘ ontbreekt: ') + (criteria[r.criterion] || r.criterion) + ' — ' + r.detail)))]))];
  }

  // The commission's files about me, with its question when it asks for more.
  function committeeBlock(files) {
    if (!files || !files.length) return null;
    return [h('h2', {}, 'Mijn dossier bij de commissie van experten'), h('ul', {}, files.map(f => h('li', {},
      (levelNames[f.level] || f.level) + ': ' + fileStates[f.status] + ' (geopend ' + date(f.opened_at) + ')',
      f.status === 'more_info' ? h('p', { class: 'notice', role: 'alert' }, 'De commissie vraagt: ' + f.question
        + ' Voeg hieronder een bewijsstuk toe; je dossier gaat dan terug naar de commissie.') : null,
      f.decision_reason ? h('p', {}, 'Motivering: ' + f.decision_reason) : null)))];
  }

  async function qualityView(id) {
    const [recognition, evidence] = await Promise.all([api('GET', '/api/v1/editor/professionals/' + id + '/recognition'),
      api('GET', '/api/v1/editor/professionals/' + id + '/evidence')]);
    show(h('h1', {}, 'Bewijsstukken en erkenning'), h('p', {}, h('a', { href: '#/item/professional/' + id }, 'Terug naar het profiel')),
      recognitionBlock(recognition, null), h('h2', {}, 'Bewijsstukken'), evidenceTable(evidence, true, () => qualityView(id)),
      evidenceForm('/api/v1/editor/professionals/' + id + '/evidence', personKinds, () => qualityView(id)));
  }

  async function labelsView(id) {
    const evidence = await api('GET', '/api/v1/editor/organizations/' + id + '/evidence');
    show(h('h1', {}, 'Kwaliteitslabels'), h('p', {}, h('a', { href: '#/item/organization/' + id }, 'Terug naar de organisatie')),
      evidenceTable(evidence, true, () => labelsView(id)), evidenceForm('/api/v1/editor/organizations/' + id + '/evidence', ['quality_label'], () => labelsView(id)));
  }

  async function sessionsView(id) {
    const course = await api('GET', '/api/v1/courses/' + id);
    const inputs = [['starts_at', 'Begint (JJJJ-MM-DDTuu:mm) *', 'datetime-local'], ['ends_at', 'Eindigt *', 'datetime-local'],
      ['place', 'Plaats', 'text'], ['postal_code', 'Postcode', 'text'], ['capacity', 'Aantal plaatsen *', 'number'],
      ['registration_url', 'Inschrijvingslink', 'url'], ['note', 'Opmerking', 'text']];
    const seats = (session, delta) => attempt(() => api('POST', '/api/v1/editor/course-sessions/' + session + '/seats', { delta }),
      'Plaatsen bijgewerkt.').then(r => { if (r) sessionsView(id); });
    show(h('h1', {}, 'Sessies: ' + course.name), h('p', {}, h('a', { href: '#/item/course/' + id }, 'Terug naar de opleiding')),
      table(['Begint', 'Waar', 'Plaatsen', ''], (course.sessions || []).map(x => h('tr', {}, h('td', {}, x.starts_at.replace('T', ' ')),
        h('td', {}, x.online ? 'Online' : x.place), h('td', {}, x.seats_left + ' vrij van ' + x.capacity),
        h('td', {}, h('button', { type: 'button', onclick: () => seats(x.id, 1) }, 'Plaats ingenomen'),
          h('button', { type: 'button', class: 'secondary', onclick: () => seats(x.id, -1) }, 'Plaats vrijgekomen'))))),
      h('form', { class: 'stacked', onsubmit: async e => {
        e.preventDefault();
        const body = { online: e.target.elements.online.checked };
        for (const [name] of inputs) { const v = e.target.elements[name].value.trim(); body[name] = v === '' ? null : v; }
        if (body.capacity !== null) body.capacity = Number(body.capacity);
        if (await attempt(() => api('POST', '/api/v1/editor/courses/' + id + '/sessions', body), 'Sessie toegevoegd.')) sessionsView(id);
      } }, h('h2', {}, 'Sessie toevoegen'), inputs.map(([name, text, type]) => [h('label', { for: 'sessie-' + name }, text),
        h('input', { id: 'sessie-' + name, name, type })]),
        h('label', { for: 'sessie-online' }, 'Online'), h('input', { id: 'sessie-online', name: 'online', type: 'checkbox' }),
        h('button', { type: 'submit' }, 'Toevoegen')),
      h('form', { class: 'stacked', onsubmit: async e => {
        e.preventDefault();
        const csv = e.target.elements.csv.value;
        const response = await fetch('/api/v1/editor/courses/' + id + '/completions.csv', { method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'text/csv', Accept: 'application/json', 'X-CSRF-Token': me.csrf_token }, body: csv });
        const data = await response.json().catch(() => null);
        if (response.ok) say(data.length + ' voltooiingen vastgelegd.'); else say(problemText(data, response.status), true);
      } }, h('h2', {}, 'Voltooiingen vastleggen (lijst van de organisator)'),
        h('label', { for: 'voltooid-csv' }, 'CSV met de kolommen professional_id, completed_on, certificate_ref'),
        h('textarea', { id: 'voltooid-csv', name: 'csv', rows: 5 }, 'professional_id,completed_on,certificate_ref\n'),
        h('button', { type: 'submit' }, 'Vastleggen')));
  }

  async function evidenceQueue() {
    const list = await api('GET', '/api/v1/editor/evidence');
    show(h('h1', {}, 'Bewijsstukken te controleren'), evidenceTable(list, true, evidenceQueue),
      h('ul', {}, list.map(e => h('li', {}, e.professional_id
        ? h('a', { href: '#/kwaliteit/' + e.professional_id }, 'Hulpverlener ' + e.professional_id)
        : h('a', { href: '#/labels/' + e.organization_id }, 'Organisatie ' + e.organization_id)))));
  }

  async function committeeView() {
    const [open, waiting, events] = await Promise.all([api('GET', '/api/v1/editor/committee-files'),
      api('GET', '/api/v1/editor/committee-files?status=more_info'), api('GET', '/api/v1/editor/committee-events?limit=20')]);
    const rows = files => table(['Nr.', 'Hulpverlener', 'Niveau', 'Geopend', 'Stemmen'], files.map(f =>
      h('tr', {}, h('td', {}, '#' + f.id), h('td', {}, h('a', { href: '#/kwaliteit/' + f.professional_id }, f.professional_name)),
        h('td', {}, levelNames[f.level] || f.level), h('td', {}, date(f.opened_at)), h('td', {}, String((f.votes || []).length)))));
    show(h('h1', {}, 'Dossiers voor de commissie van experten'),
      h('p', {}, 'De commissie beslist (met een account met de rol "commission"); de redactie volgt de dossiers op.'),
      h('h2', {}, 'Bij de commissie'), rows(open), h('h2', {}, 'Wacht op aanvulling van de hulpverlener'), rows(waiting),
      committeeEvents(events, null));
  }

  // ---- The expert commission (/commissie) ----------------------------------------------------------------
  async function commissionList(status, heading) {
    const [files, events] = await Promise.all([api('GET', '/api/v1/commission/files?status=' + status),
      api('GET', '/api/v1/commission/events?limit=10')]);
    show(h('h1', {}, heading), committeeEvents(events, id => '#/dossier/' + id),
      files.length ? table(['Nr.', 'Hulpverlener', 'Niveau', 'Geopend', 'Stand'], files.map(f => h('tr', {},
        h('td', {}, h('a', { href: '#/dossier/' + f.id }, 'Dossier #' + f.id)), h('td', {}, f.professional_name),
        h('td', {}, levelNames[f.level] || f.level), h('td', {}, date(f.opened_at)),
        h('td', {}, fileStates[f.status] + (f.votes && f.votes.length ? ' — ' + f.votes.length + ' stem(men)' : '')))))
        : h('p', {}, 'Geen dossiers.'));
  }

  async function commissionFile(id) {
    const d = await api('GET', '/api/v1/commission/files/' + id);
    const f = d.file;
    const level = (d.recognition.assessment.reasons || {})[f.level] || [];
    show(h('h1', {}, 'Dossier #' + f.id + ': ' + f.professional_name), h('p', {}, h('a', { href: '#/' }, 'Terug naar de dossiers')),
      h('p', {}, 'Gevraagd niveau: ' + (levelNames[f.level] || f.level) + ' (ervaringsroute, regels ' + f.rule_version + '). Stand: ' + fileStates[f.status] + '.'),
      h('p', {}, 'Beslist wanneer ' + d.quorum + ' leden hetzelfde stemmen. Leden die meewerkten: ' + ((d.members || []).length ? d.members.join(', ') : 'nog niemand') + '.'),
      f.question ? h('p', { class: 'notice' }, 'Gevraagd op ' + date(f.question_asked_at) + ': ' + f.question) : null,
      f.decision_reason ? h('p', {}, 'Beslissing (' + fileStates[f.status] + ', ' + date(f.decided_at) + ', laatste stem door ' + f.decided_by_name + '): ' + f.decision_reason) : null,
      h('h2', {}, 'Wat de regels zeggen'), h('ul', {}, level.map(r => h('li', { class: r.met ? 'met' : 'missing' },
        (r.met ? '✔ ' : '✘ ') + (criteria[r.criterion] || r.criterion) + ' — ' + r.detail))),
      h('h2', {}, 'Bewijsstukken'), evidenceTable(d.evidence || [], false, () => commissionFile(id)),
      h('h2', {}, 'Stemmen'), (f.votes || []).length ? h('ul', {}, f.votes.map(v => h('li', {}, v.member + ': ' + (v.vote === 'approve' ? 'goedkeuren' : 'afwijzen') + ' — ' + v.reason)))
        : h('p', {}, 'Nog geen stemmen.'),
      f.status === 'open' ? h('form', { class: 'stacked', onsubmit: e => e.preventDefault() },
        h('label', { for: 'commissie-motivering' }, 'Motivering of vraag *'), h('textarea', { id: 'commissie-motivering', rows: 3 }),
        h('button', { type: 'button', onclick: () => act('votes', { vote: 'approve' }, 'Stem vastgelegd.') }, 'Goedkeuren'),
        h('button', { type: 'button', class: 'secondary', onclick: () => act('votes', { vote: 'reject' }, 'Stem vastgelegd.') }, 'Afwijzen'),
        h('button', { type: 'button', class: 'secondary', onclick: () => act('question', {}, 'Vraag verstuurd naar de hulpverlener.') }, 'Meer informatie vragen')) : null,
      h('h2', {}, 'Verloop'), h('ol', {}, (f.history || []).map(e => h('li', {}, date(e.at) + ': ' + (eventNames[e.kind] || e.kind) + ' (' + e.actor + ')' + (e.note ? ' — ' + e.note : '')))));
    async function act(what, body, done) {
      const text = document.getElementById('commissie-motivering').value;
      if (what === 'question') body.question = text; else body.reason = text;
      if (await attempt(() => api('POST', '/api/v1/commission/files/' + id + '/' + what, body), done)) commissionFile(id);
    }
  }

  function newListingView() {
    const select = h('select', { id: 'nieuw-soort' }, kinds.map(k => h('option', { value: k.name }, kindNames[k.name])));
    const holder = h('div', {});
    const render = () => holder.replaceChildren(...fieldInputs(kinds.find(k => k.name === select.value), null).flat());
    select.addEventListener('change', render);
    render();
    show(h('h1', {}, 'Nieuw item'), h('form', { class: 'stacked', onsubmit: async e => {
      e.preventDefault();
      const change = await attempt(() => api('POST', '/api/v1/editor/listings/' + select.value,
        { fields: readFields(holder), reason: e.target.querySelector('[name=reason]').value }));
      if (change) location.hash = '#/wijziging/' + change.id;
    } }, h('label', { for: 'nieuw-soort' }, 'Soort'), select, holder, reasonField('Waarom? *', true), h('button', { type: 'submit' }, 'Concept opslaan')));
  }

  // Keyword research: what people searched for, and in one step a word of theirs as a search word of a term.
  // Information pages for parents: changed like any listing, through a draft and a second editor's review.
  async function informationPagesView() {
    const pages = await api('GET', '/api/v1/editor/choices/info_page?q=');
    show(h('h1', {}, 'Informatiepagina\'s voor ouders'),
      h('p', {}, 'Een aanpassing wordt zichtbaar zodra een tweede redacteur ze publiceert. ',
        h('a', { href: '#/nieuw' }, 'Nieuwe pagina'), ' (kies "Informatiepagina").'),
      table(['Pagina'], pages.map(p => h('tr', {}, h('td', {}, h('a', { href: '#/item/page/' + p.id }, p.label))))));
  }

  async function searchWordsView() {
    const [stats, taxonomies] = await Promise.all([api('GET', '/api/v1/editor/search-stats?limit=50'),
      api('GET', '/api/v1/taxonomies')]);
    const terms = taxonomies.flatMap(t => (t.terms || []).map(term => ({ id: term.id, label: term.name + ' (' + t.name.replace('nestkaart-', '') + ')' })))
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
    let counter = 0;
    const row = q => {
      const id = 'term-' + (++counter);
      const select = h('select', { id }, h('option', { value: '' }, 'kies een term…'), terms.map(t => h('option', { value: t.id }, t.label)));
      const add = async () => {
        if (!select.value) { say('Kies eerst de term die dit zoekwoord betekent.', true); return; }
        const change = await attempt(() => api('POST', '/api/v1/editor/listings/search_term', { fields: { phrase: q.query,
          taxonomy_term_id: select.value, note: 'Uit de zoekstatistiek (' + q.count + '× gezocht)' },
        reason: 'Zoekwoord uit de zoekstatistiek' }), 'Voorstel gemaakt: laat het door een tweede redacteur publiceren.');
        if (change) location.hash = '#/wijziging/' + change.id;
      };
      return h('tr', {}, h('td', {}, q.query), h('td', {}, String(q.count)), h('td', {}, String(Math.round(q.average_results))),
        h('td', {}, h('label', { for: id, class: 'visually-hidden' }, 'Term voor ' + q.query), select,
          h('button', { type: 'button', onclick: add }, 'Voeg toe als zoekwoord')));
    };
    const headers = ['Zoekopdracht', 'Aantal', 'Gem. resultaten', 'Voeg toe als zoekwoord van …'];
    show(h('h1', {}, 'Zoekwoorden'),
      h('p', {}, 'Wat mensen de laatste ' + stats.days + ' dagen zochten. Een zoekwoord wordt gebruikt zodra een tweede redacteur het publiceert.'),
      h('h2', {}, 'Niets of weinig gevonden'), table(headers, (stats.zero_result_queries || []).map(row)),
      h('h2', {}, 'Meest gezocht'), table(headers, (stats.top_queries || []).map(row)));
  }

  async function accountsView() {
    const accounts = await api('GET', '/api/v1/admin/accounts');
    const inputs = [['email', 'E-mailadres', 'email'], ['display_name', 'Naam', 'text'], ['professional_id', 'Profiel-id (alleen voor hulpverleners)', 'text'],
      ['password', 'Startwachtwoord (minstens 12 tekens)', 'password']];
    show(h('h1', {}, 'Accounts'), table(['E-mail', 'Naam', 'Rol', 'Actief'], accounts.map(a => h('tr', {}, h('td', {}, a.email),
      h('td', {}, a.display_name), h('td', {}, a.role), h('td', {}, a.active ? 'ja' : 'nee')))),
      h('form', { class: 'stacked', onsubmit: async e => {
        e.preventDefault();
        const body = { role: e.target.elements.role.value };
        for (const [name] of inputs) { const v = e.target.elements[name].value.trim(); body[name] = v === '' ? null : v; }
        if (await attempt(() => api('POST', '/api/v1/admin/accounts', body), 'Account aangemaakt.')) accountsView();
      } }, h('h2', {}, 'Nieuw account'), inputs.map(([name, label, type]) => [h('label', { for: 'acc-' + name }, label),
        h('input', { id: 'acc-' + name, name, type, autocomplete: type === 'password' ? 'new-password' : 'off' })]),
        h('label', { for: 'acc-role' }, 'Rol'), h('select', { id: 'acc-role', name: 'role' }, ['editor', 'professional', 'admin', 'commission'].map(r => h('option', { value: r }, r))),
        h('button', { type: 'submit' }, 'Aanmaken')));
  }

  // ---- Professional's own profile ------------------------------------------------------------------------
  async function profileView() {
    const [profile, completions, recommended] = await Promise.all([api('GET', '/api/v1/me/profile'),
      api('GET', '/api/v1/me/completions'), api('GET', '/api/v1/me/recommended-courses')]);
    const kind = kinds.find(k => k.name === 'professional');
    const open = (profile.listing.changes || []).find(c => c.status === 'draft' || c.status === 'in_review');
    const live = profile.listing.live;
    const values = open ? open.proposed : live && live.fields;
    show(h('h1', {}, 'Mijn profiel'),
      h('p', {}, live && live.status === 'published' ? (live.fields.consent_public ? 'Je profiel is openbaar.' : 'Je profiel is niet openbaar: je gaf (nog) geen toestemming.') : 'Je profiel is nog niet gepubliceerd.'),
      open ? h('p', { class: 'notice' }, 'Je wijziging van ' + date(open.updated_at) + ' wacht op de redactie.') : null,
      h('form', { class: 'stacked', onsubmit: async e => {
        e.preventDefault();
        if (await attempt(() => api('PUT', '/api/v1/me/profile', { fields: readFields(e.target), reason: e.target.querySelector('[name=reason]').value }),
          'Verstuurd naar de redactie.')) profileView();
      } }, h('h2', {}, 'Gegevens aanpassen'), fieldInputs(kind, values),
        h('p', {}, 'Toestemming: kies "ja" om je profiel openbaar te tonen. Je kan die toestemming altijd intrekken.'),
        reasonField('Wat pas je aan en waarom? *', true), h('button', { type: 'submit' }, 'Ter beoordeling versturen')),
      recognitionBlock(profile.recognition, profile.issuer), committeeBlock(profile.committee_files),
      h('h2', {}, 'Mijn opleidingen'),
      h('p', { class: 'completion-count' }, completions.length === 1 ? '1 voltooide opleiding' : completions.length + ' voltooide opleidingen',
        ', waarvan ' + completions.filter(d => d.evidence_id).length + ' meetellen voor je erkenning.'),
      table(['Opleiding', 'Voltooid op', 'Telt mee voor erkenning'], completions.map(d =>
        h('tr', {}, h('td', {}, h('a', { href: '/opleiding/' + encodeURIComponent(d.course_id) }, d.course_name)), h('td', {}, d.completed_on),
          h('td', {}, d.evidence_id ? 'ja' : 'nee')))),
      h('h2', {}, 'Aanbevolen voor jouw beroep en niveau'), h('ul', {}, recommended.map(k =>
        h('li', {}, h('a', { href: '/opleiding/' + encodeURIComponent(k.id) }, k.name), ' — ' + k.level + ', ' + k.format))),
      h('h2', {}, 'Mijn bewijsstukken'), evidenceTable(profile.evidence || [], false, profileView),
      evidenceForm('/api/v1/me/evidence', personKinds, profileView));
  }

  // ---- Online learning: a course's lessons one by one, then the check --------------------------------------
  async function moduleView(courseId, lessonNumber) {
    const m = await api('GET', '/api/v1/me/courses/' + encodeURIComponent(courseId) + '/module');
    const n = Math.min(Math.max(Number(lessonNumber) || firstUnread(m), 1), m.lessons.length);
    const lesson = m.lessons[n - 1];
    const body = h('div', { class: 'lesson-body' });
    body.innerHTML = lesson.html; // sanitised by the server (allow-list; images only from the site itself)
    const base = '#/leren/' + encodeURIComponent(courseId);
    show(h('p', {}, h('a', { href: '#/' }, 'Mijn profiel'), ' · ', h('a', { href: '/opleiding/' + encodeURIComponent(courseId) }, 'Over deze opleiding')),
      h('h1', {}, m.course_name),
      h('p', { class: 'progress' }, 'Les ' + n + ' van ' + m.lessons.length + ' · ' + m.lessons_read + ' gelezen'
        + (m.passed ? ' · toets geslaagd op ' + m.completed_on : '')),
      h('nav', { 'aria-label': 'Lessen' }, h('ol', { class: 'lessons' }, m.lessons.map(l => h('li', {},
        l.number === n ? h('strong', { 'aria-current': 'page' }, l.title) : h('a', { href: base + '/les/' + l.number }, l.title),
        l.read ? ' ✔' : '')))),
      h('article', { class: 'lesson' }, h('h2', {}, lesson.title), body,
        lesson.video_url ? h('p', {}, h('a', { href: lesson.video_url, rel: 'noopener', target: '_blank' }, 'Bekijk de video'),
          ' (opent ' + lesson.video_host + '; er wordt niets geladen tot je klikt)') : null),
      h('button', { type: 'button', onclick: async () => {
        const after = await attempt(() => api('POST', '/api/v1/me/courses/' + encodeURIComponent(courseId) + '/lessons/' + lesson.id + '/read'));
        if (!after) return;
        location.hash = n < after.lessons.length ? base + '/les/' + (n + 1) : base + '/toets';
      } }, n < m.lessons.length ? 'Gelezen, naar de volgende les' : 'Gelezen, naar de toets'));
  }

  const firstUnread = m => (m.lessons.find(l => !l.read) || m.lessons[m.lessons.length - 1]).number;

  async function checkView(courseId) {
    const base = '#/leren/' + encodeURIComponent(courseId);
    const questions = await api('GET', '/api/v1/me/courses/' + encodeURIComponent(courseId) + '/check');
    show(h('p', {}, h('a', { href: base }, 'Terug naar de lessen')), h('h1', {}, 'Toets'),
      h('p', {}, questions.length + ' vragen over de leerdoelen. Kies telkens één antwoord.'),
      h('form', { class: 'stacked check', onsubmit: async e => {
        e.preventDefault();
        const answers = {};
        questions.forEach(q => { const chosen = e.target.querySelector('input[name="v-' + q.id + '"]:checked'); if (chosen) answers[q.id] = chosen.value; });
        const result = await attempt(() => api('POST', '/api/v1/me/courses/' + encodeURIComponent(courseId) + '/check', { answers }));
        if (result) resultView(courseId, result);
      } }, questions.map((q, i) => h('fieldset', {}, h('legend', {}, (i + 1) + '. ' + q.question),
        q.options.map((o, j) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'v-' + q.id, value: o, required: true }), ' ' + o)))),
      h('button', { type: 'submit' }, 'Toets indienen')));
  }

  function resultView(courseId, r) {
    show(h('h1', {}, r.passed ? 'Geslaagd' : 'Nog niet geslaagd'),
      h('p', { role: 'status' }, r.correct + ' van ' + r.asked + ' juist (nodig: ' + r.to_pass + ').'),
      r.completion ? h('p', { class: 'notice' }, 'De opleiding staat nu als voltooid op je profiel'
        + (r.completion.evidence_id ? ' en telt mee als bewijs voor je erkenning.' : '.')) : null,
      h('ol', {}, (r.feedback || []).map(f => h('li', { class: f.right ? 'met' : 'missing' }, f.question + ' — ' + (f.right ? 'juist' : 'juist was: ' + f.right_answer),
        f.explanation ? h('p', {}, f.explanation) : null))),
      h('p', {}, r.passed ? h('a', { href: '#/' }, 'Naar mijn profiel') : h('a', { href: '#/leren/' + encodeURIComponent(courseId) + '/toets' }, 'Opnieuw proberen')));
  }

  // A representative's organisation: its facts, the availability of its services, and what waits for review.
  async function organisationView() {
    const overview = await api('GET', '/api/v1/my-organization');
    const listing = overview.organization;
    const kind = kinds.find(k => k.name === 'organization');
    const open = (listing.changes || []).find(c => c.status === 'draft' || c.status === 'in_review');
    const values = open ? open.proposed : listing.live && listing.live.fields;
    const accepting = { '': '—', yes: 'ja, neemt nieuwe aanmeldingen aan', waitlist: 'wachtlijst', no: 'neemt geen nieuwe aanmeldingen aan' };
    const serviceRows = (overview.services || []).map(entry => {
      const s = entry.service;
      const weeksId = 'weken-' + s.id;
      const acceptId = 'aanmelden-' + s.id;
      const report = async () => {
        const weeks = document.getElementById(weeksId).value.trim();
        const body = { waiting_weeks: weeks === '' ? null : Number(weeks), accepting_new: document.getElementById(acceptId).value || null };
        if (await attempt(() => api('POST', '/api/v1/my-organization/services/' + s.id + '/availability', body),
          'Verstuurd naar de redactie.')) organisationView();
      };
      const confirm = async () => {
        if (await attempt(() => api('POST', '/api/v1/my-organization/services/' + s.id + '/availability/confirm'),
          'Bevestiging verstuurd naar de redactie.')) organisationView();
      };
      const edit = async () => {
        const listing = await api('GET', '/api/v1/my-organization/services/' + s.id);
        const serviceKind = kinds.find(k => k.name === 'service');
        const pending = (listing.changes || []).find(c => c.status === 'draft' || c.status === 'in_review');
        show(h('h1', {}, s.name), h('p', {}, h('a', { href: '#/' }, 'Terug naar mijn organisatie')),
          pending ? h('p', { class: 'notice' }, 'Je wijziging van ' + date(pending.updated_at) + ' wacht op de redactie.') : null,
          h('form', { class: 'stacked', onsubmit: async e => {
            e.preventDefault();
            if (await attempt(() => api('POST', '/api/v1/my-organization/listings/service/' + s.id + '/changes',
              { fields: readFields(e.target), reason: e.target.querySelector('[name=reason]').value }), 'Verstuurd naar de redactie.')) organisationView();
          } }, fieldInputs(serviceKind, pending ? pending.proposed : listing.live && listing.live.fields),
            reasonField('Wat pas je aan en waarom? *', true), h('button', { type: 'submit' }, 'Ter beoordeling versturen')));
      };
      return h('tr', {}, h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: edit }, s.name)),
        h('td', {}, s.waiting_reported_on ? (entry.outdated ? 'verouderd: ' : '') + 'gemeld op ' + s.waiting_reported_on : 'nog niet gemeld'),
        h('td', {}, h('label', { for: weeksId }, 'Wachttijd in weken'), h('input', { id: weeksId, type: 'number', min: 0, max: 520, value: s.waiting_weeks ?? '' }),
          h('label', { for: acceptId }, 'Nieuwe aanmeldingen'), h('select', { id: acceptId }, Object.entries(accepting).map(([v, text]) =>
            h('option', { value: v, selected: (s.accepting_new || '') === v }, text)))),
        h('td', {}, h('button', { type: 'button', onclick: report }, 'Melden'),
          s.waiting_reported_on ? h('button', { type: 'button', class: 'secondary', onclick: confirm }, 'Nog steeds juist') : null));
    });
    show(h('h1', {}, titleOf(listing.live && listing.live.fields)),
      h('h2', {}, 'Wat wacht op de redactie'), table(['Wat', 'Status', 'Sinds'], (overview.pending || []).map(c =>
        h('tr', {}, h('td', {}, (kindNames[c.entity_type] || c.entity_type) + ': ' + titleOf(c.proposed)),
          h('td', {}, statusNames[c.status] || c.status), h('td', {}, date(c.updated_at))))),
      h('h2', {}, 'Beschikbaarheid van het aanbod'),
      h('p', {}, 'Meld hoe lang mensen nu wachten en of je nieuwe aanmeldingen aanneemt. Een melding ouder dan drie maanden toont Nestkaart als onbekend.'),
      table(['Aanbod', 'Laatste melding', 'Nu', 'Versturen'], serviceRows),
      h('form', { class: 'stacked', onsubmit: async e => {
        e.preventDefault();
        if (await attempt(() => api('POST', '/api/v1/my-organization/listings/organization/' + listing.entity_id + '/changes',
          { fields: readFields(e.target), reason: e.target.querySelector('[name=reason]').value }), 'Verstuurd naar de redactie.')) organisationView();
      } }, h('h2', {}, 'Gegevens van de organisatie'), open ? h('p', { class: 'notice' }, 'Je wijziging van ' + date(open.updated_at) + ' wacht op de redactie.') : null,
        fieldInputs(kind, values), reasonField('Wat pas je aan en waarom? *', true), h('button', { type: 'submit' }, 'Ter beoordeling versturen')));
  }

  // Requests to manage an organisation: confirm (the account becomes active) or refuse with a reason.
  async function claimsView() {
    const list = await api('GET', '/api/v1/editor/claims');
    show(h('h1', {}, 'Aanvragen om een organisatie te beheren'), table(['Organisatie', 'Wie', 'Boodschap', 'Ontvangen', 'Beslissing'], list.map(c => {
      const id = 'aanvraag-reden-' + c.id;
      return h('tr', {}, h('td', {}, h('a', { href: '#/item/organization/' + c.organization_id }, c.organization_name)),
        h('td', {}, (c.display_name || '') + ' <' + (c.email || '') + '>'), h('td', {}, c.message || ''), h('td', {}, date(c.created_at)),
        h('td', {}, h('button', { type: 'button', onclick: async () => {
          if (await attempt(() => api('POST', '/api/v1/editor/claims/' + c.id + '/confirm'), 'Bevestigd: de vertegenwoordiger kan zich aanmelden.')) claimsView();
        } }, 'Bevestigen'),
        h('label', { for: id }, 'Reden van weigering'), h('input', { id, type: 'text' }),
        h('button', { type: 'button', class: 'secondary', onclick: async () => {
          if (await attempt(() => api('POST', '/api/v1/editor/claims/' + c.id + '/reject', { reason: document.getElementById(id).value }), 'Geweigerd.')) claimsView();
        } }, 'Weigeren')));
    })));
  }

  // New initiatives announced by the public: a draft service of the organisation chosen, or closed.
  async function intakesView() {
    const list = await api('GET', '/api/v1/editor/intakes');
    show(h('h1', {}, 'Gemeld nieuw aanbod'), h('p', {}, 'Het e-mailadres van wie meldde, wordt gewist zodra de melding afgehandeld is.'),
      table(['Aanbod', 'Organisatie (zoals gemeld)', 'Beschrijving', 'Contact', 'Beslissing'], list.map(i => {
        const id = 'aanmelding-org-' + i.id;
        const picker = pickerInput(id, 'organization', null);
        return h('tr', {}, h('td', {}, i.service_name, i.postal_code ? ' (' + i.postal_code + ')' : ''),
          h('td', {}, i.organization_name), h('td', {}, i.description, i.phone ? ' · Tel. ' + i.phone : '', i.website ? ' · ' + i.website : ''),
          h('td', {}, i.contact_email || '—'),
          h('td', {}, h('label', { for: id }, 'Organisatie van het aanbod'), picker, picker.pickerList,
            h('button', { type: 'button', onclick: async () => {
              const change = await attempt(() => api('POST', '/api/v1/editor/intakes/' + i.id + '/accept', { organization_id: idOf(picker.value) }));
              if (change) location.hash = '#/wijziging/' + change.id;
            } }, 'Concept maken'),
            h('button', { type: 'button', class: 'secondary', onclick: async () => {
              if (await attempt(() => api('POST', '/api/v1/editor/intakes/' + i.id + '/close'), 'Gesloten.')) intakesView();
            } }, 'Sluiten zonder item')));
      })));
  }

  async function route() {
    statusLine.hidden = true;
    const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    try {
      if (app === 'profiel') {
        if (parts[0] === 'leren' && parts[2] === 'toets') return await checkView(parts[1]);
        if (parts[0] === 'leren') return await moduleView(parts[1], parts[2] === 'les' ? parts[3] : null);
        return await profileView();
      }
      if (app === 'organisatie') return await organisationView();
      if (app === 'commissie') {
        if (parts[0] === 'dossier') return await commissionFile(parts[1]);
        if (parts[0] === 'wacht') return await commissionList('more_info', 'Wacht op aanvulling van de hulpverlener');
        if (parts[0] === 'beslist') return await commissionList('approved', 'Goedgekeurde dossiers');
        return await commissionList('open', 'Open dossiers van de commissie van experten');
      }
      switch (parts[0]) {
        case 'wijziging': return await changeView(parts[1]);
        case 'item': return await listingView(parts[1], parts[2]);
        case 'concepten': return await changeQueue('draft', 'Concepten');
        case 'meldingen': return await suggestionsView();
        case 'aanvragen': return await claimsView();
        case 'nieuw-aanbod': return await intakesView();
        case 'verouderd': return await staleView();
        case 'exporteren': return exportView();
        case 'bewijsstukken': return await evidenceQueue();
        case 'kwaliteit': return await qualityView(parts[1]);
        case 'labels': return await labelsView(parts[1]);
        case 'sessies': return await sessionsView(parts[1]);
        case 'commissie': return await committeeView();
        case 'nieuw': return newListingView();
        case 'zoekwoorden': return await searchWordsView();
        case 'informatie': return await informationPagesView();
        case 'accounts': return await accountsView();
        default: return await changeQueue('in_review', 'Te beoordelen');
      }
    } catch (e) {
      say(e.message, true);
    }
  }

  document.getElementById('afmelden').addEventListener('click', async () => {
    await attempt(() => api('POST', '/api/v1/auth/logout'));
    location.href = '/';
  });

  (async function start() {
    me = await attempt(() => api('GET', '/api/v1/auth/me'));
    if (!me) return;
    if (app !== 'commissie') kinds = await api('GET', '/api/v1/editor/listing-kinds');
    (await api('GET', '/api/v1/quality/criteria')).forEach(c => { criteria[c.code] = c.number + '. ' + c.title; });
    if (me.roles.includes('admin')) document.querySelectorAll('.admin-only').forEach(el => { el.hidden = false; });
    window.addEventListener('hashchange', route);
    await route();
  })();
}());

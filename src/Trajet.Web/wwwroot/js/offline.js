// Trajet's offline layer (docs/architecture.md, "Offline"). Pages work without it; with it, a save made without
// network, or after the session ended, waits in an encrypted outbox on the phone and is sent once, later.
// Everything kept is sealed with the user's public key; only a signed-in page (and the service worker, in memory)
// holds the private key, which the server hands out and which is never stored.
(() => {
  'use strict';

  const DB = 'trajet-offline';
  const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' };
  const PACK_MINUTES = 15;
  const DRAFT_DAYS = 7;
  const texts = () => document.getElementById('offline-texts')?.dataset ?? {};
  const works = () => document.body.dataset.offline === 'on';

  // ---- IndexedDB: meta (the owner and public key), outbox, drafts, pack (the next days' work) ----
  let dbPromise = null;
  function db() {
    dbPromise ??= new Promise((resolve, reject) => {
      const open = indexedDB.open(DB, 1);
      open.onupgradeneeded = () => {
        const d = open.result;
        d.createObjectStore('meta');
        d.createObjectStore('outbox', { keyPath: 'id' });
        d.createObjectStore('drafts', { keyPath: 'form' });
        d.createObjectStore('pack');
      };
      open.onsuccess = () => {
        const d = open.result;
        d.onversionchange = () => { d.close(); dbPromise = null; };
        resolve(d);
      };
      open.onerror = () => reject(open.error);
    });
    return dbPromise;
  }

  async function run(store, mode, work) {
    const d = await db();
    return new Promise((resolve, reject) => {
      const t = d.transaction(store, mode);
      const request = work(t.objectStore(store));
      t.oncomplete = () => resolve(request?.result);
      t.onerror = t.onabort = () => reject(t.error);
    });
  }
  const get = (store, key) => run(store, 'readonly', s => s.get(key));
  const all = store => run(store, 'readonly', s => s.getAll());
  const count = store => run(store, 'readonly', s => s.count());
  const put = (store, value, key) => run(store, 'readwrite', s => (key === undefined ? s.put(value) : s.put(value, key)));
  const remove = (store, key) => run(store, 'readwrite', s => s.delete(key));

  /** Whether this phone keeps anything (pages for others must not create the store just to look). */
  async function exists() {
    if (dbPromise) return true;
    const list = indexedDB.databases ? await indexedDB.databases() : [{ name: DB }];
    return list.some(d => d.name === DB);
  }

  // ---- Sealing: AES-GCM per item, its key wrapped with the user's RSA public key ----
  const bytes = base64 => Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  const hex = buffer => [...new Uint8Array(buffer)].map(b => b.toString(16).padStart(2, '0')).join('');
  const sha256 = async text => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text.trim().toLowerCase())));

  async function seal(value) {
    const owner = await get('meta', 'owner');
    if (!owner) throw new Error('No key on this phone');
    const publicKey = await crypto.subtle.importKey('spki', owner.publicKey, RSA, false, ['encrypt']);
    const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, new TextEncoder().encode(JSON.stringify(value)));
    const wrapped = await crypto.subtle.encrypt(RSA, publicKey, await crypto.subtle.exportKey('raw', aes));
    return { iv, data, wrapped };
  }

  async function unseal(box) {
    const key = await privateKey();
    if (!key) return null;
    const raw = await crypto.subtle.decrypt(RSA, key, box.wrapped);
    const aes = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
    return JSON.parse(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv }, aes, box.data)));
  }

  // ---- The key: from the server to a signed-in page; offline, from the service worker's memory ----
  let keyPromise = null;
  const privateKey = () => (keyPromise ??= unlock()).then(k => k?.privateKey ?? null);

  /** The first page of a visit is not yet controlled: its messages go to the worker once it is active. */
  async function toWorker(message) {
    if (!('serviceWorker' in navigator)) return;
    const worker = navigator.serviceWorker.controller ?? (works() ? (await navigator.serviceWorker.ready).active : null);
    worker?.postMessage(message);
  }

  function fromWorker() {
    const worker = navigator.serviceWorker?.controller;
    if (!worker) return Promise.resolve(null);
    return new Promise(resolve => {
      const channel = new MessageChannel();
      channel.port1.onmessage = e => resolve(e.data?.key ? { privateKey: e.data.key, keyId: e.data.keyId } : null);
      worker.postMessage({ type: 'get-key' }, [channel.port2]);
      setTimeout(() => resolve(null), 3000); // a worker that does not answer holds no key
    });
  }

  async function unlock() {
    if (!works()) return null;
    let response;
    try {
      response = await fetch('/api/offline/key', { cache: 'no-store', headers: { Accept: 'application/json' } });
    } catch {
      return fromWorker();
    }
    if (response.status === 401) {
      // The session ended: keep what waits (unless the user was signed out everywhere), open nothing.
      toWorker({ type: 'forget' });
      await checkStillValid();
      return null;
    }
    if (!response.ok) return null;
    const k = await response.json();
    const owner = await get('meta', 'owner');
    if (owner && (owner.userId !== k.userId || owner.keyId !== k.keyId)) {
      await wipe(); // another user on this phone, or a new key after "sign out everywhere"
    }
    if (!owner || owner.keyId !== k.keyId) {
      await put('meta', { userId: k.userId, keyId: k.keyId, publicKey: bytes(k.publicKey).buffer, emailHash: await sha256(k.email) }, 'owner');
    }
    const key = await crypto.subtle.importKey('pkcs8', bytes(k.privateKey), RSA, false, ['decrypt']);
    toWorker({ type: 'key', key, keyId: k.keyId });
    return { privateKey: key, keyId: k.keyId };
  }

  /** After a session ends: an account signed out everywhere or disabled has a new key (or none): wipe. */
  async function checkStillValid() {
    if (!await exists()) return;
    const owner = await get('meta', 'owner');
    if (!owner) return;
    try {
      const response = await fetch(`/api/offline/status?user=${owner.userId}&key=${owner.keyId}`, { cache: 'no-store' });
      if (response.ok && !(await response.json()).valid) await wipe();
    } catch {
      // offline: ask again at the next contact
    }
  }

  async function wipe() {
    keyPromise = Promise.resolve(null);
    toWorker({ type: 'wipe' });
    if (dbPromise) {
      (await dbPromise).close();
      dbPromise = null;
    }
    await new Promise(resolve => {
      const request = indexedDB.deleteDatabase(DB);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
    if (window.caches) {
      for (const name of await caches.keys()) await caches.delete(name);
    }
    await showBadge();
  }

  // ---- The outbox ----
  async function enqueue(id, item) {
    await put('outbox', { id, createdAt: Date.now(), state: 'waiting', box: await seal(item) });
    await showBadge();
  }

  const send = (id, item) => fetch(item.url, {
    method: item.method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': id },
    body: JSON.stringify(item.body),
    cache: 'no-store',
  });

  let flushing = null;
  const flush = () => (flushing ??= sendWaiting().finally(() => { flushing = null; }));

  async function sendWaiting() {
    if (!navigator.onLine || !await exists()) return showBadge();
    const waiting = (await all('outbox')).filter(e => e.state === 'waiting').sort((a, b) => a.createdAt - b.createdAt);
    let sent = 0;
    if (waiting.length > 0 && await privateKey()) {
      for (const entry of waiting) {
        const item = await unseal(entry.box);
        let response;
        try {
          response = await send(entry.id, item);
        } catch {
          break; // the network dropped: the same key is sent again next time, and the server creates nothing twice
        }
        if (response.ok) {
          await remove('outbox', entry.id);
          await forgetDraft(item.draft);
          sent++;
          continue;
        }
        if (response.status === 401) {
          keyPromise = null;
          break;
        }
        if (response.status >= 500 || response.status === 429) break;
        const problem = await response.json().catch(() => ({ title: response.statusText }));
        const state = response.status === 409 ? 'conflict' : 'refused';
        await put('outbox', { ...entry, state, box: await seal({ ...item, problem }) });
      }
    }
    if (sent > 0) await refreshPack(true); // the people's details as they are now saved
    await showBadge();
    document.dispatchEvent(new CustomEvent('trajet:outbox'));
  }

  async function showBadge() {
    const badge = document.getElementById('outbox-badge');
    if (!badge) return;
    const entries = await exists() ? await all('outbox') : [];
    const waiting = entries.filter(e => e.state === 'waiting').length;
    const attention = entries.length - waiting;
    const parts = [];
    if (waiting > 0) parts.push(waiting === 1 ? badge.dataset.one : badge.dataset.many.replace('{0}', waiting));
    if (attention > 0) parts.push(`${attention} ${badge.dataset.attention}`);
    badge.textContent = parts.join(' · ');
    badge.hidden = parts.length === 0;
  }

  // ---- Forms: a form marked data-offline is sent as JSON to its API route, through the outbox when needed ----
  const camel = name => name.replace(/^Input\./, '').replace(/^./, c => c.toLowerCase());

  /** The form as the API reads it: data-json gives an option's API value (enums in kebab-case). */
  function formJson(form) {
    const body = {};
    const lists = new Set();
    for (const el of form.elements) {
      if (!el.name?.startsWith('Input.')) continue;
      const key = camel(el.name);
      if (el.type === 'checkbox') {
        if (el.value === 'true') {
          body[key] = el.checked;
        } else {
          lists.add(key);
          body[key] ??= [];
          if (el.checked) body[key].push(el.dataset.json ?? el.value);
        }
      } else if (el.type === 'hidden' && el.value === 'false' && key in body) {
        // ASP.NET's companion of a checkbox
      } else if (el.tagName === 'SELECT') {
        const option = el.selectedOptions[0];
        body[key] = option && option.value !== '' ? option.dataset.json ?? option.value : null;
      } else if (el.type === 'number') {
        body[key] = el.value === '' ? null : Number(el.value);
      } else if (el.type !== 'submit' && el.type !== 'button') {
        body[key] = el.value.trim() === '' ? null : el.value;
      }
    }
    return body;
  }

  const draftKey = () => location.pathname + location.search;

  function say(form, message, link) {
    let box = form.querySelector('.offline-status');
    if (!box) {
      box = document.createElement('p');
      box.className = 'offline-status notice';
      box.setAttribute('role', 'status');
      form.prepend(box);
    }
    box.textContent = message;
    if (link) {
      const a = document.createElement('a');
      a.href = link.href;
      a.textContent = link.text;
      box.append(' ', a);
    }
    box.scrollIntoView({ block: 'nearest' });
  }

  function showProblem(form, problem) {
    let summary = form.querySelector('.errors');
    if (!summary) {
      summary = Object.assign(document.createElement('div'), { className: 'errors' });
      summary.setAttribute('role', 'alert');
      form.prepend(summary);
    }
    const list = document.createElement('ul');
    const messages = Object.values(problem?.errors ?? {}).flat();
    for (const text of messages.length ? messages : [problem?.detail ?? problem?.title ?? texts().notSent]) {
      const li = document.createElement('li');
      li.textContent = text;
      list.append(li);
    }
    summary.replaceChildren(list);
    summary.scrollIntoView({ block: 'nearest' });
  }

  /** After a save kept on the phone, the form is ready for the next (a contact round logs many). */
  async function queued(form, message, link) {
    const session = form.querySelector('[name="Input.SessionId"]')?.value;
    form.reset();
    if (session) form.querySelector('[name="Input.SessionId"]').value = session;
    await forgetDraft(draftKey());
    say(form, message, link);
  }

  function done(template, body, result) {
    return template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(result?.[name] ?? body[name] ?? ''));
  }

  async function submitForm(form) {
    const t = texts();
    const item = {
      url: form.dataset.offline,
      method: form.dataset.offlineMethod ?? 'POST',
      body: formJson(form),
      label: form.dataset.offlineLabel ?? document.title,
      draft: draftKey(),
    };
    const id = crypto.randomUUID(); // made when the person pressed save: every resend carries it
    if (!navigator.onLine) {
      await enqueue(id, item);
      return queued(form, t.savedOffline);
    }
    let response;
    try {
      response = await send(id, item);
    } catch {
      await enqueue(id, item);
      return queued(form, t.savedOffline);
    }
    if (response.ok) {
      await forgetDraft(item.draft);
      location.assign(done(form.dataset.offlineDone ?? location.pathname, item.body, await response.json().catch(() => ({}))));
      return;
    }
    if (response.status === 401) {
      await enqueue(id, item);
      return queued(form, t.signInAgain, { href: `/Accounts/Login?ReturnUrl=${encodeURIComponent(draftKey())}`, text: t.signIn });
    }
    if (response.status >= 500 || response.status === 429) {
      await enqueue(id, item);
      return queued(form, t.savedOffline);
    }
    showProblem(form, await response.json().catch(() => null));
  }

  // ---- Drafts of long forms, kept sealed as the person types ----
  async function keepDraft(form) {
    if (!await exists() || !await get('meta', 'owner')) return;
    const fields = [...new FormData(form)].filter(([name, value]) => name.startsWith('Input.') && typeof value === 'string');
    await put('drafts', { form: draftKey(), savedAt: Date.now(), box: await seal(fields) });
    document.documentElement.dataset.draftSaved = String(Date.now());
  }

  async function forgetDraft(key) {
    if (key && await exists()) await remove('drafts', key);
  }

  async function restoreDraft(form) {
    if (!await exists()) return;
    const draft = await get('drafts', draftKey());
    if (!draft) return;
    if (Date.now() - draft.savedAt > DRAFT_DAYS * 864e5) return forgetDraft(draft.form);
    const fields = await unseal(draft.box);
    if (!fields) return;
    for (const el of form.elements) {
      if (!el.name?.startsWith('Input.')) continue;
      const values = fields.filter(([name]) => name === el.name).map(([, value]) => value);
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = values.includes(el.value);
      else if (el.type !== 'hidden' && values.length > 0) el.value = values[0];
    }
    const t = texts();
    const note = document.createElement('p');
    note.className = 'notice offline-draft';
    note.setAttribute('role', 'status');
    note.textContent = t.draftRestored.replace('{0}', new Date(draft.savedAt).toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' })) + ' ';
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'small secondary';
    discard.textContent = t.discard;
    discard.addEventListener('click', async () => {
      await forgetDraft(draft.form);
      location.reload();
    });
    note.append(discard);
    form.prepend(note);
  }

  /** A draft and the list of the next days' work do not outlive a week unopened; what waits to be sent stays. */
  async function forgetOld() {
    if (!await exists()) return;
    const before = Date.now() - DRAFT_DAYS * 864e5;
    for (const draft of await all('drafts')) if (draft.savedAt < before) await remove('drafts', draft.form);
    const kept = await get('pack', 'pack');
    if (kept && kept.savedAt < before) await remove('pack', 'pack');
  }

  // ---- The next days' work: refreshed while online, sealed; the worker keeps its forms ----
  async function refreshPack(now = false) {
    const kept = await get('pack', 'pack');
    if (!now && kept && Date.now() - kept.savedAt < PACK_MINUTES * 6e4) return;
    const response = await fetch('/api/offline/pack', { cache: 'no-store', headers: { Accept: 'application/json' } }).catch(() => null);
    if (!response?.ok) return;
    const pack = await response.json();
    await put('pack', { savedAt: Date.now(), box: await seal(pack) }, 'pack');
    toWorker({ type: 'cache', urls: pack.pages });
    document.dispatchEvent(new CustomEvent('trajet:outbox'));
  }

  /** The forms of the pack are all in the worker's cache (kept while an earlier page was open). */
  async function allKept() {
    const pages = (await readPack())?.pages;
    if (!pages || !('caches' in window)) return false;
    for (const url of pages) if (!await caches.match(url)) return false;
    return true;
  }

  async function readPack() {
    const kept = await exists() ? await get('pack', 'pack') : null;
    return kept ? unseal(kept.box) : null;
  }

  /** The contact form opened offline for a person from this phone's list: the cached form is the plain one. */
  async function returningPerson(form) {
    const id = new URLSearchParams(location.search).get('person');
    if (!id || form.querySelector('[name="Input.PersonId"]')) return;
    const person = (await readPack())?.people.find(p => p.id === id);
    if (!person) return;
    const hidden = Object.assign(document.createElement('input'), { type: 'hidden', name: 'Input.PersonId', value: id });
    const nickname = form.querySelector('[name="Input.Nickname"]');
    nickname?.closest('.field')?.replaceWith(hidden);
    const line = document.createElement('p');
    line.textContent = `${person.nickname}`;
    hidden.after(line);
  }

  // ---- Sign-in and sign-out ----
  async function beforeSignOut(form) {
    if (await exists()) {
      await flush();
      const left = (await all('outbox')).length;
      if (left > 0 && !confirm(texts().signOutLoses.replace('{0}', left))) return false;
      await wipe();
    }
    return true;
  }

  async function beforeSignIn(form) {
    const email = form.querySelector('input[type=email], [name="Input.Email"]')?.value ?? '';
    if (!await exists()) return;
    const owner = await get('meta', 'owner');
    if (owner && owner.emailHash !== await sha256(email)) await wipe(); // someone else signs in on this phone
  }

  document.addEventListener('submit', e => {
    const form = e.target;
    if (form.dataset.passed) return;
    const signOut = form.matches('form[action$="/Accounts/Logout"]');
    const signIn = location.pathname.startsWith('/Accounts/Login') && form.querySelector('[name="Input.Password"]') !== null;
    const offline = form.matches('form[data-offline]') && works();
    if (!signOut && !signIn && !offline) return;
    e.preventDefault();
    const submitter = e.submitter;
    (async () => {
      if (offline) return submitForm(form);
      const go = signOut ? await beforeSignOut(form) : (await beforeSignIn(form), true);
      if (go) {
        form.dataset.passed = 'true';
        form.requestSubmit(submitter);
      }
    })().catch(error => console.error(error));
  });

  // ---- The device page (/Offline) ----
  async function showDevice() {
    const page = document.querySelector('.device');
    if (!page || !document.getElementById('device-outbox')) return;
    const d = document.getElementById('device-texts').dataset;
    const state = document.getElementById('device-state');
    const unlocked = await privateKey();
    state.hidden = !!unlocked;
    state.textContent = unlocked ? '' : d.locked;
    const entries = await exists() ? (await all('outbox')).sort((a, b) => a.createdAt - b.createdAt) : [];
    const list = document.getElementById('device-outbox');
    const conflicts = document.getElementById('device-conflicts');
    list.replaceChildren();
    conflicts.replaceChildren();
    for (const entry of entries) {
      const item = unlocked ? await unseal(entry.box) : null;
      if (entry.state === 'conflict' && item) {
        conflicts.append(conflictForm(entry, item, d));
        continue;
      }
      const li = document.createElement('li');
      const when = new Date(entry.createdAt).toLocaleString(document.documentElement.lang, { dateStyle: 'short', timeStyle: 'short' });
      li.textContent = `${item?.label ?? '…'} · ${d.savedAt.replace('{0}', when)}`;
      if (entry.state !== 'waiting') {
        const why = document.createElement('span');
        why.className = 'error';
        why.textContent = ` ${entry.state === 'conflict' ? d.conflict : d.refused}: ${Object.values(item?.problem?.errors ?? {}).flat().join(' ') || item?.problem?.title || ''}`;
        li.append(why);
      }
      const drop = document.createElement('button');
      drop.type = 'button';
      drop.className = 'small secondary';
      drop.textContent = d.delete;
      drop.addEventListener('click', async () => { await remove('outbox', entry.id); await showBadge(); await showDevice(); });
      li.append(' ', drop);
      list.append(li);
    }
    document.getElementById('device-nothing').hidden = list.children.length > 0;
    document.getElementById('device-send').hidden = !entries.some(e => e.state === 'waiting');
    document.getElementById('device-conflicts-section').hidden = conflicts.children.length === 0;
    const pack = unlocked ? await readPack() : null;
    const cases = document.getElementById('device-cases');
    cases.replaceChildren(...(pack?.cases ?? []).map(c => {
      const li = document.createElement('li');
      li.append(`${c.number} · ${c.family} `);
      for (const [href, text] of [[`/CaseWork/LogInteraction/${c.id}`, d.logVisit], [`/CaseWork/LogInteraction/${c.id}?type=Message`, d.addNote]]) {
        li.append(Object.assign(document.createElement('a'), { href, textContent: text }), ' ');
      }
      return li;
    }));
    const people = document.getElementById('device-people');
    people.replaceChildren(...(pack?.people ?? []).map(p => personLine(p, d)));
    for (const list of [cases, people]) {
      if (list.children.length === 0) list.append(Object.assign(document.createElement('li'), { className: 'hint', textContent: d.none }));
    }
  }

  const personFields = ['nickname', 'phone', 'firstName', 'lastName'];

  function personLine(person, d) {
    const line = document.getElementById('device-person').content.firstElementChild.cloneNode(true);
    line.querySelector('[data-slot=name]').textContent = person.nickname + (person.firstName || person.lastName ? ` (${[person.firstName, person.lastName].filter(Boolean).join(' ')})` : '') + (person.phone ? ` · ${person.phone}` : '');
    line.querySelector('[data-slot=met]').textContent = d.met.replace('{0}', person.lastMet);
    line.querySelector('[data-slot=log]').href = `/Outreach/LogContact?person=${person.id}`;
    const form = line.querySelector('form');
    for (const name of personFields) {
      const input = form.elements[name];
      input.id = `p-${person.id}-${name}`;
      input.value = input.defaultValue = person[name] ?? '';
      form.querySelector(`[data-for=${name}]`).htmlFor = input.id;
    }
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const base = {};
      const changes = {};
      for (const name of personFields) {
        const value = form.elements[name].value.trim();
        if (value !== (person[name] ?? '')) {
          base[name] = person[name] ?? null;
          changes[name] = value === '' ? null : value;
        }
      }
      if (Object.keys(changes).length === 0) return;
      await editPerson(person, { version: person.version, base, changes });
      say(form, texts().savedOffline);
    });
    return line;
  }

  async function editPerson(person, body) {
    await enqueue(crypto.randomUUID(), { url: `/api/outreach/people/${person.id}`, method: 'PATCH', body, label: person.nickname, person: person.id });
    // The phone's copy says what the person typed, so that a second edit builds on the first.
    const pack = await readPack();
    const kept = pack?.people.find(p => p.id === person.id);
    if (kept) {
      Object.assign(kept, body.changes);
      const savedAt = (await get('pack', 'pack')).savedAt;
      await put('pack', { savedAt, box: await seal(pack) }, 'pack');
    }
    await flush();
  }

  /** Both versions side by side, field by field: the person chooses, nothing is overwritten silently. */
  function conflictForm(entry, item, d) {
    const form = document.getElementById('device-conflict').content.firstElementChild.cloneNode(true);
    form.querySelector('[data-slot=title]').textContent = `${item.label} · ${d.conflict}`;
    const fields = form.querySelector('[data-slot=fields]');
    const conflicts = item.problem?.conflicts ?? [];
    for (const c of conflicts) {
      const set = document.getElementById('device-conflict-field').content.firstElementChild.cloneNode(true);
      set.querySelector('[data-slot=field]').textContent = d[c.field] ?? c.field;
      set.querySelector('[data-slot=mine]').textContent = c.mine ?? '—';
      set.querySelector('[data-slot=theirs]').textContent = c.theirs ?? '—';
      for (const radio of set.querySelectorAll('input[type=radio]')) radio.name = `${entry.id}-${c.field}`;
      const other = set.querySelector('[data-slot=other]');
      other.name = `${entry.id}-${c.field}-other`;
      other.value = c.mine ?? '';
      other.addEventListener('input', () => { set.querySelector('input[value=other]').checked = true; });
      fields.append(set);
    }
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const base = { ...item.body.base };
      const changes = { ...item.body.changes };
      for (const c of conflicts) {
        const choice = form.querySelector(`input[name="${entry.id}-${c.field}"]:checked`)?.value ?? 'mine';
        const value = choice === 'theirs' ? c.theirs : choice === 'other' ? form.elements[`${entry.id}-${c.field}-other`].value.trim() || null : c.mine;
        base[c.field] = c.theirs; // decided against what is saved now
        if (choice === 'theirs') delete changes[c.field], delete base[c.field];
        else changes[c.field] = value;
      }
      await remove('outbox', entry.id);
      if (Object.keys(changes).length > 0) {
        await enqueue(crypto.randomUUID(), { ...item, problem: undefined, body: { version: item.problem?.version ?? item.body.version, base, changes } });
      }
      await flush();
      await showDevice();
    });
    return form;
  }

  function wireDevice() {
    document.getElementById('device-send')?.addEventListener('click', async () => { await flush(); await showDevice(); });
    document.getElementById('device-wipe')?.addEventListener('click', async () => {
      if (!confirm(document.getElementById('device-texts').dataset.confirmWipe)) return;
      await wipe();
      await showDevice();
    });
    document.addEventListener('trajet:outbox', () => showDevice());
  }

  // ---- Start ----
  async function start() {
    if (!works()) {
      await checkStillValid(); // a signed-out page: was this phone's user signed out everywhere?
      document.documentElement.dataset.offlineReady = 'true';
      return;
    }
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.addEventListener('message', e => {
        if (e.data?.type === 'kept') document.documentElement.dataset.offlineKept = 'true';
      });
      navigator.serviceWorker.register('/sw.js').catch(() => {});
    }
    const forms = [...document.querySelectorAll('form[data-offline]')];
    const unlocked = await privateKey();
    if (unlocked) await db();
    await forgetOld();
    for (const form of forms) {
      if (form.matches('[data-draft]')) {
        await restoreDraft(form);
        let timer;
        form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => keepDraft(form), 400); });
      }
      await returningPerson(form);
    }
    await showBadge();
    wireDevice();
    await showDevice();
    if (unlocked && navigator.onLine) {
      await refreshPack();
      await flush();
    }
    if (unlocked && await allKept()) document.documentElement.dataset.offlineKept = 'true';
    window.addEventListener('online', () => { keyPromise = null; flush(); });
    document.documentElement.dataset.offlineReady = 'true';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

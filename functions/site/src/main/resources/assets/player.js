/* Castline: enhances the server-rendered player; without it, native audio and ?t= links still work. */
(() => {
  'use strict';
  const $$ = (s, r = document) => [...r.querySelectorAll(s)];
  const store = (f) => { try { return f(localStorage); } catch { return null; } };
  const pad = (n) => String(n).padStart(2, '0');
  const fmt = (s) => {
    s = Math.max(0, Math.floor(s) || 0);
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    return (h ? h + ':' + pad(m) : m) + ':' + pad(s % 60);
  };
  // 88 | 1:28 | 1:02:03 | 1h2m3s; anything else is null
  const parseT = (v) => {
    v = String(v || '').trim();
    const m = /^(?:(?:(\d+):)?(\d+):)?(\d+(?:\.\d+)?)$/.exec(v) || (v && /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(v));
    return m ? (+m[1] || 0) * 3600 + (+m[2] || 0) * 60 + (+m[3] || 0) : null;
  };
  const copy = (text) => Promise.resolve()
    .then(() => navigator.clipboard.writeText(text)).then(() => true, () => false);
  const urlT = parseT(new URLSearchParams(location.search).get('t'));
  const players = new WeakMap();
  const play = (a) => { const p = a.play(); if (p) p.catch(() => {}); };
  const attr = (el, name, on) => (on ? el.setAttribute(name, 'true') : el.removeAttribute(name));

  $$('[data-player]').forEach((el) => {
    const audio = el.querySelector('audio');
    if (!audio) return;
    const d = el.dataset, one = (s) => el.querySelector(s), key = 'castline:pos:' + (d.slug || '');
    const items = $$('[data-topics] li[data-start]', el.closest('article, main') || document)
      .map((li) => ({ li, start: parseT(li.dataset.start), title: (li.querySelector('.chapter-title') || li).textContent.trim() }))
      .filter((c) => c.start !== null).sort((a, b) => a.start - b.start);
    const cues = $$('[data-transcript] li[data-start]', el.closest('article, main') || document)
      .map((li) => ({ li, start: +li.dataset.start })).filter((c) => c.start >= 0);
    let curCue = -1;
    const bar = one('[data-chapter-bar]'), now = one('[data-now-playing]'), status = one('[data-copy-status]');
    const dur = () => (audio.duration > 0 && isFinite(audio.duration) ? audio.duration : +d.duration || 0);
    let pending = urlT < (+d.duration || Infinity) ? urlT : null, touched = false, saved = 0, cur, track, fill, marks = [], W = 0;

    // The ?t= start is applied on loadedmetadata; a #t= fragment would fight a seek made before loading.
    const src = audio.getAttribute('src');
    if (src && src.includes('#')) audio.src = src.replace(/#.*/, '');

    const pos = () => (audio.readyState < 1 && pending !== null ? pending : audio.currentTime);
    const seek = (t) => {
      t = Math.max(0, Math.min(t, dur() || t));
      touched = true;
      if (audio.readyState < 1) pending = t;
      try { audio.currentTime = t; } catch { /* not seekable yet */ }
      update();
    };
    const skip = (n) => seek(pos() + n);
    const jump = (t) => { seek(t); play(audio); };
    const chapterAt = (t) => items.reduce((i, c, k) => (c.start <= t + 0.5 ? k : i), -1);

    // The cue being heard: the last that starts before now (cues are in time order).
    function cueAt(t) {
      let lo = 0, hi = cues.length - 1, i = -1;
      while (lo <= hi) { const m = (lo + hi) >> 1; if (cues[m].start <= t + 0.25) { i = m; lo = m + 1; } else hi = m - 1; }
      if (i === curCue) return;
      if (cues[curCue]) { cues[curCue].li.classList.remove('current'); cues[curCue].li.removeAttribute('aria-current'); }
      if (cues[i]) { cues[i].li.classList.add('current'); cues[i].li.setAttribute('aria-current', 'true'); }
      curCue = i;
    }

    function update() {
      const t = pos(), i = chapterAt(t);
      if (cues.length) cueAt(t);
      if (fill && dur()) fill.style.width = Math.min(100, (t / dur()) * 100) + '%';
      if (i === cur) return;
      cur = i;
      items.forEach((c, k) => { c.li.classList.toggle('current', k === i); attr(c.li, 'aria-current', k === i); });
      marks.forEach((b, k) => b.classList.toggle('current', k === i));
      if (now) now.textContent = i < 0 ? '' : 'Now: ' + items[i].title;
    }

    // Markers stay 24 px apart (the tick inside stays exact); if they cannot,
    // they become plain ticks and the topic list is the control. W, the track's width, comes from
    // a ResizeObserver: reading clientWidth here would lay out the whole page inside this script.
    function layout() {
      bar.hidden = !dur();
      const n = marks.length, D = dur(), dense = n * 24 > W;
      if (!D || !W) return;
      const p = items.map((c) => Math.min(1, c.start / D) * W), q = p.map((x) => Math.min(Math.max(x, 12), W - 12));
      for (let i = 1; i < n; i++) q[i] = Math.max(q[i], q[i - 1] + 24);
      for (let i = n - 2; i >= 0; i--) q[i] = Math.min(q[i], q[i + 1] - 24);
      marks.forEach((b, i) => {
        const x = dense ? p[i] : q[i];
        b.disabled = dense;
        attr(b, 'aria-hidden', dense);
        b.style.left = (x / W) * 100 + '%';
        b.style.setProperty('--tick', p[i] - x + 'px');
      });
      update();
    }

    if (bar && items.length) {
      const div = (c) => Object.assign(document.createElement('div'), { className: c });
      bar.setAttribute('role', 'group');
      bar.setAttribute('aria-label', 'Chapters');
      track = div('chapter-track');
      fill = div('chapter-fill');
      marks = items.map((c) => {
        const b = Object.assign(document.createElement('button'), { type: 'button', className: 'chapter-marker', title: `${c.title} (${fmt(c.start)})` });
        b.setAttribute('aria-label', `Jump to ${b.title}`);
        b.onclick = () => jump(c.start);
        return b;
      });
      track.append(fill, ...marks);
      bar.append(track);
      layout();
      const measure = (w) => { W = w; layout(); };
      if (window.ResizeObserver) new ResizeObserver((es) => measure(es[es.length - 1].contentRect.width)).observe(track);
      else { measure(track.clientWidth); addEventListener('resize', () => measure(track.clientWidth)); }
      audio.addEventListener('durationchange', layout);
    }

    const controls = one('[data-controls]');
    if (controls) controls.hidden = false;
    $$('[data-skip]', el).forEach((b) => { b.onclick = () => skip(+b.dataset.skip || 0); });

    const speed = one('[data-speed]');
    if (speed) {
      const s = store((l) => l.getItem('castline:speed'));
      if ($$('option', speed).some((o) => o.value === s)) speed.value = s;
      const apply = () => { audio.playbackRate = audio.defaultPlaybackRate = +speed.value || 1; };
      apply();
      speed.onchange = () => { apply(); store((l) => l.setItem('castline:speed', speed.value)); };
    }

    const copyBtn = one('[data-copy-time]');
    if (copyBtn) copyBtn.onclick = () => {
      const url = `${(d.baseUrl || location.origin).replace(/\/+$/, '')}/episodes/${encodeURIComponent(d.slug || '')}?t=${fmt(pos())}`;
      if (status) { status.setAttribute('data-url', url); status.textContent = ''; }
      copy(url).then((ok) => { if (status) status.textContent = ok ? 'Copied URL with current time' : 'Link: ' + url; });
    };

    const on = (type, f) => audio.addEventListener(type, f);
    const save = () => store((l) => l.setItem(key, Math.floor(audio.currentTime)));
    on('loadedmetadata', () => {
      const t = pending;
      pending = null;
      if (t !== null && t < dur() && Math.abs(audio.currentTime - t) > 1) audio.currentTime = t;
      update();
    });
    on('play', () => {
      if (!touched && urlT === null) {
        const t = parseT(store((l) => l.getItem(key)));
        if (t > 5 && t < (dur() || Infinity) - 5) seek(t);
      }
      touched = true;
      if ('mediaSession' in navigator) session();
    });
    on('timeupdate', () => {
      update();
      if (audio.currentTime > 0 && Date.now() - saved > 5000) { saved = Date.now(); save(); }
    });
    on('seeked', update);
    on('pause', () => { if (!audio.ended && audio.currentTime > 0) save(); });
    on('ended', () => store((l) => l.removeItem(key)));

    function session() {
      const ms = navigator.mediaSession;
      try {
        ms.metadata = new MediaMetadata({ title: d.title || document.title, artist: d.show || '', artwork: d.artwork ? [{ src: d.artwork }] : [] });
      } catch { /* no MediaMetadata */ }
      const chapter = (dir) => {
        const i = chapterAt(pos()), k = dir < 0 && i >= 0 && pos() - items[i].start > 3 ? i : i + dir;
        if (items[k]) seek(items[k].start);
      };
      const h = {
        play: () => play(audio), pause: () => audio.pause(), seekbackward: () => skip(-15), seekforward: () => skip(30),
        seekto: (e) => { if (e.seekTime >= 0) seek(e.seekTime); },
        previoustrack: items.length ? () => chapter(-1) : null, nexttrack: items.length ? () => chapter(1) : null
      };
      for (const a in h) try { ms.setActionHandler(a, h[a]); } catch { /* unsupported action */ }
    }

    el.addEventListener('keydown', (e) => {
      const tag = e.target.tagName, k = e.key;
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || /^(SELECT|INPUT|TEXTAREA|AUDIO|VIDEO)$/.test(tag)) return;
      if (k === 'ArrowLeft' || k === 'ArrowRight') skip(k === 'ArrowLeft' ? -15 : 30);
      else if (/^[kK]$/.test(k) || (k === ' ' && !/^(BUTTON|A)$/.test(tag))) audio.paused ? play(audio) : audio.pause();
      else return;
      e.preventDefault();
    });

    players.set(el, jump);
    update();
  });

  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[data-start]');
    if (!a || e.defaultPrevented || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const t = parseT(a.dataset.start), jump = players.get((a.closest('article, main') || document).querySelector('[data-player]'));
    if (t !== null && jump) { e.preventDefault(); jump(t); }
  });

  // A long transcript: a screenful, until the listener asks for all of it.
  $$('[data-transcript-toggle]').forEach((btn) => {
    const body = document.getElementById(btn.getAttribute('aria-controls'));
    if (body) btn.onclick = () => {
      const open = body.classList.toggle('open');
      btn.textContent = open ? 'Show less of the transcript' : 'Show the whole transcript';
    };
  });

  // Home page: copy the feed URL; without a clipboard, select it for the listener.
  $$('[data-copy-feed]').forEach((btn) => {
    const box = btn.closest('.subscribe, section') || document, input = box.querySelector('.feed-url');
    const out = box.querySelector('output'), label = btn.textContent;
    if (input) btn.onclick = () => copy(input.value).then((ok) => {
      if (!ok) { input.focus(); input.select(); }
      const msg = ok ? 'Copied' : 'Selected: press Ctrl+C (⌘C) to copy';
      if (out) out.textContent = msg;
      else { btn.textContent = msg; setTimeout(() => { btn.textContent = label; }, 2000); }
    });
  });
})();

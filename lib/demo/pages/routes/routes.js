/*
 * 出口路线测试页的页面脚本：每条路线一个函数，用页面自己的代码把编辑器中的稿件发出去。
 * The route page's own code: one function per way a draft can leave the page, each sending what the
 * editor holds (plus `extra`, an edit made on the way out) and reporting the page's own outcome.
 *
 * window.__routes = {
 *   ready, editor,
 *   run(key): Promise<{ ok, error?, note? }>   run one route from script,
 *   arm(key)                                   the next click on #route-go runs `key`,
 *   last: Promise | null                       the outcome of the last click-started route,
 *   setExtra(text)                             appended to the content on the way out (an "edited" payload),
 *   getContent(), setContent(html),
 * }
 */
(function (w, d) {
  'use strict';
  var form = d.getElementById('cms-form');
  var status = d.getElementById('status');
  var extra = '';
  var editor = textareaEditor();

  function textareaEditor() {
    var ta = d.getElementById('content');
    return { getContent: function () { return ta.value; }, setContent: function (h) { ta.value = h; }, sync: function () {} };
  }

  function say(ok, text) {
    status.textContent = text;
    status.className = 'status ' + (ok ? 'ok' : 'err');
  }
  function ok(note) { say(true, '发送成功'); return { ok: true, note: note }; }
  function fail(e) {
    var msg = e && e.message ? e.message : String(e);
    say(false, '发送失败：' + msg);
    return { ok: false, error: msg };
  }
  /** Runs a route; a synchronous exception is the page's own error path too. */
  function attempt(fn) {
    try {
      return Promise.resolve(fn()).then(function (r) { return r; }, fail);
    } catch (e) {
      return Promise.resolve(fail(e));
    }
  }
  function httpOk(r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return ok('HTTP ' + r.status);
  }

  function payload() {
    editor.sync();
    return { title: form.elements.title.value, content: editor.getContent() + extra };
  }
  function qs(p) { return new URLSearchParams(p).toString(); }
  function sink(k) { return '/sink/r/' + k; }
  var FORM_TYPE = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };
  var JSON_TYPE = { 'content-type': 'application/json' };

  // An edit on the way out reaches native submissions too: the entry list gets it.
  form.addEventListener('formdata', function (e) {
    if (!extra) return;
    e.formData.set('content', String(e.formData.get('content') || '') + extra);
  });
  form.addEventListener('submit', function () { editor.sync(); });

  /** crypto-js from npm, loaded when a route first needs it (the route page opens hundreds of times). */
  function cryptoJs() {
    if (w.CryptoJS) return Promise.resolve(w.CryptoJS);
    return new Promise(function (resolve, reject) {
      var s = d.createElement('script');
      s.src = '/vendor/crypto-js/crypto-js.js';
      s.onload = function () { resolve(w.CryptoJS); };
      s.onerror = function () { reject(new Error('crypto-js did not load')); };
      d.head.appendChild(s);
    });
  }
  function fetchPost(url, method, body, headers) {
    return fetch(url, { method: method, headers: headers, body: body }).then(httpOk);
  }
  function xhr(url, async, body) {
    return new Promise(function (resolve) {
      var x = new XMLHttpRequest();
      x.open('POST', url, async);
      x.setRequestHeader('content-type', FORM_TYPE['content-type']);
      x.onload = function () { resolve(x.status < 300 ? ok('HTTP ' + x.status) : fail('HTTP ' + x.status)); };
      x.onerror = function () { resolve(fail('网络错误')); };
      x.onabort = function () { resolve(fail('已中止')); };
      if (!async) {
        x.send(body);
        resolve(x.status < 300 ? ok('HTTP ' + x.status) : fail('HTTP ' + x.status));
        return;
      }
      x.send(body);
    });
  }
  function ajax(url) {
    return new Promise(function (resolve) {
      $.ajax({ url: url, type: 'POST', data: payload(), dataType: 'json' }).then(
        function () { resolve(ok('$.ajax')); },
        function (xhr, text, err) { resolve(fail(text + ' ' + (err || ''))); },
      );
    });
  }
  function beacon(data) {
    var queued = navigator.sendBeacon(sink('beacon'), data);
    return queued ? ok('queued') : fail('sendBeacon 返回 false');
  }
  function formFields(p) {
    var fd = new FormData();
    fd.append('title', p.title);
    fd.append('content', p.content);
    return fd;
  }
  /**
   * A contenteditable box with the caret in it, for execCommand: the selection is put there by hand,
   * as focus() alone leaves it where it was when the window is not the focused one (Firefox).
   */
  function editableCaret() {
    var box = d.createElement('div');
    box.contentEditable = 'true';
    // empty: Precheck reads an editable area no editor owns as part of the draft
    d.body.appendChild(box);
    box.focus();
    var range = d.createRange();
    range.selectNodeContents(box);
    range.collapse(false);
    var sel = w.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return box;
  }
  /** CSS for an element of its own (rules on one element would override each other's picture). */
  function blobCss(key) {
    var el = d.createElement('div');
    el.id = 'route-' + key;
    el.textContent = '·';
    d.body.appendChild(el);
    return '#route-' + key + '{background-image:url("' + sink(key) + '?' + qs(payload()) + '")}';
  }
  function navigateLater(fn) {
    fn();
    return ok('navigating');
  }
  function loadImage(set) {
    return new Promise(function (resolve) {
      var img = new Image();
      img.onload = function () { resolve(ok('loaded')); };
      img.onerror = function () { resolve(ok('requested (not an image)')); };
      set(img);
    });
  }
  function viaWorker(make, op) {
    return new Promise(function (resolve) {
      var worker = make();
      var port = worker.port || worker;
      port.onmessage = function (e) { resolve(e.data.ok ? ok(op + ' in worker') : fail(e.data.error)); };
      if (worker.port) worker.port.start();
      worker.onerror = function (e) { resolve(fail('worker error: ' + (e.message || ''))); };
      port.postMessage({ op: op, url: location.origin + sink('worker-' + op), body: qs(payload()) });
    });
  }
  /** A fresh frame without src: its window stays on the initial about:blank until navigated. */
  /** A data: HTML document whose only content is a picture whose URL carries the draft. */
  function dataDocument(k) {
    return 'data:text/html,' + encodeURIComponent('<img src="' + location.origin + sink(k) + '?' + qs(payload()) + '">');
  }
  function blankFrame() {
    var frame = d.createElement('iframe');
    frame.className = 'route-blank-frame';
    d.body.appendChild(frame);
    return frame;
  }
  /** A same-origin page of the CMS in a new frame, once loaded. */
  function loadedFrame() {
    var fr = d.createElement('iframe');
    fr.src = 'frame.html';
    return new Promise(function (loaded) {
      fr.onload = function () { loaded(fr); };
      d.body.appendChild(fr);
    });
  }
  /** A blank frame whose document the page wrote, as the editors do with theirs. */
  function openedBlankFrame() {
    var doc = blankFrame().contentDocument;
    doc.open();
    doc.write('<!doctype html><html><head><title>编辑区</title></head><body><p>正文</p></body></html>');
    doc.close();
    return doc;
  }
  /** The payload as hidden fields of form `f` in `doc`. */
  function payloadFields(doc, f) {
    var p = payload();
    Object.keys(p).forEach(function (k) {
      var i = doc.createElement('input');
      i.type = 'hidden';
      i.name = k;
      i.value = p[k];
      f.appendChild(i);
    });
  }
  /** A GET form in `doc` holding the payload as hidden fields. */
  function blankForm(doc, key) {
    var f = doc.createElement('form');
    f.action = location.origin + sink(key);
    payloadFields(doc, f);
    doc.body.appendChild(f);
    return f;
  }
  /** A worker makes a blob: URL of `text` (its own Blob and createObjectURL, out of the page's reach) and hands it back. */
  function workerBlobUrl(text, type) {
    var src = 'onmessage = function (e) { try { postMessage({ url: URL.createObjectURL(new Blob([e.data.text], { type: e.data.type })) }); } catch (err) { postMessage({ error: String(err && err.message || err) }); } };';
    var worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    return new Promise(function (resolve, reject) {
      worker.onmessage = function (e) { if (e.data.error) reject(new Error(e.data.error)); else resolve(e.data.url); };
      worker.onerror = function (e) { reject(new Error('worker error: ' + (e.message || ''))); };
      worker.postMessage({ text: text, type: type });
    });
  }
  function blobWorker() {
    return fetch('/routes/worker.js').then(function (r) { return r.text(); }).then(function (src) {
      return new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    });
  }
  /**
   * Two WebRTC peers in this page, connected over the network (UDP on loopback): what the first sends
   * on a data channel reaches the second only by leaving the page. The second's messages and channel
   * labels are kept in __routes.peerReceived, as a remote peer would get them.
   */
  function peerLoop(label, send, handOff) {
    var pc1 = new RTCPeerConnection();
    var pc2 = new RTCPeerConnection();
    var got = api.peerReceived;
    pc1.onicecandidate = function (e) { if (e.candidate) pc2.addIceCandidate(e.candidate); };
    pc2.onicecandidate = function (e) { if (e.candidate) pc1.addIceCandidate(e.candidate); };
    pc2.ondatachannel = function (e) {
      got.push('label:' + e.channel.label);
      e.channel.onmessage = function (m) { got.push(String(m.data)); };
    };
    var close = function () { setTimeout(function () { pc1.close(); pc2.close(); }, 500); };
    return withTimeout(Promise.resolve().then(function () {
      var dc = pc1.createDataChannel(label);
      // handOff: the channel goes elsewhere while still connecting (a worker), which says when it sent
      var opened = handOff ? handOff(dc) : new Promise(function (resolve) { dc.onopen = resolve; });
      return pc1.setLocalDescription()
        .then(function () { return pc2.setRemoteDescription(pc1.localDescription); })
        .then(function () { return pc2.setLocalDescription(); })
        .then(function () { return pc1.setRemoteDescription(pc2.localDescription); })
        .then(function () { return opened; })
        .then(function () { send(dc); close(); return ok('sent'); });
    }).then(null, function (e) { close(); return fail(e); }), 8000, 'WebRTC');
  }
  function withTimeout(p, ms, what) {
    return Promise.race([p, new Promise(function (resolve) { setTimeout(function () { resolve(fail(what + ' 超时')); }, ms); })]);
  }
  /** Speculation rules whose list rule prefetches the draft in a URL's query. */
  function speculationList(k) { return JSON.stringify({ prefetch: [{ source: 'list', urls: [sink(k) + '?' + qs(payload())] }] }); }
  function jsSink(k) { return '/sink/js/' + k; }
  /** A <style> in <head> with these Text children. */
  function styleWith(parts) {
    var style = d.createElement('style');
    parts.forEach(function (p) { style.appendChild(d.createTextNode(p)); });
    d.head.appendChild(style);
    return style;
  }
  /** The rest of an @import once 'url' is whole: `("<sink>?<draft>");`. */
  function styleTail(k) { return '("' + sink(k) + '?' + qs(payload()) + '");'; }
  function loadScript(src) {
    return new Promise(function (resolve) {
      var s = d.createElement('script');
      s.src = src;
      s.onload = function () { resolve(ok('loaded')); };
      s.onerror = function () { resolve(fail('脚本加载失败')); };
      d.head.appendChild(s);
    });
  }
  /** A worker from a blob: running `src`; it reports "ok" or its error (a failed static import is an error event). */
  function workerImport(src, options) {
    return withTimeout(new Promise(function (resolve) {
      var wk = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })), options);
      wk.onmessage = function (e) { wk.terminate(); resolve(e.data === 'ok' ? ok('imported') : fail(e.data)); };
      wk.onerror = function (e) { e.preventDefault(); wk.terminate(); resolve(fail((e && e.message) || '工作线程加载失败')); };
    }), 5000, 'worker import');
  }
  function wsUrl(path) { return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path; }

  /** Builds a form on the fly with the payload in hidden fields and submits it (old CMS helpers do). */
  function tempForm(action, target, doc) {
    doc = doc || d;
    var f = doc.createElement('form');
    f.method = 'post';
    f.action = action;
    if (target) f.target = target;
    payloadFields(doc, f);
    doc.body.appendChild(f);
    f.submit();
    return ok('submitted');
  }

  /**
   * A form posted into the result frame whose own formdata listener adds the draft and stops the
   * event: no listener after it sees the entry list.
   */
  function lateListenerForm(doc, name) {
    var f = doc.createElement('form');
    f.method = 'post';
    f.action = location.origin + sink(name);
    f.target = 'result-frame';
    var title = doc.createElement('input');
    title.type = 'hidden';
    title.name = 'title';
    title.value = form.elements.title.value;
    f.appendChild(title);
    f.addEventListener('formdata', function (e) {
      e.formData.append('content', payload().content);
      e.stopImmediatePropagation();
    });
    doc.body.appendChild(f);
    f.requestSubmit();
    return ok('submitted');
  }

  var routes = {
    'form.submit': function () { form.setAttribute('action', sink('form-submit')); editor.sync(); form.submit(); return ok('submitted'); },
    requestSubmit: function () { form.setAttribute('action', sink('form-requestsubmit')); form.requestSubmit(); return ok('submitted'); },
    'form-on-the-fly': function () { return tempForm(sink('form-fly')); },
    'form-submit-fresh-frame': function () {
      // submit() of a form in a fresh frame, aimed at its sibling: the name is looked up in the whole page
      var fr = d.createElement('iframe');
      d.body.appendChild(fr);
      return tempForm(location.origin + sink('form-fly-fresh'), 'result-frame', fr.contentDocument);
    },
    'form-submit-renamed-frame': function () {
      // page code renames the result frame's window: a form still aimed at the frame's name attribute
      // opens a new window, whose navigation no gate of this page sees
      d.getElementById('result-frame').contentWindow.name = 'result-frame-renamed';
      return tempForm(location.origin + sink('form-renamed'), 'result-frame');
    },
    'form-late-listener': function () { return lateListenerForm(d, 'form-late'); },
    'form-late-listener-fresh-frame': function () {
      // a frame the page reaches before its own scripts ran: its guard is its parent's
      var fr = d.createElement('iframe');
      d.body.appendChild(fr);
      return lateListenerForm(fr.contentDocument, 'form-late-fresh');
    },
    'form-shadowed-action': function () {
      var f = d.getElementById('shadowed-form');
      var p = payload();
      f.elements.title.value = p.title;
      f.elements.content.value = p.content;
      // form.action is the <input name="action">, not the URL: the page submits anyway
      f.submit();
      return ok('submitted');
    },
    'fetch-post': function () { return fetchPost(sink('fetch-post'), 'POST', qs(payload()), FORM_TYPE); },
    'fetch-put-article': function () { return fetchPost('/sink/api/articles/42', 'PUT', JSON.stringify(payload()), JSON_TYPE); },
    'fetch-patch': function () { return fetchPost(sink('fetch-patch'), 'PATCH', JSON.stringify(payload()), JSON_TYPE); },
    // An older CMS script: the body written with escape() (Chinese as %uXXXX), sent by XHR.
    'xhr-escape': function () {
      var p = payload();
      return xhr(sink('xhr-escape'), true, 'title=' + escape(p.title) + '&content=' + escape(p.content));
    },
    // A JSON body gzipped in the page (CompressionStream), sent as bytes with Content-Encoding: gzip.
    'fetch-gzip': function () {
      var packed = new Blob([JSON.stringify(payload())]).stream().pipeThrough(new CompressionStream('gzip'));
      return new Response(packed).arrayBuffer().then(function (bytes) {
        return fetchPost(sink('fetch-gzip'), 'POST', bytes, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      });
    },
    // A CMS that encrypts its request bodies (AES-GCM by Web Crypto) and sends the key along for its
    // server, as 等保-minded admin systems do (the recording server decrypts with it).
    'fetch-encrypted': function () {
      var iv = crypto.getRandomValues(new Uint8Array(12));
      var subtle = crypto.subtle;
      var base64 = function (buf) { return btoa(String.fromCharCode.apply(null, new Uint8Array(buf))); };
      return subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['encrypt']).then(function (key) {
        return subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, new TextEncoder().encode(JSON.stringify(payload()))).then(function (sealed) {
          return subtle.exportKey('raw', key).then(function (raw) {
            return fetchPost(sink('fetch-encrypted'), 'POST', base64(sealed), { 'content-type': 'text/plain', 'encrypt-key': base64(raw), 'encrypt-iv': base64(iv) });
          });
        });
      });
    },
    // The same with crypto-js (a page script's own AES, as most encrypting admin systems do it): no
    // browser function sees the text, only ciphertext leaves.
    'fetch-crypto-js': function () {
      return cryptoJs().then(function (C) {
        var key = C.lib.WordArray.random(16);
        var iv = C.lib.WordArray.random(16);
        var sealed = C.AES.encrypt(JSON.stringify(payload()), key, { iv: iv, mode: C.mode.CBC, padding: C.pad.Pkcs7 });
        var headers = { 'content-type': 'application/json', 'encrypt-key': C.enc.Base64.stringify(key), 'encrypt-iv': C.enc.Base64.stringify(iv), 'encrypt-mode': 'cbc' };
        return fetchPost(sink('fetch-crypto-js'), 'POST', JSON.stringify({ data: sealed.toString() }), headers);
      });
    },
    // The content in four pieces, one request each, one after the other (a script keeping each body
    // small); the title goes with every piece.
    'fetch-pieces': function () {
      var p = payload();
      var n = 4;
      var sent = Promise.resolve();
      for (var i = 0; i < n; i++) {
        (function (i) {
          var piece = p.content.slice(Math.round((i * p.content.length) / n), Math.round(((i + 1) * p.content.length) / n));
          sent = sent.then(function () { return fetchPost(sink('fetch-pieces'), 'POST', qs({ title: p.title, part: i, content: piece }), FORM_TYPE); }).then(function (r) {
            if (!r.ok) throw new Error(r.error);
          });
        })(i);
      }
      return sent.then(function () { return ok(n + ' pieces sent'); }, function (e) { return fail(String((e && e.message) || e)); });
    },
    // What a CMS behind a web application firewall does so the firewall lets its markup through.
    'fetch-base64': function () {
      var p = payload();
      return fetchPost(sink('fetch-base64'), 'POST', qs({ title: p.title, content: btoa(encodeURIComponent(p.content)) }), FORM_TYPE);
    },
    // A Java CMS: each field encoded twice, for a servlet container that reads the query as ISO-8859-1.
    'fetch-get-twice': function () {
      var p = payload();
      return fetch(sink('fetch-get-twice') + '?title=' + encodeURIComponent(encodeURI(p.title)) + '&content=' + encodeURIComponent(encodeURI(p.content))).then(httpOk);
    },
    'fetch-get-query': function () { return fetch(sink('fetch-get') + '?' + qs(payload())).then(httpOk); },
    // The content in the URL's path, no query, no body: base64 (url-safe).
    'fetch-path-base64': function () {
      var b64 = btoa(unescape(encodeURIComponent(payload().content))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      return fetch(sink('fetch-path') + '/' + b64).then(httpOk);
    },
    'fetch-request-other-realm': function () {
      var R = d.getElementById('realm-frame').contentWindow.Request;
      var req = new R(location.origin + sink('fetch-request'), { method: 'POST', headers: FORM_TYPE, body: qs(payload()) });
      return fetch(req).then(httpOk);
    },
    // fetch of another window of the page: a fresh frame's, and a loaded same-origin frame's
    'fetch-from-fresh-frame': function () {
      var fr = d.createElement('iframe');
      d.body.appendChild(fr);
      return fr.contentWindow.fetch(location.origin + sink('fetch-fresh-frame'), { method: 'POST', headers: FORM_TYPE, body: qs(payload()) }).then(httpOk);
    },
    'fetch-from-loaded-frame': function () {
      return loadedFrame().then(function (fr) {
        return fr.contentWindow.fetch(sink('fetch-loaded-frame'), { method: 'POST', headers: FORM_TYPE, body: qs(payload()) });
      }).then(httpOk);
    },
    // fetch of a window the page opened: still on its initial about:blank, and a page of the CMS once loaded
    'fetch-from-opened-window': function () {
      var win = w.open('');
      if (!win) return fail('no window');
      return win.fetch(location.origin + sink('fetch-opened-window'), { method: 'POST', headers: FORM_TYPE, body: qs(payload()) }).then(httpOk);
    },
    'fetch-from-opened-page': function () {
      var win = w.open('frame.html');
      if (!win) return fail('no window');
      return new Promise(function (loaded) { win.addEventListener('load', loaded); }).then(function () {
        return win.fetch(sink('fetch-opened-page'), { method: 'POST', headers: FORM_TYPE, body: qs(payload()) });
      }).then(httpOk);
    },
    // a form the page puts into a loaded same-origin frame, which then navigates itself
    'form-in-loaded-frame': function () {
      return loadedFrame().then(function (fr) {
        var doc = fr.contentDocument;
        var f = doc.createElement('form');
        f.method = 'post';
        f.action = sink('form-loaded-frame');
        payloadFields(doc, f);
        // as a CMS syncs its editor into the form on submit: a submission run again carries the draft as it is then
        f.addEventListener('submit', function () {
          var q = payload();
          Object.keys(q).forEach(function (k) { f.elements[k].value = q[k]; });
        });
        doc.body.appendChild(f);
        f.requestSubmit();
        return ok('submitted');
      });
    },
    'fetch-formdata': function () { return fetchPost(sink('fetch-formdata'), 'POST', formFields(payload())); },
    'drafts-publish': function () { return fetchPost('/sink/api/drafts/42/publish', 'POST', JSON.stringify(payload()), JSON_TYPE); },
    'save-do-status': function () { return fetchPost('/sink/admin/save.do?status=1', 'POST', qs(payload()), FORM_TYPE); },
    'xhr-async': function () { return xhr(sink('xhr-async'), true, qs(payload())); },
    'xhr-sync': function () { return xhr(sink('xhr-sync'), false, qs(payload())); },
    'jquery-ajax': function () { return ajax(sink('ajax')); },
    'beacon-string': function () { return beacon(qs(payload())); },
    'beacon-formdata': function () { return beacon(formFields(payload())); },
    'beacon-blob': function () { return beacon(new Blob([qs(payload())], { type: 'application/x-www-form-urlencoded' })); },
    'location-href': function () { return navigateLater(function () { location.href = sink('nav-href') + '?' + qs(payload()); }); },
    'location-assign': function () { return navigateLater(function () { location.assign(sink('nav-assign') + '?' + qs(payload())); }); },
    link: function () {
      var a = d.getElementById('route-link');
      a.href = sink('link') + '?' + qs(payload());
      a.click();
      return ok('clicked');
    },
    'link-blank': function () {
      var a = d.getElementById('route-link-blank');
      a.href = sink('link-blank') + '?' + qs(payload());
      a.click();
      return ok('clicked');
    },
    'window-open': function () {
      var win = w.open(sink('open') + '?' + qs(payload()));
      return win ? ok('opened') : fail('window.open 返回 null');
    },
    eventsource: function () {
      return withTimeout(new Promise(function (resolve) {
        var es = new EventSource('/sink/events?' + qs(payload()));
        es.onopen = function () { es.close(); resolve(ok('open')); };
        es.onerror = function () { es.close(); resolve(fail('EventSource 错误')); };
      }), 5000, 'EventSource');
    },
    'image-src': function () { return loadImage(function (img) { img.src = sink('img-src') + '?' + qs(payload()); }); },
    'image-setattribute': function () { return loadImage(function (img) { img.setAttribute('src', sink('img-attr') + '?' + qs(payload())); }); },
    // setNamedItem on an element that already has an attribute: the map's owner is read from it
    'image-setnameditem': function () {
      return loadImage(function (img) {
        img.alt = '';
        var src = d.createAttribute('src');
        src.value = sink('img-named') + '?' + qs(payload());
        img.attributes.setNamedItem(src);
      });
    },
    'innerhtml-img': function () {
      var box = d.createElement('div');
      d.body.appendChild(box);
      box.innerHTML = '<img src="' + sink('img-html') + '?' + qs(payload()).replace(/"/g, '&quot;') + '" alt="">';
      return ok('written');
    },
    'websocket-url': function () {
      return withTimeout(new Promise(function (resolve) {
        var ws = new WebSocket(wsUrl('/sink/ws?' + qs(payload())));
        ws.onopen = function () { ws.close(); resolve(ok('open')); };
        ws.onerror = function () { resolve(fail('WebSocket 错误')); };
      }), 5000, 'WebSocket');
    },
    'websocket-send': function () {
      return withTimeout(new Promise(function (resolve) {
        var ws = new WebSocket(wsUrl('/sink/ws'));
        ws.onopen = function () {
          try {
            ws.send(JSON.stringify(payload()));
            setTimeout(function () { ws.close(); }, 500);
            resolve(ok('sent'));
          } catch (e) {
            ws.close();
            resolve(fail(e));
          }
        };
        ws.onerror = function () { resolve(fail('WebSocket 错误')); };
      }), 5000, 'WebSocket');
    },
    'worker-fetch': function () { return viaWorker(function () { return new Worker('/routes/worker.js'); }, 'fetch'); },
    'worker-xhr': function () { return viaWorker(function () { return new Worker('/routes/worker.js'); }, 'xhr'); },
    'worker-encrypt': function () { return viaWorker(function () { return new Worker('/routes/worker.js'); }, 'encrypt'); },
    'blob-worker-fetch': function () { return blobWorker().then(function (wk) { return viaWorker(function () { return wk; }, 'fetch'); }); },
    'blob-worker-xhr': function () { return blobWorker().then(function (wk) { return viaWorker(function () { return wk; }, 'xhr'); }); },
    'shared-worker-fetch': function () { return viaWorker(function () { return new SharedWorker('/routes/worker.js'); }, 'fetch'); },
    'module-worker-fetch': function () { return viaWorker(function () { return new Worker('/routes/worker.js', { type: 'module' }); }, 'fetch'); },
    // CSS, parsed HTML and element constructors that fetch a URL by themselves
    'css-background': function () {
      var box = d.createElement('div');
      box.style.width = '8px';
      box.style.height = '8px';
      box.style.backgroundImage = 'url("' + sink('css-background') + '?' + qs(payload()) + '")';
      d.body.appendChild(box);
      return ok('styled');
    },
    'style-import': function () {
      var style = d.createElement('style');
      style.textContent = '@import url("' + sink('style-import') + '?' + qs(payload()) + '");';
      d.head.appendChild(style);
      return ok('imported');
    },
    // A <style>'s text built in pieces: each piece alone holds no URL ('ur' + 'l(' …); the whole text does.
    'style-append-data': function () {
      styleWith(['']).firstChild.appendData('@import url' + styleTail('style-append-data'));
      return ok('appended');
    },
    'style-insert-data': function () {
      styleWith(['@import ur' + styleTail('style-insert-data')]).firstChild.insertData(10, 'l');
      return ok('inserted');
    },
    'style-replace-data': function () {
      styleWith(['@import urX' + styleTail('style-replace-data')]).firstChild.replaceData(10, 1, 'l');
      return ok('replaced');
    },
    'style-delete-data': function () {
      styleWith(['@import urXXl' + styleTail('style-delete-data')]).firstChild.deleteData(10, 2);
      return ok('deleted');
    },
    'style-two-nodes': function () {
      styleWith(['@import ur']).appendChild(d.createTextNode('l' + styleTail('style-two-nodes')));
      return ok('appended');
    },
    'style-remove-between': function () {
      var style = styleWith(['@import ur', '/**/', 'l' + styleTail('style-remove-between')]);
      style.removeChild(style.childNodes[1]);
      return ok('removed');
    },
    'style-split-nodevalue': function () {
      var rest = styleWith(['@import urX' + styleTail('style-split-nodevalue')]).firstChild.splitText(10);
      rest.nodeValue = 'l' + rest.nodeValue.slice(1);
      return ok('written');
    },
    'style-fragment-after': function () {
      var fragment = d.createDocumentFragment();
      fragment.append('l', styleTail('style-fragment-after'));
      styleWith(['@import ur']).firstChild.after(fragment);
      return ok('inserted');
    },
    'style-range-delete': function () {
      var text = styleWith(['@import urXXl' + styleTail('style-range-delete')]).firstChild;
      var range = d.createRange();
      range.setStart(text, 10);
      range.setEnd(text, 12);
      range.deleteContents();
      return ok('deleted');
    },
    'style-detached': function () {
      var style = d.createElement('style');
      style.appendChild(d.createTextNode('@import ur'));
      style.firstChild.appendData('l' + styleTail('style-detached'));
      d.head.appendChild(style);
      return ok('inserted');
    },
    'contextual-fragment': function () {
      var html = '<img alt="" src="' + sink('fragment') + '?' + qs(payload()).replace(/"/g, '&quot;') + '">';
      d.body.appendChild(d.createRange().createContextualFragment(html));
      return ok('parsed');
    },
    'new-audio': function () {
      var audio = new Audio(sink('audio') + '?' + qs(payload()));
      audio.preload = 'auto';
      audio.load();
      return ok('loading');
    },
    'link-ping': function () {
      var a = d.getElementById('route-ping');
      a.setAttribute('ping', sink('ping') + '?' + qs(payload()));
      a.click();
      return ok('clicked');
    },
    'link-download': function () {
      var a = d.getElementById('route-download');
      a.href = sink('download') + '?' + qs(payload());
      a.click();
      return ok('clicked');
    },
    // a sandboxed frame (opaque origin): its own script sends a simple POST, no preflight
    'sandboxed-frame': function () {
      return withTimeout(new Promise(function (resolve) {
        var f = d.createElement('iframe');
        f.setAttribute('sandbox', 'allow-scripts');
        f.style.display = 'none';
        w.addEventListener('message', function once(e) {
          if (e.source !== f.contentWindow) return;
          w.removeEventListener('message', once);
          resolve(e.data === 'sent' ? ok('sent from the frame') : fail(e.data));
        });
        var send = 'fetch(' + JSON.stringify(location.origin + sink('sandboxed')) + ', { method: "POST", mode: "no-cors", body: ' + JSON.stringify(qs(payload())) + ' })';
        f.srcdoc = '<script>' + send + '.then(function () { parent.postMessage("sent", "*"); }, function (e) { parent.postMessage("failed: " + e.message, "*"); });<\/script>';
        d.body.appendChild(f);
      }), 5000, 'sandboxed frame');
    },
    'service-worker': function () {
      return withTimeout(navigator.serviceWorker.register('/routes/service-worker.js').then(function () { return navigator.serviceWorker.ready; }).then(function (reg) {
        return new Promise(function (resolve) {
          navigator.serviceWorker.addEventListener('message', function once(e) {
            navigator.serviceWorker.removeEventListener('message', once);
            resolve(e.data.ok ? ok('sent by the service worker') : fail(e.data.error));
          });
          reg.active.postMessage({ url: location.origin + sink('service-worker'), body: qs(payload()) });
        });
      }), 5000, 'service worker');
    },
    // found by the second probe: headers, the Referer, cookies, script and module loaders, CSS values
    'fetch-header': function () { return fetch(sink('fetch-header'), { headers: { 'X-Content': encodeURIComponent(payload().content) } }).then(httpOk); },
    'xhr-header': function () {
      return new Promise(function (resolve) {
        var x = new XMLHttpRequest();
        x.open('GET', sink('xhr-header'));
        x.setRequestHeader('X-Content', encodeURIComponent(payload().content));
        x.onload = function () { resolve(x.status < 300 ? ok('HTTP ' + x.status) : fail('HTTP ' + x.status)); };
        x.onerror = function () { resolve(fail('网络错误')); };
        x.send();
      });
    },
    'fetch-referrer': function () { return fetch(sink('fetch-referrer'), { referrer: location.pathname + '?' + qs(payload()) }).then(httpOk); },
    'history-referer': function () {
      var home = location.pathname + location.search;
      history.replaceState(null, '', location.pathname + '?' + qs(payload()));
      return fetch(sink('history')).then(httpOk).finally(function () { history.replaceState(null, '', home); });
    },
    cookie: function () {
      d.cookie = 'draft=' + encodeURIComponent(payload().content) + '; path=/sink/r/cookie';
      return fetch(sink('cookie')).then(httpOk).finally(function () { d.cookie = 'draft=; max-age=0; path=/sink/r/cookie'; });
    },
    'cookie-store': function () {
      // (a cookieStore path ends with '/': the browser adds one)
      return cookieStore.set({ name: 'draft2', value: encodeURIComponent(payload().content), path: '/sink/r/cookie-store/' }).then(function () {
        return fetch(sink('cookie-store/')).then(httpOk).finally(function () { return cookieStore.delete({ name: 'draft2', path: '/sink/r/cookie-store/' }); });
      });
    },
    'worker-url': function () {
      var wk = new Worker(sink('worker-url') + '?' + qs(payload()));
      setTimeout(function () { wk.terminate(); }, 2000);
      return ok('started');
    },
    'import-scripts': function () {
      return withTimeout(new Promise(function (resolve) {
        var src = 'try { importScripts(' + JSON.stringify(location.origin + sink('import-scripts') + '?' + qs(payload())) + '); postMessage("ok"); } catch (e) { postMessage(String(e && e.message || e)); }';
        var wk = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
        // the sink answers JSON, which is no script: the request left all the same
        wk.onmessage = function (e) { wk.terminate(); resolve(e.data === 'ok' || /Unexpected|SyntaxError|token/i.test(e.data) ? ok('requested') : fail(e.data)); };
      }), 5000, 'importScripts');
    },
    'sw-register': function () {
      return navigator.serviceWorker.register(sink('sw-register') + '?' + qs(payload()), { scope: '/sink/r/' }).then(
        function () { return ok('registered'); },
        function (e) { return /SecurityError/.test(e && e.name) && /预检/.test(e.message) ? fail(e) : ok('requested (' + (e && e.name) + ')'); },
      );
    },
    worklet: function () {
      var ctx = new AudioContext();
      return ctx.audioWorklet.addModule(sink('worklet') + '?' + qs(payload())).then(
        function () { return ok('loaded'); },
        function (e) { return /预检/.test(e && e.message) ? fail(e) : ok('requested (' + (e && e.name) + ')'); },
      ).finally(function () { ctx.close(); });
    },
    'font-face': function () {
      var face = new FontFace('route-font', 'url("' + sink('font') + '?' + qs(payload()) + '")');
      return face.load().then(function () { return ok('loaded'); }, function () { return ok('requested (not a font)'); });
    },
    animate: function () {
      var box = d.createElement('div');
      box.style.width = '8px';
      box.style.height = '8px';
      d.body.appendChild(box);
      var bg = 'url("' + sink('animate') + '?' + qs(payload()) + '")';
      box.animate([{ backgroundImage: bg }, { backgroundImage: bg }], 1000);
      return ok('animating');
    },
    'register-property': function () {
      var name = '--route-url-' + Date.now() + '-' + Math.floor(Math.random() * 1e6);
      CSS.registerProperty({ name: name, syntax: '<url>', inherits: false, initialValue: 'url("' + sink('register-property') + '?' + qs(payload()) + '")' });
      var box = d.createElement('div');
      box.style.width = '8px';
      box.style.height = '8px';
      box.style.backgroundImage = 'var(' + name + ')';
      d.body.appendChild(box);
      return ok('registered');
    },
    'cache-add': function () {
      return caches.open('routes').then(function (c) { return c.add(sink('cache') + '?' + qs(payload())); }).then(function () { return ok('cached'); });
    },
    'fetch-later': function () {
      fetchLater(sink('fetch-later'), { method: 'POST', headers: FORM_TYPE, body: qs(payload()), activateAfter: 0 });
      return ok('queued');
    },
    'svg-use-href': function () {
      var ns = 'http://www.w3.org/2000/svg';
      var svg = d.createElementNS(ns, 'svg');
      var use = d.createElementNS(ns, 'use');
      use.href.baseVal = sink('svg-use') + '?' + qs(payload()) + '#icon';
      svg.appendChild(use);
      d.body.appendChild(svg);
      return ok('referenced');
    },
    'link-imagesrcset': function () {
      var link = d.createElement('link');
      link.rel = 'preload';
      link.as = 'image';
      link.setAttribute('imagesrcset', sink('imagesrcset') + '?' + qs(payload()));
      d.head.appendChild(link);
      return ok('preloading');
    },
    // speculation rules: the browser prefetches (or prerenders) what they name, by itself
    'speculation-append': function () {
      var s = d.createElement('script');
      s.type = 'speculationrules';
      s.textContent = speculationList('speculation-append');
      d.head.appendChild(s);
      return ok('rules added');
    },
    'speculation-text-after': function () {
      var s = d.createElement('script');
      s.type = 'speculationrules';
      d.head.appendChild(s);
      s.textContent = speculationList('speculation-text-after');
      return ok('rules added');
    },
    'speculation-script-text': function () {
      var s = d.createElement('script');
      s.setAttribute('type', 'speculationrules');
      s.text = speculationList('speculation-script-text');
      d.body.append(s);
      return ok('rules added');
    },
    'speculation-replace-with': function () {
      var spot = d.createElement('span');
      d.body.appendChild(spot);
      var s = d.createElement('script');
      var type = d.createAttribute('type');
      type.value = 'speculationrules';
      s.attributes.setNamedItem(type);
      s.appendChild(d.createTextNode(speculationList('speculation-replace-with')));
      spot.replaceWith(s);
      return ok('rules added');
    },
    'speculation-fragment': function () {
      var html = '<script type="speculationrules">' + speculationList('speculation-fragment') + '</' + 'script>';
      d.body.appendChild(d.createRange().createContextualFragment(html));
      return ok('rules added');
    },
    'speculation-prerender': function () {
      var s = d.createElement('script');
      s.type = 'speculationrules';
      s.textContent = JSON.stringify({ prerender: [{ source: 'list', urls: [sink('speculation-prerender') + '?' + qs(payload())] }] });
      d.head.appendChild(s);
      return ok('rules added');
    },
    // a document rule prefetches the page's own links: a link is judged only when it is followed
    'speculation-document-rule': function () {
      var a = d.createElement('a');
      a.href = sink('speculation-document-rule') + '?' + qs(payload());
      a.textContent = '预览';
      d.body.appendChild(a);
      var s = d.createElement('script');
      s.type = 'speculationrules';
      s.textContent = JSON.stringify({ prefetch: [{ source: 'document', where: { href_matches: '/sink/r/speculation-document-rule*' }, eagerness: 'immediate' }] });
      d.head.appendChild(s);
      return ok('rules added');
    },
    // dynamic import() and a module worker's static import: syntax, no function a page hook wraps
    'import-page': function () {
      return import(jsSink('import-page') + '?' + qs(payload())).then(function () { return ok('imported'); });
    },
    // import() to a host Precheck was not granted (the test names it in __routes.other)
    'import-other-host': function () {
      return import(api.other + jsSink('import-other') + '?' + qs(payload())).then(function () { return ok('imported'); });
    },
    'import-ascii': function () {
      var id = payload().content.match(/\d{17}[\dX]/);
      return import(jsSink('import-ascii') + '?id=' + (id ? id[0] : '')).then(function () { return ok('imported'); });
    },
    'import-worker': function () {
      return workerImport('import(' + JSON.stringify(location.origin + jsSink('import-worker') + '?' + qs(payload())) + ').then(function () { postMessage("ok"); }, function (e) { postMessage(String(e && e.message || e)); });', {});
    },
    'module-worker-import': function () {
      return workerImport('import ' + JSON.stringify(location.origin + jsSink('module-worker-import') + '?' + qs(payload())) + '; postMessage("ok");', { type: 'module' });
    },
    'websocket-stream': function () {
      var wss = new WebSocketStream(wsUrl('/sink/ws?' + qs(payload())));
      return withTimeout(wss.opened.then(function (c) { wss.close(); return ok('open'); }, function (e) { return fail(e); }), 5000, 'WebSocketStream');
    },
    'websocket-stream-write': function () {
      var wss = new WebSocketStream(wsUrl('/sink/ws'));
      return withTimeout(wss.opened.then(function (c) {
        var writer = c.writable.getWriter();
        return writer.write(JSON.stringify(payload())).then(function () {
          setTimeout(function () { wss.close(); }, 500);
          return ok('sent');
        });
      }).then(null, function (e) { wss.close(); return fail(e); }), 5000, 'WebSocketStream');
    },
    'webrtc-send': function () { return peerLoop('chat', function (dc) { dc.send(JSON.stringify(payload())); }); },
    'webrtc-label': function () { return peerLoop(JSON.stringify(payload()), function () {}); },
    'webrtc-worker-send': function () {
      var src = 'onmessage = function (e) { var dc = e.data; dc.onopen = function () { dc.send(' + JSON.stringify(JSON.stringify(payload())) + '); postMessage("sent"); }; };';
      var wk = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
      return peerLoop('chat', function () {}, function (dc) {
        wk.postMessage(dc, [dc]);
        return new Promise(function (resolve) { wk.onmessage = resolve; });
      });
    },
    'webrtc-ping': function () { return peerLoop('chat', function (dc) { dc.send('ping'); }); },
    'worker-websocket-stream': function () {
      return workerImport('var s = new WebSocketStream(' + JSON.stringify(wsUrl('/sink/ws')) + '); s.opened.then(function (c) { return c.writable.getWriter().write(' + JSON.stringify(JSON.stringify(payload())) + '); }).then(function () { setTimeout(function () { postMessage("ok"); }, 300); }, function (e) { postMessage(String(e && e.message || e)); });', {});
    },
    webtransport: function () {
      try {
        var t = new WebTransport('https://' + location.hostname + ':4433/sink');
        t.closed.then(null, function () {});
        return Promise.resolve(ok('made'));
      } catch (e) { return Promise.resolve(fail(e)); }
    },
    'worker-webtransport': function () {
      return workerImport('try { var t = new WebTransport(' + JSON.stringify('https://' + location.hostname + ':4433/sink') + '); t.closed.then(null, function () {}); postMessage("ok"); } catch (e) { postMessage(String(e && e.message || e)); }', {});
    },
    'meta-refresh': function () {
      var m = d.createElement('meta');
      m.httpEquiv = 'refresh';
      m.content = '0;url=' + sink('meta-refresh') + '?' + qs(payload());
      d.head.appendChild(m);
      return ok('written');
    },
    'img-attributionsrc': function () {
      var img = new Image();
      img.setAttribute('attributionsrc', sink('attributionsrc') + '?' + qs(payload()));
      img.src = '/routes/name.html?img';
      d.body.appendChild(img);
      return ok('written');
    },
    'payment-method': function () {
      var pr = new PaymentRequest([{ supportedMethods: location.origin + sink('payment-method') + '?' + qs(payload()) }], { total: { label: '合计', amount: { currency: 'CNY', value: '1.00' } } });
      return withTimeout(pr.canMakePayment().then(function () { return ok('asked'); }), 5000, 'PaymentRequest');
    },
    'fedcm-config': function () {
      var asked = navigator.credentials.get({ identity: { providers: [{ configURL: location.origin + sink('fedcm-config') + '?' + qs(payload()), clientId: 'cms' }] } });
      // FedCM waits for a sign-in the fixture never offers: the request has gone out by then
      return Promise.race([asked.then(function () { return ok('signed in'); }), new Promise(function (resolve) { setTimeout(function () { resolve(ok('asked')); }, 1500); })]).then(null, fail);
    },
    'svg-set-markup': function () {
      var box = d.createElement('div');
      d.body.appendChild(box);
      box.innerHTML = '<svg width="10" height="10"><image width="5" height="5" href="/routes/name.html"><set attributeName="href" begin="0s" to="' + sink('svg-set') + '?' + qs(payload()).replace(/"/g, '&quot;') + '"/></image></svg>';
      return ok('written');
    },
    'svg-animate-attribute': function () {
      var ns = 'http://www.w3.org/2000/svg';
      var svg = d.createElementNS(ns, 'svg');
      var image = d.createElementNS(ns, 'image');
      var animate = d.createElementNS(ns, 'animate');
      image.setAttribute('href', '/routes/name.html');
      animate.setAttribute('attributeName', 'href');
      // one value, held: a list that switches values makes Chromium fetch again now and then
      animate.setAttribute('dur', 'indefinite');
      animate.setAttribute('values', sink('svg-animate') + '?' + qs(payload()));
      image.appendChild(animate);
      svg.appendChild(image);
      d.body.appendChild(svg);
      return ok('written');
    },
    // found by the fifth probe: the browser makes the element (or parses the document) itself
    'exec-insert-image': function () {
      editableCaret();
      return d.execCommand('insertImage', false, sink('exec-insert-image') + '?' + qs(payload())) ? ok('inserted') : fail('insertImage 返回 false');
    },
    'xhr-document-adopt': function () {
      var src = (sink('xhr-document') + '?' + qs(payload())).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      var url = URL.createObjectURL(new Blob(['<!doctype html><img src="' + src + '">'], { type: 'text/html' }));
      return new Promise(function (resolve) {
        var x = new XMLHttpRequest();
        x.open('GET', url);
        x.responseType = 'document';
        x.onload = function () {
          try {
            d.body.appendChild(d.adoptNode(x.response.querySelector('img')));
            resolve(ok('adopted'));
          } catch (e) {
            resolve(fail(e));
          }
        };
        x.onerror = function () { resolve(fail('XHR 网络错误')); };
        x.send();
      });
    },
    'svg-filter-attribute': function () {
      var ns = 'http://www.w3.org/2000/svg';
      var svg = d.createElementNS(ns, 'svg');
      var rect = d.createElementNS(ns, 'rect');
      rect.setAttribute('width', '5');
      rect.setAttribute('height', '5');
      // an external filter reference: the browser fetches the document it names
      rect.setAttribute('filter', 'url("' + sink('svg-filter') + '?' + qs(payload()) + '#f")');
      svg.appendChild(rect);
      d.body.appendChild(svg);
      return ok('written');
    },
    'keyframes-append-rule': function () {
      var style = d.createElement('style');
      style.textContent = '@keyframes route-kf { from { color: red } } #route-kf { animation: route-kf 10s infinite; }';
      d.head.appendChild(style);
      var rule = Array.prototype.filter.call(style.sheet.cssRules, function (r) { return r.type === 7; })[0];
      rule.appendRule('50% { background-image: url("' + sink('keyframes') + '?' + qs(payload()) + '") }');
      var el = d.createElement('div');
      el.id = 'route-kf';
      el.textContent = '·';
      d.body.appendChild(el);
      return ok('appended');
    },
    'nested-declarations': function () {
      var style = d.createElement('style');
      style.textContent = '#route-nd { color: red; & b { color: blue } color: green; }';
      d.head.appendChild(style);
      var nested = Array.prototype.filter.call(style.sheet.cssRules[0].cssRules, function (r) { return r.constructor.name === 'CSSNestedDeclarations'; })[0];
      if (!nested) return fail('no CSSNestedDeclarations');
      nested.style.backgroundImage = 'url("' + sink('nested') + '?' + qs(payload()) + '")';
      var el = d.createElement('div');
      el.id = 'route-nd';
      el.textContent = '·';
      d.body.appendChild(el);
      return ok('written');
    },
    'xslt-fragment': function () {
      var p = new DOMParser();
      var text = payload().content.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      var xml = p.parseFromString('<r>' + text + '</r>', 'application/xml');
      var xsl = p.parseFromString('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">' +
        '<img xmlns="http://www.w3.org/1999/xhtml" src="{concat(\'' + sink('xslt') + '?content=\', /r)}"/></xsl:template></xsl:stylesheet>', 'application/xml');
      var t = new XSLTProcessor();
      t.importStylesheet(xsl);
      d.body.appendChild(t.transformToFragment(xml, d));
      return ok('transformed');
    },
    'background-fetch': function () {
      return navigator.serviceWorker.register('/routes/service-worker.js').then(function () { return navigator.serviceWorker.ready; }).then(function (reg) {
        return reg.backgroundFetch.fetch('route-' + Date.now(), [sink('background-fetch') + '?' + qs(payload())]);
      }).then(function () { return ok('fetching'); });
    },
    // a Blob the page builds, handed to the browser by URL: it parses it and fetches what it holds
    'blob-stylesheet': function () {
      var css = blobCss('blob-stylesheet');
      var link = d.createElement('link');
      link.rel = 'stylesheet';
      link.href = URL.createObjectURL(new Blob([css], { type: 'text/css' }));
      d.head.appendChild(link);
      return ok('linked');
    },
    'blob-frame': function () {
      // absolute: a blob: document has no base a path could be resolved against
      var src = (location.origin + sink('blob-frame') + '?' + qs(payload())).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      var frame = d.createElement('iframe');
      frame.src = URL.createObjectURL(new Blob(['<!doctype html><img src="' + src + '">'], { type: 'text/html' }));
      d.body.appendChild(frame);
      return ok('framed');
    },
    'blob-css-module': function () {
      var css = blobCss('blob-css-module');
      return import(URL.createObjectURL(new Blob([css], { type: 'text/css' })), { with: { type: 'css' } }).then(function (m) {
        d.adoptedStyleSheets = d.adoptedStyleSheets.concat([m.default]);
        return ok('adopted');
      });
    },
    'blob-laundered': function () {
      var css = blobCss('blob-laundered');
      return new Response(css, { headers: { 'content-type': 'text/css' } }).blob().then(function (blob) {
        var link = d.createElement('link');
        link.rel = 'stylesheet';
        link.href = URL.createObjectURL(blob);
        d.head.appendChild(link);
        return ok('linked');
      });
    },
    // a blob: URL made in a worker (the page's hooks never saw its Blob), used by the page as a frame's document
    'worker-blob-frame': function () {
      var src = (location.origin + sink('worker-blob-frame') + '?' + qs(payload())).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      return workerBlobUrl('<!doctype html><img src="' + src + '">', 'text/html').then(function (url) {
        var frame = d.createElement('iframe');
        frame.src = url;
        d.body.appendChild(frame);
        return ok('framed');
      });
    },
    // a worker's stylesheet imported as a CSS module: syntax, no page hook sees it
    'worker-blob-css-module': function () {
      var css = blobCss('worker-blob-css-module');
      return workerBlobUrl(css, 'text/css').then(function (url) {
        return import(url, { with: { type: 'css' } });
      }).then(function (m) {
        d.adoptedStyleSheets = d.adoptedStyleSheets.concat([m.default]);
        return ok('adopted');
      });
    },
    // a quirks-mode document (an about:blank frame) reads a same-origin stylesheet of any type as CSS
    'quirks-blob-stylesheet': function () {
      var frame = d.createElement('iframe');
      d.body.appendChild(frame);
      var doc = frame.contentDocument;
      var el = doc.createElement('div');
      el.id = 'route-quirks';
      el.textContent = '·';
      doc.body.appendChild(el);
      var css = '#route-quirks{background-image:url("' + location.origin + sink('quirks-blob') + '?' + qs(payload()) + '")}';
      // the link is made in this (standards-mode) page, where such a type is no stylesheet, then moved there
      var link = d.createElement('link');
      link.rel = 'stylesheet';
      link.href = URL.createObjectURL(new Blob([css], { type: 'text/javascript' }));
      doc.head.appendChild(link);
      return ok(doc.compatMode);
    },
    // a javascript: URL as a frame's src: the string it evaluates to is parsed as the frame's document
    'iframe-javascript-url': function () {
      var src = (location.origin + sink('iframe-javascript-url') + '?' + qs(payload())).replace(/'/g, '%27');
      var frame = d.createElement('iframe');
      frame.src = 'javascript:"<img src=\'' + src + '\'>"';
      d.body.appendChild(frame);
      return ok('framed');
    },
    // the same document, its markup in a variable the javascript: code names (no text to read in the URL)
    'iframe-javascript-variable': function () {
      window.__frameHtml = '<img src="' + location.origin + sink('iframe-javascript-variable') + '?' + qs(payload()) + '">';
      var frame = d.createElement('iframe');
      frame.src = 'javascript:parent.__frameHtml';
      d.body.appendChild(frame);
      return ok('framed');
    },
    // found by the sixth probe: a window still on its initial about:blank, navigated by page code (no
    // navigate event comes for a navigation away from that document)
    'blank-frame-location': function () {
      blankFrame().contentWindow.location.href = sink('blank-frame-location') + '?' + qs(payload());
      return ok('navigated');
    },
    // reached by index (no contentWindow getter), location.replace
    'blank-frame-replace': function () {
      blankFrame();
      w.frames[w.frames.length - 1].location.replace(sink('blank-frame-replace') + '?' + qs(payload()));
      return ok('navigated');
    },
    // the frame's Location sent to a data: document whose picture carries the draft (no request carries the data: URL)
    'blank-frame-location-data': function () {
      blankFrame().contentWindow.location.href = dataDocument('blank-frame-location-data');
      return ok('navigated');
    },
    'blank-frame-replace-data': function () {
      blankFrame();
      w.frames[w.frames.length - 1].location.replace(dataDocument('blank-frame-replace-data'));
      return ok('navigated');
    },
    'blank-frame-assign': function () {
      blankFrame().contentWindow.location.assign(sink('blank-frame-assign') + '?' + qs(payload()));
      return ok('navigated');
    },
    'blank-frame-meta-refresh': function () {
      var doc = blankFrame().contentDocument;
      var m = doc.createElement('meta');
      m.httpEquiv = 'refresh';
      m.content = '0;url=' + location.origin + sink('blank-frame-meta-refresh') + '?' + qs(payload());
      doc.head.appendChild(m);
      return ok('written');
    },
    'blank-frame-link-click': function () {
      var doc = blankFrame().contentDocument;
      var a = doc.createElement('a');
      a.href = location.origin + sink('blank-frame-link-click') + '?' + qs(payload());
      a.textContent = '查看';
      doc.body.appendChild(a);
      a.click();
      return ok('clicked');
    },
    'blank-frame-form': function () {
      blankForm(blankFrame().contentDocument, 'blank-frame-form').requestSubmit();
      return ok('submitted');
    },
    // the editors' way into their frames first: document.open()/write()/close() (which erases the
    // window's event listeners), then a link made by DOM methods and clicked
    'blank-frame-opened-link': function () {
      var doc = openedBlankFrame();
      var a = doc.createElement('a');
      a.href = location.origin + sink('blank-frame-opened-link') + '?' + qs(payload());
      a.textContent = '查看';
      doc.body.appendChild(a);
      a.click();
      return ok('clicked');
    },
    'blank-frame-opened-form': function () {
      blankForm(openedBlankFrame(), 'blank-frame-opened-form').requestSubmit();
      return ok('submitted');
    },
    // the CMS keeps working: a frame it navigates by script to a page named by a long item id, and a
    // javascript: button that runs the CMS's own function
    'blank-frame-clean': function () {
      blankFrame().contentWindow.location.href = sink('blank-frame-clean') + '?id=1732412345678901234';
      return ok('navigated');
    },
    'javascript-button': function () {
      w.__checkArc = function (id) { fetch(sink('javascript-button') + '?id=' + id); };
      var a = d.createElement('a');
      a.href = 'javascript:__checkArc(42)';
      a.textContent = '审核';
      d.body.appendChild(a);
      a.click();
      return ok('clicked');
    },
    'blank-window-location': function () {
      var win = w.open('');
      if (!win) return fail('no window');
      win.location.href = location.origin + sink('blank-window-location') + '?' + qs(payload());
      return ok('navigated');
    },
    // a javascript: URL on the page itself whose result is markup: the string replaces the page
    'location-javascript-markup': function () {
      var src = (location.origin + sink('location-javascript-markup') + '?' + qs(payload())).replace(/'/g, '%27');
      location.href = 'javascript:"<img src=\'' + src + '\'>"';
      return ok('navigated');
    },
    'javascript-link-markup': function () {
      var src = (location.origin + sink('javascript-link-markup') + '?' + qs(payload())).replace(/'/g, '%27');
      var a = d.createElement('a');
      a.href = 'javascript:"<img src=\'' + src + '\'>"';
      a.textContent = '预览';
      d.body.appendChild(a);
      a.click();
      return ok('clicked');
    },
    // an xsl:include whose href page code sets by DOM method: the processor fetches it
    'xslt-include': function () {
      var p = new DOMParser();
      var xsl = p.parseFromString('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><o/></xsl:template></xsl:stylesheet>', 'application/xml');
      var inc = xsl.createElementNS('http://www.w3.org/1999/XSL/Transform', 'xsl:include');
      inc.setAttribute('href', sink('xslt-include') + '?' + qs(payload()));
      xsl.documentElement.insertBefore(inc, xsl.documentElement.firstChild);
      var t = new XSLTProcessor();
      try {
        t.importStylesheet(xsl);
        t.transformToDocument(p.parseFromString('<r/>', 'application/xml'));
      } catch (e) {
        // the sink's answer is no stylesheet: Firefox says so at importStylesheet
        if (!/发布前预检/.test(String(e && e.message))) return ok('requested (not a stylesheet)');
        throw e;
      }
      return ok('transformed');
    },
    // a Background Fetch request that looks like a Request ({url}) but is none: the browser reads its toString
    'background-fetch-lookalike': function () {
      var target = sink('background-fetch-lookalike') + '?' + qs(payload());
      return navigator.serviceWorker.register('/routes/service-worker.js').then(function () { return navigator.serviceWorker.ready; }).then(function (reg) {
        return reg.backgroundFetch.fetch('route-l-' + Date.now(), [{ url: '/sink/pixel.gif', toString: function () { return target; } }]);
      }).then(function () { return ok('fetching'); });
    },
    // the CMS keeps working: an XSLT fragment with a picture of no text is made and put in the page
    'xslt-clean-fragment': function () {
      var p = new DOMParser();
      var xsl = p.parseFromString('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">' +
        '<img xmlns="http://www.w3.org/1999/xhtml" id="route-xslt-clean" src="' + sink('xslt-clean') + '?v=1"/></xsl:template></xsl:stylesheet>', 'application/xml');
      var t = new XSLTProcessor();
      t.importStylesheet(xsl);
      d.body.appendChild(t.transformToFragment(p.parseFromString('<r/>', 'application/xml'), d));
      var img = d.getElementById('route-xslt-clean');
      return img && img.namespaceURI === 'http://www.w3.org/1999/xhtml' ? ok('inserted') : fail('no HTML img in the page');
    },
    'blob-preview': function () {
      // what an upload form does: a picture's preview, and an HTML preview of clean text
      var png = URL.createObjectURL(new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }));
      var html = URL.createObjectURL(new Blob(['<!doctype html><p>预览</p>'], { type: 'text/html' }));
      // a picture a worker made (a resized upload), shown by the page, and a clean frame of a worker's
      return Promise.all([workerBlobUrl('\x89PNG', 'image/png'), workerBlobUrl('<!doctype html><p>预览</p>', 'text/html')]).then(function (urls) {
        var img = d.createElement('img');
        img.src = urls[0];
        var frame = d.createElement('iframe');
        frame.src = urls[1];
        d.body.appendChild(img);
        d.body.appendChild(frame);
        return ok(png.slice(0, 5) + ' ' + html.slice(0, 5) + ' ' + urls.length);
      });
    },
    'save-draft': function () {
      return new Promise(function (resolve) {
        $.post('/sink/r/save-draft', payload()).then(
          function () { form.elements.id.value = '42'; resolve(ok('草稿已保存')); },
          function (x, text) { resolve(fail('保存失败 ' + text)); },
        );
      });
    },
    autosave: function () { return fetchPost(sink('autosave'), 'POST', qs(payload()), FORM_TYPE); },
    'publish-by-id': function () { return fetch(sink('publish.do') + '?id=' + (form.elements.id.value !== '0' ? form.elements.id.value : '42')).then(httpOk); },
    // what the CMS does all day without a draft: it must keep working
    search: function () { return fetch(sink('search') + '?q=' + encodeURIComponent('低保 公示') + '&page=1').then(httpOk); },
    'list-load': function () { return $.getJSON(sink('list') + '?page=2&size=20').then(function () { return ok('list'); }); },
    poll: function () { return fetch(sink('poll') + '?since=' + Date.now()).then(httpOk); },
    'image-load': function () { return loadImage(function (img) { img.src = '/sink/pixel.gif?v=' + Date.now(); }); },
    // an editor's own picture (UEditor, KindEditor insert one by execCommand)
    'insert-image': function () {
      editableCaret();
      return d.execCommand('insertImage', false, sink('insert-image') + '?v=' + Date.now()) ? ok('inserted') : fail('insertImage 返回 false');
    },
    // scripts with cache-busters and JSONP: the browser's script-URL rule must let them load
    'script-timestamp': function () { return loadScript(jsSink('script-timestamp') + '?_=' + Date.now()); },
    'script-random': function () { return loadScript(jsSink('script-random') + '?r=' + Math.random()); },
    'import-version': function () { return import(jsSink('import-version') + '?v=20241203153000123&t=' + Math.floor(Date.now() / 1000)).then(function () { return ok('imported'); }); },
    jsonp: function () { return $.ajax({ url: jsSink('jsonp'), dataType: 'jsonp', crossDomain: true }).then(function () { return ok('jsonp'); }); },
  };

  var armed = null;
  var api = {
    ready: false,
    editor: typeof EDITOR === 'string' ? EDITOR : 'textarea',
    keys: Object.keys(routes),
    last: null,
    peerReceived: [],
    /** another origin for routes that send to one (import-other-host) */
    other: '',
    run: function (key) {
      if (!routes[key]) throw new Error('没有这条路线：' + key);
      return attempt(routes[key]);
    },
    arm: function (key) { armed = key; api.last = null; },
    setExtra: function (text) { extra = text || ''; },
    getContent: function () { return editor.getContent(); },
    setContent: function (html) { editor.setContent(html); },
  };
  w.__routes = api;

  d.getElementById('route-go').addEventListener('click', function () {
    if (armed) api.last = api.run(armed);
  });
  // Non-button clickables with jQuery handlers, a long-labelled button, a web component's 发布.
  $('#span-publish').on('click', function () { api.last = attempt(function () { return ajax(sink('span')); }); });
  $('#div-publish').on('click', function () { api.last = attempt(function () { return ajax(sink('div')); }); });
  $('#li-publish').on('click', function () { api.last = attempt(function () { return ajax(sink('li')); }); });
  $('#btn-long').on('click', function () { api.last = attempt(function () { return fetchPost(sink('long-label'), 'POST', qs(payload()), FORM_TYPE); }); });
  $('#btn-draft').on('click', function () { api.last = api.run('save-draft'); });

  customElements.define('route-publisher', class extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({ mode: 'open' });
      var b = d.createElement('button');
      b.type = 'button';
      b.textContent = '发布';
      b.addEventListener('click', function () { api.last = attempt(function () { return fetchPost(sink('shadow'), 'POST', JSON.stringify(payload()), JSON_TYPE); }); });
      root.appendChild(b);
    }
  });

  function ready(ed) {
    editor = ed;
    api.ready = true;
  }
  if (api.editor === 'tinymce') {
    tinymce.init({
      selector: '#content', license_key: 'gpl', height: 240, menubar: false, promotion: false, branding: false,
      setup: function (ed) {
        ed.on('init', function () {
          ready({ getContent: function () { return ed.getContent(); }, setContent: function (h) { ed.setContent(h); }, sync: function () { tinymce.triggerSave(); } });
        });
      },
    });
  } else if (api.editor === 'ueditor') {
    var ue = UE.getEditor('content', { initialFrameHeight: 240, autoHeightEnabled: false, serverUrl: '/api/ueditor' });
    ue.ready(function () {
      ready({ getContent: function () { return ue.getContent(); }, setContent: function (h) { ue.setContent(h); }, sync: function () { ue.sync(); } });
    });
  } else {
    ready(textareaEditor());
  }
})(window, document);

/*
 * 模拟内容管理系统的公共脚本：字段收集、状态提示、预览，以及给自动化测试用的 window.__cms 接口。
 * Each page does its own publishing (form / $.ajax / fetch / XMLHttpRequest); this file only helps.
 *
 * window.__cms = {
 *   ready: true, editor: 'ueditor' | ..., paths: ['click', 'submit', ...],
 *   getContent(): string, setContent(html): void, isDirty(): boolean,
 *   publishVia(kind): Promise<{ok, id?, error?}> | undefined   (undefined when the page navigates),
 *   saveDraft(): same,
 * }
 */
(function (w, d) {
  'use strict';
  var FIELD_NAMES = ['title', 'channel', 'category', 'disclosure', 'reviewer'];

  function form() {
    return d.getElementById('cms-form');
  }

  var CMS = {
    /** The metadata fields of the 信息发布 form, by name. */
    fields: function (f) {
      f = f || form();
      var out = {};
      FIELD_NAMES.forEach(function (n) {
        var el = f && f.elements[n];
        out[n] = el ? el.value : '';
      });
      return out;
    },

    status: function (ok, text) {
      var el = d.getElementById('status');
      if (!el) return;
      el.textContent = text;
      el.className = 'status ' + (ok ? 'ok' : 'err');
    },

    /** Success path of an asynchronous publish: shows 发布成功 / 草稿已保存. */
    done: function (draft, res) {
      if (!res || res.ok !== true) return CMS.failed(draft, (res && res.error) || '服务器返回错误');
      CMS.status(true, draft ? '草稿已保存' : '发布成功');
      return { ok: true, id: res.id };
    },

    /** Failure path: shows 发布失败 / 保存失败 (the page's own error handling). */
    failed: function (draft, err) {
      var msg = err && err.message ? err.message : String(err || '网络错误');
      CMS.status(false, (draft ? '保存失败' : '发布失败') + '：' + msg);
      return { ok: false, error: msg };
    },

    preview: function (html) {
      var box = d.getElementById('cms-preview');
      if (!box) {
        box = d.createElement('div');
        box.id = 'cms-preview';
        d.body.appendChild(box);
      }
      var title = (CMS.fields().title || '（无标题）').replace(/[<&]/g, function (c) {
        return c === '<' ? '&lt;' : '&amp;';
      });
      box.innerHTML = '<h1>' + title + '</h1><div class="preview-body">' + html + '</div>' +
        '<p><button type="button" onclick="this.parentNode.parentNode.remove()">关闭预览</button></p>';
    },

    /**
     * Publish the test interface. api: { editor, getContent, setContent, isDirty?, publish: {kind: fn}, saveDraft? }
     * 'click' (a click on #btn-publish) is always there; pages add their own native paths.
     */
    expose: function (api) {
      var initial = api.getContent();
      var publish = { click: function () { d.getElementById('btn-publish').click(); } };
      Object.keys(api.publish || {}).forEach(function (k) { publish[k] = api.publish[k]; });
      var preview = d.getElementById('btn-preview');
      if (preview && !api.customPreview) {
        preview.addEventListener('click', function () { CMS.preview(api.getContent()); });
      }
      w.__cms = {
        ready: true,
        editor: api.editor,
        paths: Object.keys(publish),
        getContent: api.getContent,
        setContent: api.setContent,
        isDirty: api.isDirty || function () { return api.getContent() !== initial; },
        publishVia: function (kind) {
          var fn = publish[kind];
          if (!fn) throw new Error('本页不支持的发布方式：' + kind);
          var r = fn();
          return r && typeof r.then === 'function' ? Promise.resolve(r) : undefined;
        },
        saveDraft: function () {
          var r = api.saveDraft ? api.saveDraft() : d.getElementById('btn-draft').click();
          return r && typeof r.then === 'function' ? Promise.resolve(r) : undefined;
        },
      };
      return w.__cms;
    },
  };

  w.CMS = CMS;
})(window, document);

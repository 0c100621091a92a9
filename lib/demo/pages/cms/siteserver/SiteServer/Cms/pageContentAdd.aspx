<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>SiteServer CMS - 添加内容</title>
<!-- 仿 SiteServer CMS 6 SiteServer.Web/SiteServer/Cms/pageContentAdd.aspx（ASP.NET WebForms：form runat=server 回发到本页，
     __VIEWSTATE，asp:Button BtnSubmit 的 onclick 校验，AuxiliaryControl 的 UEditor 文本框）与 js/contentAdd.js（预 览 的 ajaxSubmit、Ctrl+回车 提交）；
     顶栏仿 main.cshtml（本页在其 right 框架中）；见 ../../../README.md -->
<style>
  body { font: 13px/1.6 "Microsoft YaHei", sans-serif; margin: 0; background: #eee; }
  #topnav { background: #1d2939; color: #fff; display: flex; justify-content: space-between; padding: 8px 16px; }
  #topnav a { color: #cfd8e3; text-decoration: none; }
  #topnav .submenu { list-style: none; display: flex; gap: 14px; margin: 0; padding: 0; }
  .card-box { background: #fff; margin: 12px 15px; padding: 16px; }
  .form-group { display: flex; margin-bottom: 10px; }
  .control-label { width: 90px; text-align: right; padding-right: 12px; }
  .col-sm-6 { flex: 1; }
  .form-control { width: 100%; box-sizing: border-box; }
  .nav-pills { list-style: none; display: flex; gap: 12px; padding: 0; }
  .text-center { text-align: center; }
  #alerts { color: #c00; }
</style>
<script src="/vendor/jquery1/jquery.min.js"></script>
<script src="/vendor/jquery-form/jquery.form.min.js"></script>
<script>window.UEDITOR_HOME_URL = '/vendor/ueditor/';</script>
<script src="/vendor/ueditor/ueditor.config.js"></script>
<script src="/vendor/ueditor/ueditor.all.min.js"></script>
<script src="/vendor/ueditor/lang/zh-cn/zh-cn.js"></script>
</head>
<body>
<header id="topnav">
  <div class="logo">SiteServer CMS</div>
  <ul class="submenu">
    <li><a href="../settings/adminView.cshtml?pageType=user&amp;userId=1" target="right">超级管理员：林十八</a></li>
    <li><a href="../settings/adminPassword.cshtml?pageType=user&amp;userId=1" target="right">更改密码</a></li>
    <li><a href="../pageLogout.cshtml">退出系统</a></li>
  </ul>
</header>
<form method="post" action="./pageContentAdd.aspx?siteId=1&amp;channelId=2&amp;returnUrl=%2fSiteServer%2fCms%2fpageContent.aspx%3fsiteId%3d1%26channelId%3d2" onsubmit="javascript:return WebForm_OnSubmit();" id="myForm" class="m-l-15 m-r-15" enctype="multipart/form-data">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKmNUR/sFFp91Ri8/e5lljvD4FdKLRTg93f6RS26GjJrpn/Ob3++y3yYHVtq9PZTQ0+tgqE7FEImOsp1qGAHv8BbujOvgv/vqWROyDg+ODwIsy2ku2vPylhqrzEjJ6EYzSxhfmvrDnHm0aTHhmcWG7LATWByaRBg3AzEYzHnlT43cZWx26Du/i7tAkqg3o0huYIwJxcaHC9DokaT3QY8CeVn0c9i9+PV+LMQI2dWKay8iwbY5sPZ6E+sPBlr0jH+UPkTZhiLwACqyu/2YBhHaUgXJhXgCyUehf7ONUTI+JgFTBw4mIW3pwm3keg8uox5TJJ2wOhvmGoeGJe8Rrz9U1HJgWEFwT9cKcHUs+IipEKP6YnTLkU6voyNMOIBiU0VB/3DF8dZIfSoI9dgcD+Pwqf58OK9Pto9dbQkiiJ9rmvpmklMO1tNqEEEXarq5SW90eH1ahlR/EHPe0rKUZTzrLgsQ3E1fmrEqb2VBi7gkQ51S0J70YD/AVqkaNNcHhnYQ5SFqn7j87ADBRWaiQNQ2PKeK62sqAx5jZs7eqztWOh7aO7Q7MCoMbwTgRoS5IU5pph4F79oQ0GyDogRL6ZP0+QfO5pihNSzffnpAh3MtAhxzuWyqaZfvRojIOoz97qbslcWBNZLeCVnvmzkUJD8/eWXirq5firLWntJ3m2XbPEzkJGsAW1q0UYphQlreXANrVEttPWduSyse7O9y5uR1qQjqEsXafThdhHpzhHR+e2g3vtF/vQt2XFZ/cAVbuZlgTHSjl7RiO6lRVP7NVM/r/xASWuNrcsLWiGFKzms7wCaOy9S4godCIPlwl8aHR45p/WupeEJXdTfytIoX83qiPpBn/psB/d7NDNPa+CDTKwTtwN/p04vGp7TjjMX8+Owdt6i6PvXpJ6jSigEpovPlt50QAo/KFxuJ6pn5pLv5/6mCJeLnPas7XrOakwsx03UJiwtN8aTEpM7VJTmX5L1ClYWkpF5xro/LHf6reSKzjkjhI9HDC1/tMq7AJ8nZ3jNRG5PEPqdt/Kj47jFkJwOvfvjI24sPXli8ztdLx9cjV7RHiT3ITdm767sf5pg/bD/vMtCFLcLoFydavXmDwQq53V9WrGJjSLZFpY8hlyA422fG7GRCVsdchaHu4LerAY8+bciFFlOyj1+rtW9UDcE8/m1Ag9ERUyGtMYd0jq3cJW2VC8/ZvyjAMZ6y2m9CSenbR85SEl8Kj0wEECmTsLMrQkEm9CCFcAISBF7oCRKX2Rs46IFUu4PT4TxvoYIwCxkTa+YvHs0HEYAT62f1R/6eroiQHoQ7ajHnAJOYh5ZXRo57WCaID/v5eFVJRcInSBj6IIdRQGltckv8mvS+yLU8IuI2Yexj/xxofNq6btQY7vT03ci4yg0labPe1M6OgK2IchXq8E154KKZN6cQLo5oqB7HBzi84dBfRiB4hamjqwYlLfR+haUjUmar9B7ybOSIXYNWcfPRJL/dyN9f7l/scrIzWzsJnipE4MYsHfKQ34acTGyLHHPcI+EGK8hxO0JX9r2a/MhLvWPwIlnM4d97flhH7wxiWEBr0YIxNND+WrSCVm4UVX5hMd0LwwcpM2ZI65fjI144onOnxc9lkHLdAfNz36w0Q6FFVvK7hcyOvFPWsxD6CuODcnprrxD0A80DhVIAywmoCc7awy2d9WIoP5F7qGSKmSCmGOCJVOt0x4uR/gF0Pu/xCCdN1d+XFOYuTb9LGQs31jbSpTV9kzHMIStuNihghJvw4Zj1xowMaNFKwQunByET7P24jaOCtFa1g4zFV3H/csYgB2yVrE28AS2TNdFJ15XTasFfC9uM99EQupTW/hSMdVmp6+f/DUnOkniRw3k+Cd2KejZbLyaM57VMA+HUdGeI311tWe/7mTa43j4n0OcwFipfISLqpiIpystiRxOiwPmhLllkCwVRJhJM8y/Z2cod2wU241xIFE7Lpfei9vgl3fcvgoCdygVzIWSy5dUE79oB1JXoV0UcPpEZYKhED4982nirj8lrXZuZG5x2bXtgYLESt64AbQtBbeidA5F+Fx7rzyH8ElQU3LzN55PVwXNS+tLtVOyD6yY2e4E1ms2ADymG3lSR998Cq2GaD7HVj3xUcgCHeSix18A2wln1MUV3XpAGdCXLKIL0FjQVKOboOzP8vqrYel9TT/PYkGzo2/CeEn5dGJlA9zuA9XI0O8C1sRoCwb5r0H+A8vt1qHBkdxt/6W8qj6iCpdOCg7QCbNa+xvNY+E70aq1zBVtAEuRyzcV131JAU6cVAftHifpg7NYSJkbVz2Ch2ZrTer+bTuSv2S5L0IXr1DgN9YxUVwEFM5u7Fpd+nWtSKrB0pSEAhcESGkB+4+d9OAZ0UWerILv0gSrI9bRdYgrmxaWWyMLFcj4GWAavqS8aP4KldC+JZfURLGwJnQkvv4E0KumaAmU42k2W/VL/M5dynuVflyFLWQjYrJizrbYrCn1D7o3PUCMc00Mod4MrnEmFs2ilc4D21sRo6ziEfMWxmqt1tYFk/Y9mdKaLa1zln7Fr/acdr9WgIKwdhK+mRlOd2JHnFmQXBhbikTpJY7Zrf3i33Iy7REPpfsz0xGR+AUA/2VAcVpm1x5y8sjET2gMqaK0vs2ENgHOlcu7yJwgpjuFmcYU1QphyFUkwG2mTqlJ18BwqBcFiJeoz4Q0wWO6OSA70Nov2cYbDPyOXdi3v7tEt5s/OSv8riq4kkhWYXyky5cnePAAwkqozaRKMO6/YPjY6ir4sENJftptftrPcGxiOdaUy2d0GXWCcZXstG9XIGCoS++64r0Z4z/QZrownt5FSCtdmly2SO77oK4WmRZNrYtOAEDK8kUnvV6YQjSscNgf8PDmW9uk62s25GZwyTxd/KFi4hM8+5ATCT1JDAIuuHZaIBTd/8T5lXRCjk79FIDtDKYGYGfw9sBBmzRGYRZKMykOHARmYP/eK5HYpZh0cCADr0bpH9L3qbGEgAUymppRl9XyNewoT5xeVT4Og3+UH+7+WIGuO/VKAPplMYMUyHYaYRt4PV+z+nLr54G6tNZeAU+YAicE9G1VicOyO/JeAlOng5q9UEl5xBlE8eW4S+pMFgeSF3oBrPSyuLlt6bpOPRxHAY+oiKiQ9CETtHdwL18um/UutrCSTQOOGL4eYbNN+fHozRIJlqQMufaUkY5A86v4vB4Q8IBnOMIq6Qf4U4Q5zq6c0ytgd5p7FDIJSJcYffjJNVNYicAc3OBk5a8bfd0nRM0zgfyLCrIAISIOVxL5OKZIRN3BBJhRLUy6n6LEOihLIqCoOvhxb06RrlsMRq86q0L9GQ6Zp+6k8f925woQ8FOvv9sR9GXV04X/br4Eh71NLZU/6sLOpFyPmNimOlWW4rgY2GtGkQecAdpAMdMmxAibMJt43GiPEYKKeSrfSgPy0qDsrHlcbv+D/LfkE4eIbnswbdqwLySOa0VCde6dxA33Eh1+0wg8qyh+epBJojnvca5tSHMWDn8SqBeoe9Jy3gE3XtZT7OJeCyxKGAscHdk7o+qJhsVZ2y+cL8EUId+Vy+qLqaZT7COUl36dtJd7BxtHigvub9yPgtSAfCg+QKndZuL/Bdjbwy58CZdqMjbTvm0qKii1pc5omOj/W/S1W24V77RPX6PNwIIhFBy0qcKmegylzvaaXqCX0vYxzUotNdwtirUV2CKX53XGv5Wh+112IB82pk5Ea3jKyQmjzFSDXTGTzrjBBK/kqFnqYuC7LJgm1h8MUyNt59E+tl2qUiflqiOc20VWlDxi6UCqvziOxfhAFJ9NnhviBmEq2g23Gyct4r5sAxqNdgEk4lv2fx8hIb7/kK223zpYgiRBeSbmyoCTYYmK7zsD+FUiO8ODpbk/VWYlQ2a1hoKZMrtiPmYEhvG5JjPV8eXAhGQgnzSXLj2fsK0tp4b0fdpqpSoulnPBAXeA9Ro36u6ZWJd6HoJEzI3zm0DZY4czTYqJp8sxlKqedTXisD3u+41jZe">
</div>
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="8C2A5C6F">
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAUrDiU1qhF/j3I90zQaW4fZQE8ZNXL0ZmqHPjyMF+K2HWm5rU9mcTfokdDj7bCu7gY17oudPI4NpXPXY/IMnmGQqrEjQsNBKb+owscgDcva6P+5yrjP9x2g73bz8TIdzGog00GkNm/mJJpSghvb91RXTjkH/VsW2fa">
</div>
<div id="alerts"></div>
<div class="raw">
  <div class="card-box">
    <h4 class="m-t-0 header-title"><b>添加内容</b></h4>
    <ul class="nav nav-pills m-b-30">
      <li class="active"><a href="javascript:;">基础</a></li>
      <li><a href="javascript:;">其他</a></li>
    </ul>
    <div class="form-horizontal basic">
      <div class="form-group">
        <label class="col-sm-1 control-label">标题</label>
        <div class="col-sm-6"><input name="TbTitle" type="text" id="TbTitle" class="form-control"></div>
        <div class="col-sm-5"><span id="RfvTitle" style="color:Red;display:none;"> *</span></div>
      </div>
      <div class="form-group">
        <label class="col-sm-1 control-label">副标题</label>
        <div class="col-sm-6"><input name="SubTitle" type="text" id="SubTitle" class="form-control"></div>
      </div>
      <div class="form-group">
        <label class="col-sm-1 control-label">内容</label>
        <div class="col-sm-10"><textarea id="Content" name="Content" style="display:none"></textarea></div>
      </div>
      <div class="form-group">
        <label class="col-sm-1 control-label">内容摘要</label>
        <div class="col-sm-6"><textarea name="Summary" id="Summary" class="form-control" rows="3"></textarea></div>
      </div>
      <div class="form-group">
        <label class="col-sm-1 control-label">作者</label>
        <div class="col-sm-6"><input name="Author" type="text" id="Author" class="form-control"></div>
      </div>
      <div class="form-group">
        <label class="col-sm-1 control-label">来源</label>
        <div class="col-sm-6"><input name="Source" type="text" id="Source" class="form-control"></div>
      </div>
    </div>
    <div class="form-horizontal advanced" style="display: none">
      <div class="form-group">
        <label class="col-sm-1 control-label">标签</label>
        <div class="col-sm-6"><input name="TbTags" type="text" id="TbTags" class="form-control"></div>
      </div>
      <div class="form-group">
        <label class="col-sm-1 control-label">状态</label>
        <div class="col-sm-6"><select name="DdlContentLevel" id="DdlContentLevel" class="form-control">
          <option value="1" selected>终审通过</option>
          <option value="0">待审核</option>
          <option value="-99">草稿</option>
        </select></div>
      </div>
    </div>
    <hr>
    <div class="form-group m-b-0">
      <div class="col-sm-12 text-center">
        <input type="submit" name="BtnSubmit" value="确 定" onclick="return checkFormValueById('myForm') &amp;&amp; autoCheckKeywords();" id="BtnSubmit" class="btn btn-primary m-r-5" itemIndex="1">
        <input class="btn btn-success m-r-5" type="button" onClick="previewSave();" value="预 览">
        <input class="btn" type="button" onclick="location.href='pageContent.aspx?siteId=1&amp;channelId=2';return false;" value="返 回">
        <div class="help-block">提示：按CTRL+回车可以快速提交</div>
      </div>
    </div>
  </div>
</div>
<script>
  // What WebForms writes for a page with validators (its own script, not copied): the form's onsubmit
  // runs the validators; a postback by a control's script sets __EVENTTARGET and submits the form.
  var theForm = document.forms['myForm'];
  function ValidatorOnSubmit() {
    var ok = String($('#TbTitle').val()).trim() !== '';
    $('#RfvTitle').css('display', ok ? 'none' : 'inline');
    return ok;
  }
  function WebForm_OnSubmit() { return ValidatorOnSubmit() !== false; }
  function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || theForm.onsubmit() !== false) {
      theForm.__EVENTTARGET.value = eventTarget;
      theForm.__EVENTARGUMENT.value = eventArgument;
      theForm.submit();
    }
  }
  // assets/validate.js checkFormValueById: the controls marked isValidate (none on this form but the
  // title's RequiredFieldValidator, which WebForm_OnSubmit runs)
  function checkFormValueById(formId) { return !!document.getElementById(formId); }
  // WebUtils.GetAutoCheckKeywordsScript with the site's 自动检测敏感词 off (its default): nothing to ask
  var bairongKeywordArray;
  function autoCheckKeywords() { return true; }
  $(function () {
    // serverUrl: the demo server's UEditor controller (SiteServer's is its own /api/sys/editors/ueditor)
    UE.getEditor('Content', { allowDivTransToP: false, serverUrl: '/api/ueditor', initialFrameWidth: '100%', initialFrameHeight: 260 });
    $('#Content').show();
  });
  // LtlPageTitle's script: where the saved preview is shown (ApiRoutePreview.GetContentUrl + '?')
  var previewUrl = '/cms/siteserver/api/preview/1/2/0?';
  // js/contentAdd.js previewSave: the form saved as a preview by jquery.form's ajaxSubmit (the editors
  // synced first), its answer's previewId then opened in a new window
  var isPreviewSaving = false;
  function previewSave() {
    if (!$('#TbTitle').val()) return;
    if (isPreviewSaving) return;
    isPreviewSaving = true;
    var options = {
      beforeSubmit: function () { return true; },
      url: location.href + '&isPreview=True',
      type: 'POST',
      success: function (data) {
        isPreviewSaving = false;
        var obj = JSON.parse(data);
        if (obj.previewId) window.open(previewUrl + '&isPreview=true&previewId=' + obj.previewId);
      },
      error: function () { isPreviewSaving = false; $('#alerts').text('预览失败'); }
    };
    if (UE) $.each(UE.instants, function (index, editor) { editor.sync(); });
    $('#myForm').ajaxSubmit(options);
  }
  // js/contentAdd.js: Ctrl+回车 (or Shift+回车) presses 确 定 — today's Chromium fires no keypress for
  // Ctrl+回车, so there only Shift+回车 does
  $(document).keypress(function (e) {
    if ((e.ctrlKey && e.which == 13) || e.which == 10 || (e.shiftKey && e.which == 13)) {
      e.preventDefault();
      $('#BtnSubmit').click();
    }
  });
</script>
</form>
</body>
</html>

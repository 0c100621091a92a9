import type { ShippedAdapter } from './types';

const PAGE = '/SiteServer/Cms/pageContentAdd\\.aspx(?:$|\\?)';

/**
 * SiteServer CMS 6 (ASP.NET WebForms): SiteServer/Cms/pageContentAdd.aspx (UEditor on the Content
 * textarea; asp:Button 确 定, also pressed by Ctrl+回车, posts the whole form back to the same
 * address with __VIEWSTATE; 预 览 posts it there by jquery.form with `&isPreview=True`, which saves a
 * preview copy: declared a draft save, so a clean one needs no sign-off and one with an ID is refused). The page is opened in the admin's `right` frame for the 栏目 picked in
 * the channel tree, which only its address names (channelId): the form has no 栏目 to read, so the
 * checklist asks for it. The 状态 select chooses 草稿 / 待审核 / 终审通过 in the same postback, so every
 * save is held as a publish: a clean 草稿 too waits for a sign-off (a rule on `DdlContentLevel=-99`
 * would let a draft out unsigned; the CMS then keeps it unpublished — left to the administrator).
 */
export const siteserver: ShippedAdapter = {
  cms: 'siteserver',
  name: 'SiteServer CMS 6',
  source: 'SiteServer.Web/SiteServer/Cms/pageContentAdd.aspx, js/contentAdd.js, SiteServer.BackgroundPages/Cms/PageContentAdd.cs, SiteServer.Web/SiteServer/main.cshtml',
  matchPaths: ['/*SiteServer/Cms/pageContentAdd.aspx*'],
  adapter: {
    editor: { kind: 'ueditor' },
    fields: { title: '#TbTitle', currentUser: 'a[href*="adminView.cshtml"]' },
    publishButtons: ['#BtnSubmit'],
    // 预 览 posts the same form (without the button) to the same address with &isPreview=True: the publish
    // is the postback 确 定 sent. A body field keeps the rule out of the browser's network block, which
    // sees the URL only and would refuse the preview's XHR too (and takes no look-ahead to tell them apart).
    // A postback by script names the button in __EVENTTARGET instead (WebForms then raises its click):
    // a publish too, even with &isPreview=True in its address.
    publishRequests: [
      { method: 'POST', urlPattern: PAGE, field: { name: 'BtnSubmit' } },
      { method: 'POST', urlPattern: PAGE, field: { name: '__EVENTTARGET', pattern: '^BtnSubmit$' } },
    ],
    draftRequests: [{ method: 'POST', urlPattern: '/SiteServer/Cms/pageContentAdd\\.aspx\\?(?:.*&)?isPreview=True' }],
    itemId: { urlParam: 'id' },
  },
};

import { whoAmI } from './admin-api.js';
import { $, roleName } from '/console/dom.js';
import { showAudit } from './audit.js';
import { showDashboard } from './dashboard.js';
import { showFaqs } from './faqs.js';
import { showSynonyms } from './synonyms.js';
import { showTransfer } from './transfer.js';
import { showTry } from './try.js';
import { showUnanswered } from './unanswered.js';

const TABS = { faqs: showFaqs, try: showTry, unanswered: showUnanswered, dashboard: showDashboard, transfer: showTransfer, synonyms: showSynonyms, audit: showAudit };

const me = await whoAmI();
if (me) {
  $('me-name').textContent = me.displayName;
  $('me-role').textContent = roleName(me.role);
  if (me.role !== 'admin') {
    $('denied').hidden = false;
    document.querySelector('.tabs').hidden = true;
  } else {
    window.addEventListener('hashchange', route);
    route();
  }
}

function route() {
  const name = location.hash.slice(1).split('?')[0] || 'faqs';
  const show = TABS[name] || showFaqs;
  document.querySelectorAll('.tabs a').forEach((a) => a.setAttribute('aria-current', a.dataset.tab === name ? 'page' : 'false'));
  const view = $('view');
  view.replaceChildren();
  view.dataset.tab = name;
  show(view);
}

/*
 * Ledgerflow additions to the Camunda webapps (loaded through customScripts in each app's config.js):
 * - a "Ledgerflow home" link in the header, next to the brand;
 * - logout ends the Ledgerflow session too and returns to Ledgerflow's login page. The webapps are logged in through
 *   Ledgerflow's login (one login), so Camunda's own login page would only log the user straight back in.
 */
const HOME_LINK_ID = 'ledgerflow-home';
const LOGOUT_URL = '/camunda/api/admin/auth/user/default/logout';

function addHomeLink() {
  if (document.getElementById(HOME_LINK_ID)) {
    return;
  }
  const brand = document.querySelector('[cam-widget-header] .navbar-brand, .navbar-header .navbar-brand');
  if (!brand) {
    return;
  }
  const link = document.createElement('a');
  link.id = HOME_LINK_ID;
  link.className = 'ledgerflow-home';
  link.href = '/';
  link.title = 'Back to Ledgerflow';
  link.textContent = '\u2190 Ledgerflow home';
  brand.insertAdjacentElement('afterend', link);
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(entry => entry.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

function logOutOfLedgerflow(event) {
  if (!event.target.closest || !event.target.closest('li.logout a')) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  fetch(LOGOUT_URL, {method: 'POST', credentials: 'same-origin', headers: {'X-XSRF-TOKEN': csrfToken()}})
    .finally(() => window.location.assign('/login?logout'));
}

// capture phase: runs before AngularJS' ng-click on the link
document.addEventListener('click', logOutOfLedgerflow, true);
new MutationObserver(addHomeLink).observe(document.documentElement, {childList: true, subtree: true});
addHomeLink();

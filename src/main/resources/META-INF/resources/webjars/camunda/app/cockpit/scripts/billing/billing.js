/*
 * Ledgerflow's Billing section in Cockpit (Camunda 7.14+ plugin API: a plain ES module whose default export is a list
 * of plugins; loaded through customScripts in ../config.js).
 * - cockpit.navigation: "Billing" in the header;
 * - cockpit.dashboard: a Billing tile with what is owed and what billable work is not billed, linking to the route;
 * - cockpit.route #/billing: charts and tables from Ledgerflow's reports (/api/v1/reports/*), fetched with the
 *   webapps' login session (one Spring Security login serves Cockpit and Ledgerflow). Users outside managers,
 *   finance and administrators get 403 there and see a message instead of money.
 * Chart.js comes from the application's own jar (/webjars/chart.js/...), nothing from a CDN.
 */
const CHART_JS = '/webjars/chart.js/dist/chart.umd.js';
const REPORTS = '/api/v1/reports/';
const ROUTE = '/billing';
const COLORS = {
  revenue: '#1f4e79', unbilled: '#7fa7cf', cost: '#d9822b', margin: '#3c8d40', negative: '#c0392b',
  buckets: ['#3c8d40', '#f1c40f', '#e67e22', '#d35400', '#c0392b'], billable: '#1f4e79', nonBillable: '#b8c7d9',
  lines: ['#1f4e79', '#d9822b', '#3c8d40', '#8e44ad', '#c0392b']
};

let chartJs;
let charts = [];

/** Chart.js' UMD bundle, loaded once. Cockpit may have an AMD loader: hide it so the bundle sets window.Chart. */
function loadChartJs() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  if (!chartJs) {
    chartJs = new Promise((resolve, reject) => {
      const amd = window.define;
      window.define = undefined;
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.onload = () => { window.define = amd; resolve(window.Chart); };
      script.onerror = () => { window.define = amd; reject(new Error('Chart.js could not be loaded')); };
      document.head.appendChild(script);
    });
  }
  return chartJs;
}

function addStyles() {
  if (document.getElementById('ledgerflow-billing-css')) {
    return;
  }
  const link = document.createElement('link');
  link.id = 'ledgerflow-billing-css';
  link.rel = 'stylesheet';
  link.href = new URL('billing.css', import.meta.url).href;
  document.head.appendChild(link);
}

class ReportForbidden extends Error {}

async function report(name, query) {
  const response = await fetch(REPORTS + name + '?' + query, {
    credentials: 'same-origin', headers: {Accept: 'application/json'}
  });
  if (response.status === 401 || response.status === 403) {
    throw new ReportForbidden(String(response.status));
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || (name + ': HTTP ' + response.status));
  }
  return response.json();
}

const escape = text => String(text == null ? '' : text)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const money = value => value == null ? '' : Number(value).toLocaleString('en-US',
  {minimumFractionDigits: 2, maximumFractionDigits: 2});
const number = value => value == null ? '–' : Number(value).toFixed(1);
const hours = value => value == null ? '–' : Number(value).toFixed(2);

function monthsBack(count) {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - count + 1, 1);
  const pad = n => String(n).padStart(2, '0');
  return {
    from: first.getFullYear() + '-' + pad(first.getMonth() + 1),
    to: now.getFullYear() + '-' + pad(now.getMonth() + 1)
  };
}

function skeleton(node, range) {
  node.innerHTML = `
    <section class="ledgerflow-billing" id="ledgerflow-billing">
      <header class="lf-billing-head">
        <h1>Billing</h1>
        <form class="lf-billing-filter" id="lf-billing-filter">
          <label>From <input type="month" name="from" value="${range.from}"></label>
          <label>To <input type="month" name="to" value="${range.to}"></label>
          <label>Client <select name="clientId" id="lf-billing-client"><option value="">All clients</option></select></label>
          <button type="submit" class="btn btn-default">Show</button>
          <span class="lf-billing-downloads">CSV:
            ${['profitability', 'budget', 'utilization', 'receivables', 'leakage', 'process-performance']
              .map(name => `<a class="lf-csv" data-report="${name}" href="#">${name}</a>`).join(' · ')}
          </span>
        </form>
      </header>
      <div class="lf-billing-message" id="lf-billing-message" hidden></div>
      <div class="lf-billing-body" id="lf-billing-body">
        <div class="lf-billing-grid">
          <figure class="lf-chart"><figcaption>Profitability per project</figcaption>
            <div class="lf-canvas"><canvas id="lf-chart-profitability"></canvas></div></figure>
          <figure class="lf-chart"><figcaption>Receivables by age (days past due)</figcaption>
            <div class="lf-canvas"><canvas id="lf-chart-receivables"></canvas></div></figure>
          <figure class="lf-chart"><figcaption>Utilization per person (% of available hours)</figcaption>
            <div class="lf-canvas"><canvas id="lf-chart-utilization"></canvas></div></figure>
          <figure class="lf-chart"><figcaption>Process timings per month</figcaption>
            <div class="lf-canvas"><canvas id="lf-chart-process"></canvas></div></figure>
        </div>
        <h2>Projects</h2><div id="lf-table-profitability"></div>
        <h2>Budgets</h2><div id="lf-table-budget"></div>
        <h2>Receivables <small id="lf-dso"></small></h2><div id="lf-table-receivables"></div>
        <h2>Revenue leakage <small id="lf-leakage-count"></small></h2>
        <div id="lf-table-leakage-totals"></div>
        <div id="lf-table-leakage"></div>
      </div>
    </section>`;
}

function table(columns, rows, empty) {
  if (!rows.length) {
    return `<p class="lf-empty">${escape(empty)}</p>`;
  }
  const head = columns.map(c => `<th class="${c.num ? 'lf-num' : ''}">${escape(c.title)}</th>`).join('');
  const body = rows.map(row => '<tr>' + columns.map(c => {
    const value = c.value(row);
    const text = c.num ? money(value) : escape(value);
    const cell = c.link && c.link(row) ? `<a href="${escape(c.link(row))}" target="_top">${text}</a>` : text;
    return `<td class="${c.num ? 'lf-num' : ''}">${cell}</td>`;
  }).join('') + '</tr>').join('');
  return `<table class="table table-condensed lf-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function bar(Chart, id, labels, datasets, options) {
  const canvas = document.getElementById(id);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {labels, datasets},
    options: Object.assign({
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {legend: {position: 'bottom'}}
    }, options || {})
  });
  charts.push(chart);
  return chart;
}

function render(Chart, data) {
  const profitability = data.profitability.rows
    .slice().sort((a, b) => (b.revenue + b.unbilled) - (a.revenue + a.unbilled)).slice(0, 15);
  bar(Chart, 'lf-chart-profitability', profitability.map(r => r.projectCode), [
    {label: 'Revenue', data: profitability.map(r => r.revenue), backgroundColor: COLORS.revenue},
    {label: 'Unbilled', data: profitability.map(r => r.unbilled), backgroundColor: COLORS.unbilled},
    {label: 'Cost', data: profitability.map(r => r.cost), backgroundColor: COLORS.cost},
    {label: 'Margin', data: profitability.map(r => r.margin),
      backgroundColor: profitability.map(r => r.margin < 0 ? COLORS.negative : COLORS.margin)}
  ]);

  const receivables = data.receivables.rows;
  const buckets = [['current', 'Current'], ['days1To30', '1–30'], ['days31To60', '31–60'], ['days61To90', '61–90'],
    ['over90', '90+']];
  bar(Chart, 'lf-chart-receivables', receivables.map(r => r.clientName), buckets.map(([key, label], i) => ({
    label, data: receivables.map(r => r[key]), backgroundColor: COLORS.buckets[i]
  })), {scales: {x: {stacked: true}, y: {stacked: true}}});

  const people = new Map();
  data.utilization.rows.forEach(r => {
    const sum = people.get(r.personName) || {billable: 0, nonBillable: 0, available: 0};
    sum.billable += r.billableHours;
    sum.nonBillable += r.nonBillableHours;
    sum.available += r.availableHours;
    people.set(r.personName, sum);
  });
  const names = [...people.keys()];
  const share = (key) => names.map(name => {
    const sum = people.get(name);
    return sum.available ? Math.round(sum[key] * 1000 / sum.available) / 10 : 0;
  });
  bar(Chart, 'lf-chart-utilization', names, [
    {label: 'Billable %', data: share('billable'), backgroundColor: COLORS.billable},
    {label: 'Non-billable %', data: share('nonBillable'), backgroundColor: COLORS.nonBillable}
  ], {scales: {x: {stacked: true}, y: {stacked: true, suggestedMax: 100}}});

  const months = data.process.rows;
  const series = [['periodEndToSentDays', 'Period end → sent (days)'], ['sentToPaidDays', 'Sent → paid (days)'],
    ['reviewInvoiceHours', 'Invoice review (h)'], ['approveTimesheetHours', 'Timesheet approval task (h)'],
    ['timesheetApprovalLeadHours', 'Timesheet lead time (h)']];
  charts.push(new Chart(document.getElementById('lf-chart-process'), {
    type: 'line',
    data: {
      labels: months.map(r => r.month),
      datasets: series.map(([key, label], i) => ({
        label, data: months.map(r => r[key]), borderColor: COLORS.lines[i], backgroundColor: COLORS.lines[i],
        spanGaps: true, tension: 0.2, yAxisID: 'y'
      })).concat([{
        label: 'Reminders per paid invoice', data: months.map(r => r.remindersPerPaidInvoice), type: 'bar',
        backgroundColor: 'rgba(127, 140, 141, 0.35)', yAxisID: 'reminders'
      }])
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, plugins: {legend: {position: 'bottom'}},
      scales: {
        y: {position: 'left', beginAtZero: true, title: {display: true, text: 'days / hours'}},
        reminders: {position: 'right', beginAtZero: true, grid: {drawOnChartArea: false},
          title: {display: true, text: 'reminders'}}
      }
    }
  }));

  const plan = row => `/projects/${row.projectId}/plan`;
  document.getElementById('lf-table-profitability').innerHTML = table([
    {title: 'Project', value: r => r.projectCode + ' ' + r.projectName, link: plan},
    {title: 'Client', value: r => r.clientName},
    {title: 'Cur.', value: r => r.currency},
    {title: 'Revenue', value: r => r.revenue, num: true},
    {title: 'Unbilled', value: r => r.unbilled, num: true},
    {title: 'Cost', value: r => r.cost, num: true},
    {title: 'Margin', value: r => r.margin, num: true},
    {title: 'Margin %', value: r => number(r.marginPercent)},
    {title: 'Hours', value: r => r.hours, num: true},
    {title: 'Eff. rate', value: r => r.effectiveHourlyRate, num: true},
    {title: 'Written off', value: r => r.writtenOff, num: true}
  ], data.profitability.rows, 'No project has revenue, work or cost in this range.');
  document.getElementById('lf-table-budget').innerHTML = table([
    {title: 'Project', value: r => r.projectCode + ' ' + r.projectName, link: plan},
    {title: 'Hours', value: r => `${hours(r.actualHours)} / ${hours(r.budgetHours)}`},
    {title: 'Burn % (h)', value: r => number(r.hoursBurnPercent)},
    {title: 'Amount', value: r => `${money(r.actualAmount)} / ${r.budgetAmount == null ? '–' : money(r.budgetAmount)}`},
    {title: 'Burn % ($)', value: r => number(r.amountBurnPercent)},
    {title: 'Pace h/week', value: r => hours(r.weeklyPaceHours)},
    {title: 'Projected overrun h', value: r => hours(r.projectedOverrunHours)},
    {title: 'Milestones due', value: r => r.milestonesDue
      ? `${r.milestonesDue} (next: ${r.nextMilestone}, ${r.nextMilestoneDue})` : ''}
  ], data.budget.rows, 'No project with a budget.');
  document.getElementById('lf-table-receivables').innerHTML = table([
    {title: 'Client', value: r => r.clientName, link: r => r.link},
    {title: 'Cur.', value: r => r.currency},
    ...buckets.map(([key, label]) => ({title: label, value: r => r[key], num: true})),
    {title: 'Open', value: r => r.total, num: true},
    {title: 'DSO', value: r => number(r.dso)}
  ], receivables, 'Nobody owes anything.');
  document.getElementById('lf-dso').textContent = (data.receivables.totals || [])
    .map(t => `DSO ${t.currency}: ${number(t.dso)} days`).join(' · ');
  const kind = r => r.kind.replace(/_/g, ' ').toLowerCase();
  const leakage = data.leakage;
  document.getElementById('lf-table-leakage-totals').innerHTML = table([
    {title: 'What', value: kind},
    {title: 'Cur.', value: r => r.currency},
    {title: 'Rows', value: r => r.rows},
    {title: 'Hours', value: r => r.hours, num: true},
    {title: 'Amount', value: r => r.amount, num: true}
  ], leakage.totals || [], 'No leakage found.');
  const paging = leakage.paging || {rowCount: leakage.rows.length};
  document.getElementById('lf-leakage-count').textContent = paging.rowCount > leakage.rows.length
    ? `the first ${leakage.rows.length} of ${paging.rowCount} rows below; the CSV has them all`
    : (paging.rowCount ? `${paging.rowCount} rows` : '');
  document.getElementById('lf-table-leakage').innerHTML = leakage.rows.length ? table([
    {title: 'What', value: kind, link: r => r.link},
    {title: 'Project', value: r => r.projectCode},
    {title: 'Who', value: r => r.personName || ''},
    {title: 'Date', value: r => r.date || ''},
    {title: 'Reference', value: r => r.reference},
    {title: 'Hours', value: r => r.hours, num: true},
    {title: 'Amount', value: r => r.amount, num: true},
    {title: 'Detail', value: r => r.detail}
  ], leakage.rows, '') : '';
}

function message(node, text, kind) {
  const box = node.querySelector('#lf-billing-message');
  box.hidden = false;
  box.className = 'lf-billing-message alert alert-' + kind;
  box.textContent = text;
}

/** The clients of the rows shown, to filter by; kept while one client is picked. */
function clientChoices(node, profitability, picked) {
  const select = node.querySelector('#lf-billing-client');
  if (picked) {
    return;
  }
  const clients = new Map();
  profitability.rows.forEach(r => clients.set(r.clientId, r.clientName));
  select.innerHTML = '<option value="">All clients</option>' + [...clients.entries()]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([id, name]) => `<option value="${escape(id)}">${escape(name)}</option>`).join('');
}

async function show(node, range) {
  delete node.querySelector('#ledgerflow-billing').dataset.state;
  charts.forEach(chart => chart.destroy());
  charts = [];
  const filter = Object.fromEntries(Object.entries(range).filter(([, value]) => value));
  const query = new URLSearchParams(filter).toString();
  const receivablesFilter = Object.fromEntries(Object.entries({to: range.to, clientId: range.clientId})
    .filter(([, value]) => value));
  node.querySelectorAll('.lf-csv').forEach(link => {
    link.href = REPORTS + link.dataset.report + '.csv?' + query;
  });
  try {
    const [Chart, profitability, budget, utilization, receivables, leakage, process] = await Promise.all([
      loadChartJs(), report('profitability', query), report('budget', query), report('utilization', query),
      report('receivables', new URLSearchParams(receivablesFilter).toString()), report('leakage', query),
      report('process-performance', query)]);
    node.querySelector('#lf-billing-message').hidden = true;
    node.querySelector('#lf-billing-body').hidden = false;
    render(Chart, {profitability, budget, utilization, receivables, leakage, process});
    clientChoices(node, profitability, range.clientId);
    node.querySelector('#ledgerflow-billing').dataset.state = 'rendered';
  }
  catch (error) {
    node.querySelector('#lf-billing-body').hidden = true;
    if (error instanceof ReportForbidden) {
      message(node, 'Billing shows the firm\'s money: it is open to managers, finance and administrators. '
        + 'Ask an administrator if you need it.', 'warning');
      node.querySelector('.lf-billing-downloads').hidden = true;
      node.querySelector('#ledgerflow-billing').dataset.state = 'forbidden';
    }
    else {
      message(node, 'The reports could not be loaded: ' + error.message, 'danger');
      node.querySelector('#ledgerflow-billing').dataset.state = 'failed';
    }
  }
}

/** The dashboard's Billing tile: what is owed and what has not been billed yet, with the way to the charts. */
async function dashboard(node) {
  node.innerHTML = `
    <section class="ledgerflow-billing-tile" id="ledgerflow-billing-tile">
      <h3>Billing</h3>
      <p id="lf-tile-figures">Loading the receivables and unbilled work…</p>
      <a href="#/billing" id="ledgerflow-billing-tile-link" class="btn btn-default">Open Billing</a>
    </section>`;
  const figures = node.querySelector('#lf-tile-figures');
  try {
    const [receivables, leakage] = await Promise.all([report('receivables', ''), report('leakage', 'limit=1')]);
    const owed = (receivables.totals || []).map(t => `${money(t.total)} ${escape(t.currency)}`).join(' · ') || 'nothing';
    const unbilled = (leakage.totals || []).filter(t => t.kind === 'UNBILLED_TIME' || t.kind === 'UNBILLED_EXPENSE');
    const perCurrency = new Map();
    unbilled.forEach(t => perCurrency.set(t.currency, (perCurrency.get(t.currency) || 0) + t.amount));
    const notBilled = [...perCurrency.entries()].map(([currency, amount]) => `${money(amount)} ${escape(currency)}`)
      .join(' · ') || 'nothing';
    figures.innerHTML = `Owed to the firm: <strong id="lf-tile-owed">${owed}</strong><br>`
      + `Billable work not billed: <strong id="lf-tile-unbilled">${notBilled}</strong>`;
    node.querySelector('#ledgerflow-billing-tile').dataset.state = 'rendered';
  }
  catch (error) {
    figures.textContent = error instanceof ReportForbidden
      ? 'Billing is open to managers, finance and administrators.' : 'The figures could not be loaded.';
    node.querySelector('#ledgerflow-billing-tile').dataset.state = error instanceof ReportForbidden
      ? 'forbidden' : 'failed';
  }
}

export default [
  {
    id: 'ledgerflow-billing-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 50,
    render: node => {
      addStyles();
      dashboard(node);
    },
    properties: {label: 'Billing'}
  },
  {
    id: 'ledgerflow-billing-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: node => {
      node.innerHTML = '<a href="#/billing" id="ledgerflow-billing-link">Billing</a>';
    },
    checkActive: url => url.indexOf('#' + ROUTE) > -1,
    properties: {label: 'Billing'}
  },
  {
    id: 'ledgerflow-billing',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE, label: 'Billing'},
    render: node => {
      addStyles();
      const range = monthsBack(6);
      skeleton(node, range);
      node.querySelector('#lf-billing-filter').addEventListener('submit', event => {
        event.preventDefault();
        const form = event.target;
        show(node, {from: form.from.value, to: form.to.value, clientId: form.clientId.value});
      });
      show(node, range);
    },
    unmount: () => {
      charts.forEach(chart => chart.destroy());
      charts = [];
    }
  }
];

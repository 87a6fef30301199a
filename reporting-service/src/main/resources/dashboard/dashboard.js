// The campaign dashboard: every figure comes from the reporting service's public API, read with the
// credentials the user signed in with (kept for this tab only), refreshed every few seconds.
'use strict';

const CATEGORIES = {
  EXTREME_POVERTY: '特困人员', MINIMUM_LIVING: '低保对象', LOW_INCOME_MARGINAL: '低保边缘家庭成员', ORPHAN: '孤儿',
  DE_FACTO_UNSUPPORTED_CHILD: '事实无人抚养儿童', MONITORED: '监测对象', RETURNED_TO_POVERTY: '返贫致贫人口',
  STABLE_EX_POOR: '稳定脱贫人口', DISABILITY_SEVERE: '一、二级残疾人', DISABILITY_MODERATE: '三、四级残疾人',
  PRIORITY_VETERAN: '重点优抚对象', FAMILY_PLANNING_SPECIAL: '计生特殊家庭', SEVERE_MENTAL_ILLNESS: '严重精神障碍患者'
};
const MEASURES = { ENROLMENT: '参保缴费', E_VOUCHER: '电子凭证激活', GOAL: '全年目标' };
const REFRESH_MS = 5000;

const params = new URLSearchParams(location.search);
const choice = document.getElementById('choice');
const login = document.getElementById('login');
const board = document.getElementById('board');
const status = document.getElementById('status');
choice.region.value = params.get('region') || '';
choice.coverageYear.value = params.get('coverageYear') || '';
let selectedTownship = null;
let charts = null;

const percent = rate => rate == null ? '—' : (Number(rate) * 100).toFixed(2) + '%';
// a rate the page divides itself, rounded as the API and the forms round one (DOMAIN.md: 4 decimals, half-up) in whole numbers:
// in floating point 23 / 160 showed 14.37 % where the forms print 14.38 %
const rateOf = (done, of) => (Math.floor((2 * done * 10000 + of) / (2 * of)) / 10000).toFixed(4);
const beijing = instant => instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
const unitName = row => row.unitName || row.townshipName || row.unit || row.township;
const unitKey = row => row.unit || row.township;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function judged(group) {
  if (!group || group.of === 0) return element('td', '—');
  // these groups must all be enrolled (DOMAIN.md), whether or not the campaign states a goal for them
  const met = group.goalMet === true || (group.goalMet == null && group.done === group.of);
  return element('td', `${group.done}/${group.of} ${percent(group.rate)}`, met ? 'met' : 'short');
}

function rateCell(row) {
  const td = element('td', null, 'name rate');
  const bar = element('span', null, 'bar');
  const fill = element('span');
  fill.style.width = Math.min(100, Number(row.rate) * 100) + '%';
  bar.append(fill);
  if (row.goal) {
    const goal = element('i');
    goal.style.left = Math.min(100, Number(row.goal) * 100) + '%';
    bar.append(goal);
  }
  td.append(bar, element('span', percent(row.rate), 'value'));
  return td;
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: sessionStorage.getItem('auth') || '' } });
  if (response.status === 401) {
    sessionStorage.removeItem('auth');
    throw Object.assign(new Error('请重新登录 / please sign in again'), { signIn: true });
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function query(extra) {
  return `region=${encodeURIComponent(choice.region.value)}&coverageYear=${encodeURIComponent(choice.coverageYear.value)}${extra || ''}`;
}

function show(signedIn) {
  login.hidden = signedIn;
  choice.hidden = !signedIn;
  board.hidden = !signedIn || !choice.region.value;
}

/** A township's clerk reads its own row only, and a total of that row (docs/api.md): no county money unattributed either. */
const ownTownshipOnly = participation => !('unattributed' in participation) && participation.townships.length === 1;

function renderCounty(participation, freshness) {
  const t = participation.total;
  const scope = ownTownshipOnly(participation) ? ` ${unitName(participation.townships[0])}` : '';
  document.getElementById('title').textContent =
    `${participation.regionName || participation.region}${scope} ${participation.coverageYear}年度城乡居民医保参保缴费进度`;
  const figures = [
    ['参保率', percent(t.rate), t.goal ? `年度目标 ${percent(t.goal)}` : '', 'county-rate'],
    ['已参保 / 应参保', `${t.enrolled} / ${t.target}`, '已登记 ' + t.registered, 'county-enrolled'],
    ['资助对象参保', t.assistedPeople ? `${t.assistedPeople.done} / ${t.assistedPeople.of}` : '—', '须全部参保（100%）', 'county-assisted'],
    ['新生儿按时参保', t.newborns ? `${t.newborns.done} / ${t.newborns.of}` : '—', '出生后规定天数内参保', 'county-newborns'],
    ['自费 / 资助', `${t.selfPaid} / ${t.assisted}`, '已参保人员中', 'county-paid'],
  ];
  const withVouchers = participation.townships.filter(row => row.eVoucherTarget);
  if (withVouchers.length) {
    const target = withVouchers.reduce((sum, row) => sum + row.eVoucherTarget, 0);
    const done = withVouchers.reduce((sum, row) => sum + row.eVoucherActivated, 0);
    figures.push(['电子凭证激活', `${done} / ${target}`, percent(target ? rateOf(done, target) : 0), 'county-evoucher']);
  }
  if (participation.unattributed && participation.unattributed.people) {
    figures.push(['未归属缴费', participation.unattributed.people, `${participation.unattributed.amount} 元，待登记后计入`, 'county-unattributed']);
  }
  document.getElementById('county').replaceChildren(...figures.map(([label, value, note, id]) => {
    const div = element('div', label, 'figure');
    const b = element('b', value);
    b.id = id;
    div.append(b, element('small', note));
    return div;
  }));
  // a fact dated long before it arrived is a replay or a back-dated record, not a slow pipeline
  const lag = freshness.lagSeconds == null ? '' : freshness.lagSeconds < 3600
    ? ` · 最新事实计入用时 ${freshness.lagSeconds.toFixed(1)} 秒` : ' · 最新事实为补录或回放的历史数据';
  document.getElementById('freshness').textContent = `数据截至 ${beijing(participation.asOf)}（北京时间）`
    + ` · 最近计入 ${beijing(freshness.lastAppliedAt)}${lag} · ${freshness.caughtUp ? '已全部计入' : '正在计入新数据'}`;
}

function renderTownships(participation) {
  const rows = participation.townships.map(row => {
    const tr = element('tr', null, 'clickable' + (unitKey(row) === selectedTownship ? ' selected' : ''));
    tr.dataset.unit = unitKey(row);
    const categories = Object.entries(row.assistedByCategory || {}).map(([code, n]) => `${CATEGORIES[code] || code} ${n}`).join('，');
    const vouchers = row.eVoucherTarget ? `${row.eVoucherActivated}/${row.eVoucherTarget} ${percent(row.eVoucherRate)}` : '—';
    tr.append(element('td', unitName(row), 'name unit-name'), element('td', row.target, 'target'), element('td', row.registered),
      element('td', row.enrolled, 'enrolled'), rateCell(row),
      element('td', row.goal && row.goalMet != null ? (row.goalMet ? '已达标' : '未达标') : '—', row.goalMet ? 'met' : 'short'),
      judged(row.assistedPeople), judged(row.newborns), element('td', vouchers), element('td', categories || '—', 'name'));
    tr.addEventListener('click', () => { selectedTownship = unitKey(row); refresh(); });
    return tr;
  });
  document.querySelector('#townships tbody').replaceChildren(...rows);
}

async function renderVillages(participation) {
  const panel = document.getElementById('villages-panel');
  if (!selectedTownship) { panel.hidden = true; return; }
  const township = participation.townships.find(row => unitKey(row) === selectedTownship);
  const villages = (await api(`api/v1/participation?${query('&level=VILLAGE')}`)).townships.filter(row => row.township === selectedTownship);
  panel.hidden = false;
  document.getElementById('villages-title').textContent = `${township ? unitName(township) : selectedTownship} 的村（社区）`
    + (villages.length ? '' : '：该乡镇没有单独考核的村');
  document.querySelector('#villages tbody').replaceChildren(...villages.map(row => {
    const tr = element('tr');
    const vouchers = row.eVoucherTarget ? `${row.eVoucherActivated}/${row.eVoucherTarget} ${percent(row.eVoucherRate)}` : '—';
    tr.append(element('td', unitName(row), 'name'), element('td', row.target), element('td', row.registered), element('td', row.enrolled),
      rateCell(row), element('td', row.goal && row.goalMet != null ? (row.goalMet ? '已达标' : '未达标') : '—', row.goalMet ? 'met' : 'short'), element('td', vouchers));
    return tr;
  }));
}

const COUNTS = [null, '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function renderRanking(rankings) {
  const latest = rankings.rankings[rankings.rankings.length - 1];
  const body = document.querySelector('#ranking tbody');
  if (!latest) { body.replaceChildren(); return new Set(); }
  document.getElementById('ranking-title').textContent = `排名（截至 ${latest.periodEnd}，半月）`;
  const bottom = new Set(latest.bottomThree.map(unitKey));
  // the campaign says how many count at the bottom (ranking.bottom), three unless it says otherwise
  const count = COUNTS[latest.bottom ?? 3] || String(latest.bottom);
  document.getElementById('bottom-note').textContent = `（后${count}名标红）`;
  document.getElementById('bottom-streak').textContent = `连续后${count}名`;
  body.replaceChildren(...latest.townships.map(row => {
    const tr = element('tr', null, bottom.has(unitKey(row)) ? 'bottom' : '');
    tr.append(element('td', row.rank), element('td', unitName(row), 'name'), element('td', percent(row.rate)),
      element('td', row.consecutive || ''), element('td', row.writtenExplanation ? '须书面说明' : ''), element('td', row.criticised ? '通报批评' : ''));
    return tr;
  }));
  return bottom;
}

function renderStages(stages) {
  if (stages.stages.length === 0) {
    const none = element('td', '本年度方案未设阶段目标', 'name');
    none.colSpan = 7;
    const tr = element('tr');
    tr.append(none);
    document.querySelector('#stages tbody').replaceChildren(tr);
    return;
  }
  document.querySelector('#stages tbody').replaceChildren(...stages.stages.map(stage => {
    const met = stage.townships.filter(row => row.met).length;
    const reward = stage.townships.reduce((sum, row) => sum + Number(row.reward || 0), 0);
    const penalty = stage.townships.reduce((sum, row) => sum + Number(row.penalty || 0), 0);
    const tr = element('tr');
    tr.append(element('td', stage.deadline, 'name'), element('td', MEASURES[stage.measure] || '参保缴费', 'name'),
      element('td', percent(stage.threshold)), element('td', `${met} / ${stage.townships.length}`), element('td', reward.toFixed(2)),
      element('td', penalty.toFixed(2)), element('td', stage.closed ? (stage.settledAt ? '已结算' : '已截止') : '进行中', 'name'));
    return tr;
  }));
}

function renderCharts(participation, rankings, stages, bottom) {
  if (!charts) {
    charts = { trend: echarts.init(document.getElementById('trend')), rates: echarts.init(document.getElementById('rates')) };
    window.addEventListener('resize', () => { charts.trend.resize(); charts.rates.resize(); });
  }
  const periods = rankings.rankings.map(ranking => ranking.periodEnd.substring(5));
  const goal = participation.total.goal ? Number(participation.total.goal) * 100 : null;
  const thresholds = stages.stages.filter(stage => stage.measure !== 'E_VOUCHER' && stage.measure !== 'GOAL')
    .map(stage => ({ yAxis: Number(stage.threshold) * 100, name: `${stage.deadline.substring(5)} 阶段 ${percent(stage.threshold)}` }));
  const lines = thresholds.map(line => ({ ...line, lineStyle: { color: '#bf8700', type: 'dashed' }, label: { formatter: line.name } }));
  if (goal != null) {
    lines.push({ yAxis: goal, name: '年度目标', lineStyle: { color: '#cf222e' }, label: { formatter: `年度目标 ${percent(participation.total.goal)}` } });
  }
  const series = participation.townships.map(row => ({
    name: unitName(row), type: 'line', smooth: true, showSymbol: false,
    data: rankings.rankings.map(ranking => {
      const ranked = ranking.townships.find(r => unitKey(r) === unitKey(row));
      return ranked ? +(Number(ranked.rate) * 100).toFixed(2) : null;
    }).concat([+(Number(row.rate) * 100).toFixed(2)])
  }));
  // the county at each period end: enrolled over targets as they stood then, of the units ranked (those with a target, for
  // every role; a unit without one counts only in today's total); today's is the county's for the bureau and viewers
  series.push({ name: '全县', type: 'line', lineStyle: { width: 4, color: '#12385f' }, itemStyle: { color: '#12385f' },
    data: rankings.rankings.map(ranking => {
      const enrolled = ranking.townships.reduce((sum, r) => sum + (r.enrolled || 0), 0);
      const target = ranking.townships.reduce((sum, r) => sum + (r.target || 0), 0);
      return target ? +(Number(rateOf(enrolled, target)) * 100).toFixed(2) : null;
    }).concat([ownTownshipOnly(participation) ? null : +(Number(participation.total.rate) * 100).toFixed(2)]),
    markLine: { symbol: 'none', data: lines } });
  charts.trend.setOption({
    animation: false, tooltip: { trigger: 'axis', valueFormatter: value => value == null ? '—' : value + '%' },
    legend: { type: 'scroll', top: 0 }, grid: { left: 50, right: 150, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: periods.concat(['今日']) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }, series
  }, true);
  const sorted = [...participation.townships].sort((a, b) => Number(a.rate) - Number(b.rate));
  charts.rates.setOption({
    animation: false, grid: { left: 110, right: 40, top: 10, bottom: 30 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: sorted.map(unitName) },
    tooltip: { valueFormatter: value => value + '%' },
    series: [{ type: 'bar', data: sorted.map(row => ({ value: +(Number(row.rate) * 100).toFixed(2),
      itemStyle: { color: bottom.has(unitKey(row)) ? '#cf222e' : '#2f81f7' } })),
      label: { show: true, position: 'right', formatter: '{c}%' },
      markLine: goal == null ? undefined : { symbol: 'none', data: [{ xAxis: goal, label: { formatter: '目标' } }] } }]
  }, true);
}

async function refresh() {
  if (!sessionStorage.getItem('auth')) { show(false); return; }
  show(true);
  if (!choice.region.value || !choice.coverageYear.value) { status.textContent = '请选择地区代码和年度。'; return; }
  try {
    const [participation, rankings, stages, freshness] = await Promise.all([
      api(`api/v1/participation?${query()}`), api(`api/v1/rankings?${query('&period=HALF_MONTHLY')}`),
      api(`api/v1/stages?${query()}`), api(`api/v1/freshness?${query()}`)]);
    renderCounty(participation, freshness);
    renderTownships(participation);
    const bottom = renderRanking(rankings);
    renderStages(stages);
    renderCharts(participation, rankings, stages, bottom);
    await renderVillages(participation);
    status.textContent = '';
    document.body.dataset.loadedAt = participation.asOf;
  } catch (e) {
    if (e.signIn) { show(false); }
    status.replaceChildren(element('span', '无法读取数据 / cannot read the figures: ' + e.message, 'error'));
  }
}

// Basic with the demo clients, Bearer with the province's tokens in production: the service says which
let scheme = 'Basic';
async function signInScheme() {
  try {
    const response = await fetch('dashboard/sign-in');
    if (response.ok) scheme = (await response.json()).scheme;
  } catch (e) { /* the service is not answering: the figures' own error says so */ }
  const bearer = scheme === 'Bearer';
  document.getElementById('with-password').hidden = bearer;
  document.getElementById('password-hint').hidden = bearer;
  document.getElementById('with-token').hidden = !bearer;
  document.getElementById('token-hint').hidden = !bearer;
  login.username.required = !bearer;
  login.password.required = !bearer;
  login.token.required = bearer;
}

// kept for the tab once the service accepted it: the refresh every few seconds never shows the board on a guess
login.addEventListener('submit', async event => {
  event.preventDefault();
  const bearer = scheme === 'Bearer';
  // a token copied from a mail or a terminal may be broken across lines: no whitespace belongs in one
  const auth = bearer ? 'Bearer ' + login.token.value.trim().replace(/^Bearer\s+/i, '').replace(/\s+/g, '')
    : 'Basic ' + btoa(`${login.username.value}:${login.password.value}`);
  const error = document.getElementById('login-error');
  error.textContent = '';
  const response = await fetch('api/v1/freshness?region=000000&coverageYear=2000', { headers: { Authorization: auth } })
    .catch(() => null);
  if (!response || !response.ok) {
    error.textContent = !response ? '无法连接服务 / the service cannot be reached'
      : response.status === 401 ? (bearer ? '令牌无效或已过期 / the token is invalid or has expired'
        : '用户名或密码不正确 / wrong user name or password')
      : response.status === 403 ? '此账号无权查看进度 / this account may not read the figures'
      : `服务暂时无法登录（${response.status}），请稍后再试 / the service cannot sign you in now (${response.status}); try again shortly`;
    show(false);
    return;
  }
  sessionStorage.setItem('auth', auth);
  login.token.value = '';
  login.password.value = '';
  refresh();
});
document.getElementById('sign-out').addEventListener('click', () => { sessionStorage.removeItem('auth'); show(false); });
choice.addEventListener('submit', event => {
  event.preventDefault();
  selectedTownship = null;
  history.replaceState(null, '', `?region=${choice.region.value}&coverageYear=${choice.coverageYear.value}`);
  refresh();
});
signInScheme().then(refresh);
// a tab in the background reads nothing: each look computes the whole county on the read model's database
let refreshing = false;
setInterval(async () => {
  if (document.hidden || refreshing) { return; }
  refreshing = true;
  try { await refresh(); } finally { refreshing = false; }
}, REFRESH_MS);
document.addEventListener('visibilitychange', () => { if (!document.hidden) { refresh(); } });

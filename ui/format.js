// Numbers, money and dates as each language writes them. Pure functions that
// touch no DOM, so that node's test runner can check them (tests/ui); i18n.js
// passes the language in. English keeps the figures the window always showed.

const LOCALES = { en: 'en-US', ko: 'ko-KR', zh: 'zh-CN' };
const formats = new Map();

/** One cached Intl.NumberFormat per language and option set. */
function numberFormat(lang, options = {}) {
  const locale = LOCALES[lang] ?? LOCALES.en;
  const id = `${locale}|${JSON.stringify(options)}`;
  if (!formats.has(id)) formats.set(id, new Intl.NumberFormat(locale, options));
  return formats.get(id);
}

/** 54200000000 → "54,200,000,000" (up to three decimals); null → "—". */
export function formatNumber(n, lang = 'en') {
  if (n === null || n === undefined || n === '') return '—';
  return numberFormat(lang).format(Number(n));
}

/** Today's English short figure: "5.97bn", "18.4m", "25k", "950". */
function englishShort(n) {
  const [scaled, unit] = n >= 1e9 ? [n / 1e9, 'bn'] : n >= 1e6 ? [n / 1e6, 'm'] : n >= 1e4 ? [n / 1e3, 'k'] : [n, ''];
  const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  return Number(scaled.toFixed(digits)).toString() + unit;
}

const KO_UNITS = [[1e12, '조'], [1e8, '억'], [1e4, '만'], [1, '']];

/** 5968000000 → "59억 6,800만": four significant digits, at most two units, a zero part left out. */
function koreanShort(n) {
  const rounded = Number(n.toPrecision(4));
  const i = KO_UNITS.findIndex(([unit]) => rounded >= unit);
  const [[big, bigName], [small, smallName]] = KO_UNITS.slice(i, i + 2);
  const top = Math.floor(rounded / big);
  const rest = Math.round((rounded - top * big) / small);
  const part = (value, name) => `${formatNumber(value, 'ko')}${name}`;
  return rest ? `${part(top, bigName)} ${part(rest, smallName)}` : part(top, bigName);
}

const ZH_UNITS = [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']];

/** 5968000000 → "59.68亿", 18400000 → "1840万": four significant digits in the largest unit. */
function chineseShort(n) {
  const rounded = Number(n.toPrecision(4));
  const [unit, name] = ZH_UNITS.find(([u]) => rounded >= u);
  return `${Number((rounded / unit).toPrecision(4))}${name}`;
}

/** A figure short enough for a chart label: en "5.97bn", ko "59억 6,800만", zh "59.68亿". */
export function shortNumber(value, lang = 'en') {
  const n = Number(value);
  if (lang === 'en' || !Number.isFinite(n)) return englishShort(n);
  if (n < 0) return `-${shortNumber(-n, lang)}`;
  if (n < 1e4) return numberFormat(lang, { maximumFractionDigits: 2 }).format(n);
  return lang === 'ko' ? koreanShort(n) : chineseShort(n);
}

const SYMBOLS = { EUR: '€', USD: '$', GBP: '£' };

// Currency names as a reader of each language writes them after an amount.
const CURRENCY_NAMES = {
  ko: { KRW: '원', EUR: '유로', USD: '달러', GBP: '파운드', JPY: '엔', CNY: '위안', AUD: '호주 달러', CAD: '캐나다 달러',
    INR: '루피', BRL: '헤알', SGD: '싱가포르 달러', CHF: '스위스 프랑', HKD: '홍콩 달러', TWD: '대만 달러' },
  zh: { KRW: '韩元', EUR: '欧元', USD: '美元', GBP: '英镑', JPY: '日元', CNY: '元', AUD: '澳元', CAD: '加元',
    INR: '印度卢比', BRL: '巴西雷亚尔', SGD: '新加坡元', CHF: '瑞士法郎', HKD: '港元', TWD: '新台币' },
};

/** en "€1.2bn", "KRW 5.97bn"; ko "59억 6,800만 원", "12억 유로"; zh "59.68亿韩元", "12亿欧元". */
export function shortMoney(amount, currency, lang = 'en') {
  const text = shortNumber(amount, lang);
  if (lang === 'en' || !CURRENCY_NAMES[lang]) {
    const symbol = SYMBOLS[currency];
    return symbol ? `${symbol}${text}` : `${currency} ${text}`;
  }
  const name = CURRENCY_NAMES[lang][currency];
  if (!name) return `${text} ${currency}`;
  return lang === 'ko' ? `${text} ${name}` : `${text}${name}`;
}

/** The whole amount with its code: en "KRW 5,968,000,000"; ko and zh "5,968,000,000 KRW". */
export function fullMoney(amount, currency, lang = 'en') {
  const text = formatNumber(amount, lang);
  return lang === 'en' ? `${currency} ${text}` : `${text} ${currency}`;
}

const DATE_PARTS = {
  ko: { y: '년', m: '월', d: '일', gap: ' ' },
  zh: { y: '年', m: '月', d: '日', gap: '' },
};

/**
 * A stored date at its own precision ("2024", "2024-03", "2024-03-01"):
 * English as stored; ko "2024년 3월 1일"; zh "2024年3月1日". null → "—";
 * text that is no such date stays as it is.
 */
export function formatDate(iso, lang = 'en') {
  if (iso === null || iso === undefined || iso === '') return '—';
  const p = DATE_PARTS[lang];
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(iso));
  if (!p || !m) return String(iso);
  const parts = [`${m[1]}${p.y}`];
  if (m[2]) parts.push(`${Number(m[2])}${p.m}`);
  if (m[3]) parts.push(`${Number(m[3])}${p.d}`);
  return parts.join(p.gap);
}

/** A moment (ISO timestamp): English as the window always showed it, others in their own order. */
export function formatTimestamp(stamp, lang = 'en') {
  const date = new Date(stamp);
  if (Number.isNaN(date.getTime())) return String(stamp);
  if (lang === 'en' || !LOCALES[lang]) return date.toLocaleString();
  // The day as formatDate writes it (WebKit's Intl gives Korean a numeric
  // "2026. 11. 29." for a long date with a time), then a 24-hour clock: no
  // morning/afternoon word to misread in a log of changes.
  const pad = (n) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${formatDate(day, lang)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// The figures and dates each language shows (ui/format.js), on the examples
// the interface promises. Run with `node --test tests/ui/`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, shortNumber, shortMoney, fullMoney, formatDate, formatTimestamp } from '../../ui/format.js';

test('full figures are grouped in every language', () => {
  for (const lang of ['en', 'ko', 'zh']) {
    assert.equal(formatNumber(54200000000, lang), '54,200,000,000');
    assert.equal(formatNumber(null, lang), '—');
  }
});

test('short figures in English stay as they were', () => {
  assert.equal(shortNumber(5968000000, 'en'), '5.97bn');
  assert.equal(shortNumber(18400000, 'en'), '18.4m');
  assert.equal(shortNumber(25000, 'en'), '25k');
  assert.equal(shortNumber(1000, 'en'), '1000');
});

test('short figures in Korean use 만, 억 and 조, two units at most', () => {
  assert.equal(shortNumber(5968000000, 'ko'), '59억 6,800만');
  assert.equal(shortNumber(18400000, 'ko'), '1,840만');
  assert.equal(shortNumber(25000, 'ko'), '2만 5,000');
  assert.equal(shortNumber(2000000000, 'ko'), '20억');
  assert.equal(shortNumber(1234567890123, 'ko'), '1조 2,350억');
  assert.equal(shortNumber(9999, 'ko'), '9,999');
});

test('short figures in Chinese use 万 and 亿', () => {
  assert.equal(shortNumber(5968000000, 'zh'), '59.68亿');
  assert.equal(shortNumber(18400000, 'zh'), '1840万');
  assert.equal(shortNumber(25000, 'zh'), '2.5万');
  assert.equal(shortNumber(2000000000, 'zh'), '20亿');
});

test('short money', () => {
  assert.equal(shortMoney(1200000000, 'EUR', 'en'), '€1.2bn');
  assert.equal(shortMoney(5968000000, 'KRW', 'en'), 'KRW 5.97bn');
  assert.equal(shortMoney(18400000, 'GBP', 'en'), '£18.4m');
  assert.equal(shortMoney(5968000000, 'KRW', 'ko'), '59억 6,800만 원');
  assert.equal(shortMoney(1200000000, 'EUR', 'ko'), '12억 유로');
  assert.equal(shortMoney(18400000, 'GBP', 'ko'), '1,840만 파운드');
  assert.equal(shortMoney(5000000, 'USD', 'ko'), '500만 달러');
  assert.equal(shortMoney(5968000000, 'KRW', 'zh'), '59.68亿韩元');
  assert.equal(shortMoney(1200000000, 'EUR', 'zh'), '12亿欧元');
  assert.equal(shortMoney(18400000, 'GBP', 'zh'), '1840万英镑');
  assert.equal(shortMoney(5000000, 'USD', 'zh'), '500万美元');
});

test('full money keeps every digit and the currency code', () => {
  assert.equal(fullMoney(5968000000, 'KRW', 'en'), 'KRW 5,968,000,000');
  assert.equal(fullMoney(5968000000, 'KRW', 'ko'), '5,968,000,000 KRW');
  assert.equal(fullMoney(5968000000, 'KRW', 'zh'), '5,968,000,000 KRW');
});

test('dates keep their precision', () => {
  for (const iso of ['2024', '2024-03', '2024-03-01']) assert.equal(formatDate(iso, 'en'), iso);
  assert.equal(formatDate('2024-03-01', 'ko'), '2024년 3월 1일');
  assert.equal(formatDate('2024-03', 'ko'), '2024년 3월');
  assert.equal(formatDate('2024', 'ko'), '2024년');
  assert.equal(formatDate('2024-03-01', 'zh'), '2024年3月1日');
  assert.equal(formatDate('2024-03', 'zh'), '2024年3月');
  assert.equal(formatDate('2024', 'zh'), '2024年');
  assert.equal(formatDate(null, 'ko'), '—');
});

test('timestamps in the language’s own order', () => {
  // Built from local time, so that the machine's time zone cannot move the day.
  const stamp = new Date(2024, 2, 1, 9, 5).toISOString();
  assert.equal(formatTimestamp(stamp, 'ko'), '2024년 3월 1일 09:05');
  assert.equal(formatTimestamp(stamp, 'zh'), '2024年3月1日 09:05');
});

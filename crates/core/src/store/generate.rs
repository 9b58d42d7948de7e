//! Realistic, deterministic test data at any size: company sizes follow a power
//! law, names mix English, Korean and Chinese, every regulator appears, dates
//! have all three precisions, and fines come in several currencies. The same
//! seed always gives the same database.

use crate::error::{Error, Result};
use crate::money;
use crate::names::name_key;
use crate::store::{now_text, Store};
use rusqlite::params;
use serde::Serialize;

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// Log-uniform between `lo` and `hi`.
    fn log_between(&mut self, lo: f64, hi: f64) -> i64 {
        (lo.ln() + self.unit() * (hi.ln() - lo.ln())).exp().round() as i64
    }
}

const EN_STEMS: &[&str] = &[
    "Nova", "Kite", "Orbit", "Pine", "Harbor", "Summit", "Lumen", "Cedar", "Vertex", "Atlas",
    "Meridian", "Quartz", "Beacon", "Falcon", "Willow", "Zenith", "Cobalt", "Aurora", "Bridge",
    "Delta",
];
const EN_TRADES: &[&str] = &[
    "Bank",
    "Pay",
    "Telecom",
    "Health",
    "Retail",
    "Cloud",
    "Insurance",
    "Mobility",
    "Games",
    "Logistics",
];
const KO_STEMS: &[&str] = &[
    "한빛", "새솔", "누리", "다온", "하늘", "가람", "미르", "온새",
];
const KO_TRADES: &[&str] = &[
    "은행",
    "페이",
    "텔레콤",
    "헬스",
    "쇼핑",
    "클라우드",
    "보험",
    "모빌리티",
];
const ZH_STEMS: &[&str] = &[
    "华信", "天宇", "云帆", "金诚", "博远", "中科", "星河", "瑞丰",
];
const ZH_TRADES: &[&str] = &[
    "银行",
    "支付",
    "电讯",
    "医疗",
    "商城",
    "云计算",
    "保险",
    "出行",
];

const TITLES: &[&str] = &[
    "Customer database exposed online",
    "Ransomware attack on billing systems",
    "Unlawful transfer of user data abroad",
    "Credential stuffing against customer accounts",
    "Misconfigured cloud storage bucket",
    "Tracking users without consent",
    "Insider leak of patient files",
    "Payment card data skimmed at checkout",
    "개인정보 유출 사고",
    "고객 정보 무단 제공",
    "用户信息泄露事件",
    "违规收集个人信息",
];

const NOTES: &[&str] = &[
    "Regulator press release",
    "Company statement",
    "Confirmed by court filing",
    "보도자료",
    "监管部门通报",
    "Amount reduced after representations",
];

/// A generated event: date, precision, kind, regulator (index), fine
/// (minor units and currency) and note.
type GenEvent<'a> = (
    String,
    &'a str,
    &'a str,
    Option<usize>,
    Option<(i64, &'a str)>,
    Option<&'a str>,
);

/// What `generate` wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Generated {
    pub incidents: usize,
    pub events: usize,
    pub companies: usize,
}

/// The most incidents one `generate` makes (ten times the benchmark's million).
pub const MAX_GENERATED: usize = 10_000_000;

impl Store {
    /// Adds `n` generated incidents, in transactions of 50,000; `progress` is
    /// told how many are done.
    pub fn generate(
        &mut self,
        n: usize,
        seed: u64,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Generated> {
        if n == 0 || n > MAX_GENERATED {
            return Err(Error::invalid(
                "incidents",
                format!(
                    "generate between 1 and {MAX_GENERATED} incidents at a time; {n} was asked"
                ),
            ));
        }
        let mut rng = Rng(seed ^ 0x5EED);
        let regulators: Vec<(i64, String, String)> = {
            let mut stmt = self.conn.prepare(
                "SELECT id, coalesce(nullif(label, ''), short_name, name), country FROM regulators ORDER BY id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // Companies first: a name in one of three scripts, and a home regulator.
        let company_count = (n / 8).max(10);
        let mut companies: Vec<(i64, String, usize)> = Vec::with_capacity(company_count);
        {
            let tx = self.conn.transaction()?;
            {
                let mut insert = tx.prepare(
                    "INSERT INTO companies (name, name_key, country) VALUES (?1, ?2, ?3)",
                )?;
                for i in 0..company_count {
                    let base = match rng.below(3) {
                        0 => format!("{} {}", rng.pick(EN_STEMS), rng.pick(EN_TRADES)),
                        1 => format!("{}{}", rng.pick(KO_STEMS), rng.pick(KO_TRADES)),
                        _ => format!("{}{}", rng.pick(ZH_STEMS), rng.pick(ZH_TRADES)),
                    };
                    // Numbered so that every name is one company.
                    let name = format!("{base} {:05}", i + 1);
                    let home = rng.below(regulators.len());
                    let country = &regulators[home].2;
                    insert.execute(params![name, name_key(&name), country])?;
                    companies.push((tx.last_insert_rowid(), name, home));
                }
            }
            tx.commit()?;
        }
        let mut done = Generated {
            incidents: 0,
            events: 0,
            companies: company_count,
        };
        let now = now_text();
        let kinds_in_order = [
            "discovered",
            "disclosed",
            "reported_to_regulator",
            "investigation_opened",
            "findings_published",
            "proposed_fine",
            "fined",
            "appealed",
            "settled",
            "closed",
        ];
        while done.incidents < n {
            let tx = self.conn.transaction()?;
            {
                let mut incident = tx.prepare_cached(
                    "INSERT INTO incidents (company_id, title, summary, counterparty, country, records_affected,
                        users_affected, status, version, created_at, updated_at, company_name, regulators,
                        first_event, latest_event)
                     VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?7, 1, ?8, ?8, ?9, ?10, ?11, ?12)",
                )?;
                let mut event = tx.prepare_cached(
                    "INSERT INTO events (incident_id, kind, date, precision, regulator_id, amount_minor, currency, note, position)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?;
                let mut source = tx.prepare_cached("INSERT INTO sources (url, publisher, published, language) VALUES (?1, ?2, ?3, ?4)")?;
                let mut link = tx.prepare_cached("INSERT INTO incident_sources (incident_id, source_id, position) VALUES (?1, ?2, 0)")?;
                let mut history = tx.prepare_cached(
                    "INSERT INTO history (incident_id, at, actor, version, field, old_value, new_value) VALUES (?1, ?2, 'generator', 1, 'created', NULL, ?3)",
                )?;
                let mut fts = tx.prepare_cached("INSERT INTO incidents_fts (rowid, company, title, summary, notes) VALUES (?1, ?2, ?3, ?4, ?5)")?;
                let batch_end = (done.incidents + 50_000).min(n);
                for _ in done.incidents..batch_end {
                    // Power law: a few companies have hundreds of incidents.
                    let c = &companies
                        [((company_count as f64) * rng.unit().powf(1.55)) as usize % company_count];
                    let title = (*rng.pick(TITLES)).to_string();
                    let summary = format!("{title} reported at {}.", c.1);
                    let records = rng.chance(0.6).then(|| rng.log_between(100.0, 1e10));
                    let users = rng.chance(0.6).then(|| rng.log_between(10.0, 5e8));
                    // The events: a start, then steps of enforcement in order.
                    let count = 1 + rng.below(8);
                    let mut day =
                        chrono::NaiveDate::from_ymd_opt(2008 + rng.below(17) as i32, 1, 1)
                            .unwrap_or_default()
                            + chrono::Duration::days(rng.below(365) as i64);
                    let mut kinds = vec!["started"];
                    let mut step = 0;
                    while kinds.len() < count && step < kinds_in_order.len() {
                        if rng.chance(0.6) {
                            kinds.push(kinds_in_order[step]);
                        }
                        step += 1;
                    }
                    let mut events: Vec<GenEvent> = Vec::new();
                    // Nothing happens after the last day of the data.
                    let last_day =
                        chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap_or_default();
                    for kind in kinds {
                        day += chrono::Duration::days(1 + rng.below(240) as i64);
                        if day > last_day && !events.is_empty() {
                            break;
                        }
                        day = day.min(last_day);
                        let (date, precision) = match rng.below(20) {
                            0..=2 => (day.format("%Y").to_string(), "year"),
                            3..=6 => (day.format("%Y-%m").to_string(), "month"),
                            _ => (day.format("%Y-%m-%d").to_string(), "day"),
                        };
                        let acting = matches!(
                            kind,
                            "investigation_opened"
                                | "findings_published"
                                | "proposed_fine"
                                | "fined"
                                | "settled"
                        );
                        // Mostly the home regulator, sometimes any other: all are used.
                        let regulator = acting.then(|| {
                            if rng.chance(0.8) {
                                c.2
                            } else {
                                rng.below(regulators.len())
                            }
                        });
                        let fine =
                            matches!(kind, "proposed_fine" | "fined" | "settled").then(|| {
                                let code = money::currency_of_country(
                                    &regulators[regulator.unwrap_or(c.2)].2,
                                )
                                .unwrap_or("EUR");
                                let exp = money::currency_exponent(code).unwrap_or(2);
                                (rng.log_between(1e4, 1e9) * 10_i64.pow(exp), code)
                            });
                        let note = rng.chance(0.3).then(|| *rng.pick(NOTES));
                        events.push((date, precision, kind, regulator, fine, note));
                    }
                    let status = match events.last().map(|e| e.2).unwrap_or("started") {
                        "investigation_opened" => "under_investigation",
                        "findings_published" => "findings_published",
                        "proposed_fine" | "fined" => "sanctioned",
                        "appealed" => "appealed",
                        "settled" => "settled",
                        "closed" => "closed",
                        _ => "reported",
                    };
                    let mut names: Vec<&str> = events
                        .iter()
                        .filter_map(|e| e.3)
                        .map(|r| regulators[r].1.as_str())
                        .collect();
                    names.sort_unstable();
                    names.dedup();
                    let first = events.iter().map(|e| e.0.clone()).min();
                    let latest = events.iter().map(|e| e.0.clone()).max();
                    let country = &regulators[c.2].2;
                    incident.execute(params![
                        c.0,
                        title,
                        summary,
                        country,
                        records,
                        users,
                        status,
                        now,
                        c.1,
                        names.join(", "),
                        first,
                        latest
                    ])?;
                    let id = tx.last_insert_rowid();
                    for (position, (date, precision, kind, regulator, fine, note)) in
                        events.iter().enumerate()
                    {
                        event.execute(params![
                            id,
                            kind,
                            date,
                            precision,
                            regulator.map(|r| regulators[r].0),
                            fine.map(|f| f.0),
                            fine.map(|f| f.1),
                            note,
                            position as i64
                        ])?;
                    }
                    source.execute(params![
                        format!("https://news.example/incidents/{id}"),
                        "Example News",
                        first,
                        "en"
                    ])?;
                    link.execute(params![id, tx.last_insert_rowid()])?;
                    history.execute(params![id, now, title])?;
                    let notes: Vec<&str> = events.iter().filter_map(|e| e.5).collect();
                    fts.execute(params![id, c.1, title, summary, notes.join(" ")])?;
                    done.events += events.len();
                    done.incidents += 1;
                }
            }
            tx.commit()?;
            progress(done.incidents);
        }
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ListQuery;

    fn snapshot(store: &Store) -> String {
        let mut out = String::new();
        for table in ["companies", "incidents", "events"] {
            let mut stmt = store
                .conn()
                .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
                .unwrap();
            // Creation times differ between runs; everything else must not.
            let kept: Vec<usize> = stmt
                .column_names()
                .iter()
                .enumerate()
                .filter(|(_, n)| !n.ends_with("_at"))
                .map(|(i, _)| i)
                .collect();
            let rows = stmt
                .query_map([], |r| {
                    kept.iter()
                        .map(|i| {
                            r.get::<_, rusqlite::types::Value>(*i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .unwrap();
            for row in rows {
                out.push_str(&row.unwrap().join("|"));
                out.push('\n');
            }
        }
        out
    }

    #[test]
    fn the_same_seed_gives_the_same_data_and_another_seed_does_not() {
        let mut a = Store::open_in_memory().unwrap();
        let mut b = Store::open_in_memory().unwrap();
        let mut c = Store::open_in_memory().unwrap();
        a.generate(300, 7, &mut |_| {}).unwrap();
        b.generate(300, 7, &mut |_| {}).unwrap();
        c.generate(300, 8, &mut |_| {}).unwrap();
        assert_eq!(snapshot(&a), snapshot(&b));
        assert_ne!(snapshot(&a), snapshot(&c));
    }

    #[test]
    fn generated_data_is_realistic_and_consistent() {
        let mut s = Store::open_in_memory().unwrap();
        let g = s.generate(2_000, 1, &mut |_| {}).unwrap();
        assert_eq!(g.incidents, 2_000);
        let q = |sql: &str| -> i64 { s.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        // Power law: the largest company has many incidents, most have few.
        let top = q("SELECT max(n) FROM (SELECT count(*) n FROM incidents GROUP BY company_id)");
        assert!(top >= 20, "largest company has {top}");
        let acting = q("SELECT count(DISTINCT regulator_id) FROM events");
        assert!(acting >= 100, "regulators of many countries act: {acting}");
        assert!(q("SELECT count(DISTINCT precision) FROM events") == 3);
        assert_eq!(
            q("SELECT count(*) FROM events WHERE date > '2026-10-31'"),
            0,
            "no future events"
        );
        assert!(q("SELECT count(DISTINCT currency) FROM events WHERE currency IS NOT NULL") >= 5);
        assert_eq!(
            q("SELECT min(n) FROM (SELECT count(*) n FROM events GROUP BY incident_id)"),
            1
        );
        assert!(q("SELECT max(n) FROM (SELECT count(*) n FROM events GROUP BY incident_id)") <= 8);
        // The kept list columns agree with the events, as the store keeps them.
        assert_eq!(q("SELECT count(*) FROM incidents i WHERE latest_event IS NOT (SELECT max(date) FROM events e WHERE e.incident_id = i.id)"), 0);
        assert_eq!(q("SELECT count(*) FROM incidents_fts"), 2_000);
        let page = s
            .list_incidents(&ListQuery {
                limit: Some(10),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(page.total, 2_000);
        assert!(
            s.conn()
                .query_row("PRAGMA foreign_key_check", [], |_| Ok(()))
                .is_err(),
            "no dangling keys"
        );
    }
}

/// What the benchmark picks its cases from on a generated database: the
/// busiest regulator, a word of a mid-sized company's name, the largest company.
#[derive(Debug, Clone)]
pub struct BenchProbes {
    /// Every incident row, deleted ones included (0 means "generate first").
    pub rows: i64,
    pub busiest_regulator: String,
    /// The last five characters of the 21st largest company's name, and how
    /// many incidents that company has.
    pub company_word: (String, i64),
    /// The company with the most incidents, and how many it has.
    pub largest_company: (String, i64),
}

impl Store {
    /// How many incident rows the file holds, deleted ones included.
    pub fn incident_rows(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM incidents", [], |r| r.get(0))?)
    }

    /// The cases `incidents bench` measures, chosen from the data.
    pub fn bench_probes(&self) -> Result<BenchProbes> {
        let busiest_regulator = self.conn.query_row(
            "SELECT coalesce(r.short_name, r.name) FROM events e JOIN regulators r ON r.id = e.regulator_id
             GROUP BY e.regulator_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |x| x.get(0),
        )?;
        let company_word = self.conn.query_row(
            "SELECT substr(company_name, -5), count(*) FROM incidents GROUP BY company_id ORDER BY count(*) DESC LIMIT 1 OFFSET 20",
            [],
            |x| Ok((x.get(0)?, x.get(1)?)),
        )?;
        let largest_company = self.conn.query_row(
            "SELECT company_name, count(*) FROM incidents WHERE deleted_at IS NULL GROUP BY company_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |x| Ok((x.get(0)?, x.get(1)?)),
        )?;
        Ok(BenchProbes {
            rows: self.incident_rows()?,
            busiest_regulator,
            company_word,
            largest_company,
        })
    }

    /// Lets SQLite refresh its statistics after a large write (`PRAGMA optimize`).
    pub fn optimize(&self) -> Result<()> {
        let mut statement = self.conn.prepare("PRAGMA optimize")?;
        let mut rows = statement.query([])?;
        while rows.next()?.is_some() {}
        Ok(())
    }
}

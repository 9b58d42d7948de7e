//! Realistic, deterministic test data at any size: company sizes follow a power
//! law, names mix English, Korean and Chinese, every regulator appears, dates
//! have all three precisions, and fines come in several currencies. The same
//! seed always gives the same database.

use crate::error::{Error, Result};
use crate::model::{EventInput, EventKind, IncidentInput, SourceInput, Status};
use crate::money::{self, AmountText};
use crate::store::incidents::{index_incidents, insert_incident_with, Indexing};
use crate::store::Store;
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

/// What `generate` wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Generated {
    pub incidents: usize,
    pub events: usize,
    pub companies: usize,
}

/// The most incidents one `generate` makes (ten times the benchmark's million).
pub const MAX_GENERATED: usize = 10_000_000;

/// The steps of enforcement after the start, in the order they happen.
const KINDS_IN_ORDER: [EventKind; 10] = [
    EventKind::Discovered,
    EventKind::Disclosed,
    EventKind::ReportedToRegulator,
    EventKind::InvestigationOpened,
    EventKind::FindingsPublished,
    EventKind::ProposedFine,
    EventKind::Fined,
    EventKind::Appealed,
    EventKind::Settled,
    EventKind::Closed,
];

/// A regulator as the generator uses it: `#id` (the name rule's exact form)
/// and its country.
struct GenRegulator {
    reference: String,
    country: String,
}

/// A generated company: its name and its home regulator (an index).
struct GenCompany {
    name: String,
    home: usize,
}

/// The generator's state: the random stream and what it picks from.
struct Generator {
    rng: Rng,
    regulators: Vec<GenRegulator>,
    companies: Vec<GenCompany>,
}

impl Generator {
    fn new(store: &Store, n: usize, seed: u64) -> Result<Generator> {
        let mut stmt = store
            .conn
            .prepare("SELECT id, country FROM regulators ORDER BY id")?;
        let regulators = stmt
            .query_map([], |r| {
                Ok(GenRegulator {
                    reference: format!("#{}", r.get::<_, i64>(0)?),
                    country: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut g = Generator {
            rng: Rng(seed ^ 0x5EED),
            regulators,
            companies: Vec::new(),
        };
        g.companies = (0..(n / 8).max(10)).map(|i| g.company(i)).collect();
        Ok(g)
    }

    /// A name in one of three scripts, numbered so that every name is one
    /// company, and a home regulator.
    fn company(&mut self, i: usize) -> GenCompany {
        let rng = &mut self.rng;
        let base = match rng.below(3) {
            0 => format!("{} {}", rng.pick(EN_STEMS), rng.pick(EN_TRADES)),
            1 => format!("{}{}", rng.pick(KO_STEMS), rng.pick(KO_TRADES)),
            _ => format!("{}{}", rng.pick(ZH_STEMS), rng.pick(ZH_TRADES)),
        };
        GenCompany {
            name: format!("{base} {:05}", i + 1),
            home: rng.below(self.regulators.len()),
        }
    }

    /// Incident `k` of the run, as an analyst would enter it.
    fn incident(&mut self, k: usize) -> IncidentInput {
        // Power law: a few companies have hundreds of incidents.
        let count = self.companies.len();
        let c = ((count as f64) * self.rng.unit().powf(1.55)) as usize % count;
        let (company, home) = (self.companies[c].name.clone(), self.companies[c].home);
        let title = (*self.rng.pick(TITLES)).to_string();
        let summary = format!("{title} reported at {company}.");
        let records = self
            .rng
            .chance(0.6)
            .then(|| self.rng.log_between(100.0, 1e10));
        let users = self
            .rng
            .chance(0.6)
            .then(|| self.rng.log_between(10.0, 5e8));
        let events = self.events(home);
        let status = status_after(events.last().map(|e| e.kind.as_str()));
        let first = events.iter().map(|e| e.date.clone()).min();
        IncidentInput {
            company,
            title,
            summary: Some(summary),
            country: Some(self.regulators[home].country.clone()),
            status: Some(status.as_str().to_string()),
            records_affected: records,
            users_affected: users,
            events,
            sources: vec![SourceInput {
                url: format!("https://news.example/incidents/{}", k + 1),
                publisher: Some("Example News".into()),
                published: first,
                language: Some("en".into()),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    /// A start, then steps of enforcement in order, none after the last day.
    fn events(&mut self, home: usize) -> Vec<EventInput> {
        let count = 1 + self.rng.below(8);
        let mut kinds = vec![EventKind::Started];
        for kind in KINDS_IN_ORDER {
            if kinds.len() >= count {
                break;
            }
            if self.rng.chance(0.6) {
                kinds.push(kind);
            }
        }
        let last_day = chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap_or_default();
        let mut day = chrono::NaiveDate::from_ymd_opt(2008 + self.rng.below(17) as i32, 1, 1)
            .unwrap_or_default()
            + chrono::Duration::days(self.rng.below(365) as i64);
        let mut events = Vec::new();
        for kind in kinds {
            day += chrono::Duration::days(1 + self.rng.below(240) as i64);
            if day > last_day && !events.is_empty() {
                break;
            }
            day = day.min(last_day);
            events.push(self.event(kind, day, home));
        }
        events
    }

    /// One event on `day`: a date at one of three precisions, the acting
    /// regulator (mostly the home one, sometimes any other) and a fine.
    fn event(&mut self, kind: EventKind, day: chrono::NaiveDate, home: usize) -> EventInput {
        let date = match self.rng.below(20) {
            0..=2 => day.format("%Y").to_string(),
            3..=6 => day.format("%Y-%m").to_string(),
            _ => day.format("%Y-%m-%d").to_string(),
        };
        use crate::model::EventKind::*;
        let acting = matches!(
            kind,
            InvestigationOpened | FindingsPublished | ProposedFine | Fined | Settled
        );
        let regulator = acting.then(|| {
            if self.rng.chance(0.8) {
                home
            } else {
                self.rng.below(self.regulators.len())
            }
        });
        let fine = matches!(kind, ProposedFine | Fined | Settled).then(|| {
            let country = &self.regulators[regulator.unwrap_or(home)].country;
            let code = money::currency_of_country(country).unwrap_or("EUR");
            let exp = money::currency_exponent(code).unwrap_or(2);
            (self.rng.log_between(1e4, 1e9) * 10_i64.pow(exp), code, exp)
        });
        let note = self
            .rng
            .chance(0.3)
            .then(|| self.rng.pick(NOTES).to_string());
        EventInput {
            kind: kind.as_str().to_string(),
            date,
            regulator: regulator.map(|r| self.regulators[r].reference.clone()),
            amount: fine.map(|(minor, _, exp)| AmountText(major_units(minor, exp))),
            currency: fine.map(|(_, code, _)| code.to_string()),
            note,
            ..Default::default()
        }
    }
}

/// The status an incident has after its last event.
fn status_after(kind: Option<&str>) -> Status {
    match kind {
        Some("investigation_opened") => Status::UnderInvestigation,
        Some("findings_published") => Status::FindingsPublished,
        Some("proposed_fine" | "fined") => Status::Sanctioned,
        Some("appealed") => Status::Appealed,
        Some("settled") => Status::Settled,
        Some("closed") => Status::Closed,
        _ => Status::Reported,
    }
}

/// Minor units as the decimal text an analyst types: 12345 with 2 decimals is "123.45".
fn major_units(minor: i64, exponent: u32) -> String {
    if exponent == 0 {
        return minor.to_string();
    }
    let scale = 10_i64.pow(exponent);
    format!(
        "{}.{:0width$}",
        minor / scale,
        minor % scale,
        width = exponent as usize
    )
}

impl Store {
    /// Adds `n` generated incidents through the one writer of incidents (the
    /// same validation and derived columns as the editor and the import), in
    /// transactions of 50,000; `progress` is told how many are done.
    pub fn generate(
        &mut self,
        n: usize,
        seed: u64,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Generated> {
        if n == 0 || n > MAX_GENERATED {
            return Err(Error::invalid(
                "incidents",
                crate::msg!(
                    "error.generate_count",
                    "generate between 1 and {max} incidents at a time; {n} was asked",
                    max = MAX_GENERATED,
                    n = n
                ),
            ));
        }
        let mut generator = Generator::new(self, n, seed)?;
        let mut done = Generated {
            incidents: 0,
            events: 0,
            companies: generator.companies.len(),
        };
        while done.incidents < n {
            let batch_end = (done.incidents + 50_000).min(n);
            self.with_tx(|tx| {
                let mut new = None;
                for k in done.incidents..batch_end {
                    let valid = generator.incident(k).validate()?;
                    let id = insert_incident_with(tx, &valid, "generator", Indexing::Later)?;
                    new = Some((new.map_or(id, |(first, _)| first), id));
                    done.events += valid.events.len();
                }
                match new {
                    Some((first, last)) => index_incidents(tx, first, last),
                    None => Ok(()),
                }
            })?;
            done.incidents = batch_end;
            progress(done.incidents);
        }
        self.optimize()?;
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

    /// Refreshes SQLite's statistics after a large write, so that the
    /// planner knows, say, that a regulator's incidents are fewer than those
    /// of a status: a filtered page then starts from the smaller set. Sampled
    /// (`analysis_limit`), so it takes milliseconds even at a million rows.
    pub fn optimize(&self) -> Result<()> {
        self.conn.pragma_update(None, "analysis_limit", 1000)?;
        self.conn.execute("ANALYZE", [])?;
        Ok(())
    }
}

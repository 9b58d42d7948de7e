//! `incidents train-extractor`: learns the extractor's event model from
//! labelled reports, and measures it honestly: with `--by-set`, each folder
//! in turn is left out of the training and scored, rules alone against rules
//! with the model.

use crate::cli_text;
use incidents_core::extract::learned::{self, EventModel, Example, Table};
use incidents_core::extract::{self, ExtractedEvent};
use incidents_core::model::EventKind;
use incidents_core::Error;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How far a weight learned anew may lie from the shipped one (`--compare`):
/// above the rounding of the files, far below any weight that matters.
const SAME_WEIGHT: f32 = 0.002;

#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Folders of labelled reports (NN-slug.txt with NN-slug.json), one
    /// folder a set
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// Write the model learned from all folders to this file
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Fail unless the model learned from all folders equals the one in this
    /// file, weight by weight (to within 0.002)
    #[arg(long, value_name = "FILE")]
    compare: Option<PathBuf>,
    /// Leave each folder out in turn, learn from the others, and report on
    /// it, without and with the model: dates F1 and the share of right kinds
    #[arg(long)]
    by_set: bool,
    /// With --by-set: fail unless, pooled over all left-out sets, the model
    /// gives both a higher dates F1 and more right kinds than the rules alone
    #[arg(long, requires = "by_set")]
    require_gain: bool,
}

/// One labelled report as the rules read it.
struct Article {
    body: String,
    events: Vec<ExtractedEvent>,
    fined: bool,
    /// The labelled dates and their kinds.
    dates: HashMap<String, Option<EventKind>>,
}

pub fn run(args: &TrainArgs) -> Result<(), Error> {
    let sets: Vec<(String, Vec<Article>)> = args
        .dirs
        .iter()
        .map(|d| Ok((d.display().to_string(), load_set(d)?)))
        .collect::<Result<_, Error>>()?;
    if args.by_set {
        let (rules, with_model) = leave_each_set_out(&sets)?;
        if args.require_gain && !with_model.beats(&rules) {
            return Err(failed(format!(
                "the model does not beat the rules on the left-out sets: rules {}, with the model {}",
                rules.show(),
                with_model.show()
            )));
        }
    }
    let all: Vec<&Article> = sets.iter().flat_map(|(_, a)| a).collect();
    let text = learn(&all).table().to_text("The event model");
    if let Some(path) = &args.compare {
        compare(path, &text)?;
        outln!(
            "the model learned from {} reports equals {}",
            all.len(),
            path.display()
        );
    }
    if let Some(path) = &args.out {
        std::fs::write(path, text)?;
        outln!(
            "model learned from {} reports written to {}",
            all.len(),
            path.display()
        );
    }
    Ok(())
}

fn failed(message: String) -> Error {
    Error::invalid("train-extractor", cli_text(message))
}

/// Fails unless the table in `path` holds the same features as `fresh`,
/// each weight within [`SAME_WEIGHT`] (a feature missing from one side
/// weighs 0 there).
fn compare(path: &Path, fresh: &str) -> Result<(), Error> {
    let shipped =
        std::fs::read_to_string(path).map_err(|e| failed(format!("{}: {e}", path.display())))?;
    let [old, new] = [shipped.as_str(), fresh].map(Table::parse);
    let (old, new) = (old.map_err(failed)?, new.map_err(failed)?);
    if let Some(differs) = old.first_difference(&new, SAME_WEIGHT) {
        return Err(failed(format!(
            "{} is not what the rules now give ({differs}): run ./dev train",
            path.display()
        )));
    }
    Ok(())
}

fn load_set(dir: &Path) -> Result<Vec<Article>, Error> {
    let mut out = Vec::new();
    for path in crate::fixture_paths(dir)? {
        let label_path = path.with_extension("json");
        let Ok(label) = std::fs::read_to_string(&label_path) else {
            continue;
        };
        let label: serde_json::Value = serde_json::from_str(&label)
            .map_err(|e| failed(format!("{}: {e}", label_path.display())))?;
        let (body, mut ctx) = crate::read_fixture(&path)?;
        ctx.rules_only = true;
        let draft = extract::extract(&body, &ctx);
        out.push(Article {
            body,
            events: draft.events,
            fined: draft.fine.is_some(),
            dates: labelled_dates(&label),
        });
    }
    if out.is_empty() {
        return Err(failed(format!("no labelled reports in {}", dir.display())));
    }
    Ok(out)
}

fn labelled_dates(label: &serde_json::Value) -> HashMap<String, Option<EventKind>> {
    label["dates"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| {
            let date = d["date"].as_str()?.to_string();
            let kind = d["kind"]
                .as_str()
                .and_then(|k| EventKind::parse("kind", k).ok());
            Some((date, kind))
        })
        .collect()
}

fn learn(articles: &[&Article]) -> EventModel {
    let events: Vec<Example> = articles
        .iter()
        .flat_map(|a| {
            a.events.iter().map(|e| Example {
                features: learned::event_features(&a.body, e),
                keep: a.dates.contains_key(&e.date),
                kind: a.dates.get(&e.date).copied().flatten(),
            })
        })
        .collect();
    learned::train_events(&events)
}

/// Dates F1 and right kinds (of the matched dates) over some reports.
#[derive(Default, Clone, Copy)]
struct Tally {
    f1_sum: f64,
    reports: usize,
    right_kinds: usize,
    matched: usize,
}

impl Tally {
    /// Counts as the shared scorer does: an article's dates are a set, so two
    /// events on one day are one date found.
    fn add(&mut self, a: &Article, events: &[ExtractedEvent]) {
        let have: HashSet<&str> = events.iter().map(|e| e.date.as_str()).collect();
        let hit = have.iter().filter(|d| a.dates.contains_key(**d)).count();
        let (have, want) = (have.len(), a.dates.len());
        self.f1_sum += if have == 0 && want == 0 {
            1.0
        } else if hit == 0 {
            0.0
        } else {
            2.0 * hit as f64 / (have + want) as f64
        };
        self.reports += 1;
        self.matched += hit;
        self.right_kinds += events
            .iter()
            .filter(|e| a.dates.get(&e.date) == Some(&Some(e.kind)))
            .count();
    }

    fn merge(&mut self, other: &Tally) {
        self.f1_sum += other.f1_sum;
        self.reports += other.reports;
        self.matched += other.matched;
        self.right_kinds += other.right_kinds;
    }

    fn mean_f1(&self) -> f64 {
        self.f1_sum / self.reports.max(1) as f64
    }

    fn kinds_share(&self) -> f64 {
        self.right_kinds as f64 / self.matched.max(1) as f64
    }

    fn beats(&self, rules: &Tally) -> bool {
        self.mean_f1() > rules.mean_f1() && self.kinds_share() > rules.kinds_share()
    }

    fn show(&self) -> String {
        format!(
            "dates F1 {:.3}, kinds {:.1}% of {}",
            self.mean_f1(),
            100.0 * self.kinds_share(),
            self.matched
        )
    }
}

/// The rules' and the model's tallies over all sets, each set scored by a
/// model learned without it and read back from its text, as shipped.
fn leave_each_set_out(sets: &[(String, Vec<Article>)]) -> Result<(Tally, Tally), Error> {
    let (mut rules_all, mut model_all) = (Tally::default(), Tally::default());
    for (i, (name, held)) in sets.iter().enumerate() {
        let others: Vec<&Article> = sets
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .flat_map(|(_, (_, a))| a)
            .collect();
        let model = as_shipped(&learn(&others)).map_err(failed)?;
        let (rules, with_model) = score(&model, held);
        outln!(
            "{name}: rules {} | with the model {}",
            rules.show(),
            with_model.show()
        );
        rules_all.merge(&rules);
        model_all.merge(&with_model);
    }
    outln!(
        "all sets: rules {} | with the model {}",
        rules_all.show(),
        model_all.show()
    );
    Ok((rules_all, model_all))
}

/// The model as its file gives it back (weights rounded, near-zero rows
/// left out).
fn as_shipped(model: &EventModel) -> Result<EventModel, String> {
    Table::parse(&model.table().to_text("The event model")).and_then(EventModel::new)
}

fn score(model: &EventModel, held: &[Article]) -> (Tally, Tally) {
    let (mut rules, mut with_model) = (Tally::default(), Tally::default());
    for a in held {
        rules.add(a, &a.events);
        let mut revised = a.events.clone();
        model.revise(&a.body, &mut revised, a.fined);
        with_model.add(a, &revised);
    }
    (rules, with_model)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(date: &str, kind: EventKind) -> ExtractedEvent {
        ExtractedEvent {
            date: date.into(),
            precision: "day",
            kind,
            evidence: String::new(),
            start: 0,
            end: 0,
            confidence: 1.0,
        }
    }

    #[test]
    fn two_events_on_a_labelled_day_are_one_date_found() {
        let a = Article {
            body: String::new(),
            events: vec![],
            fined: true,
            dates: HashMap::from([
                ("2024-03-01".to_string(), Some(EventKind::Fined)),
                ("2023-11-20".to_string(), Some(EventKind::Started)),
            ]),
        };
        let mut t = Tally::default();
        t.add(
            &a,
            &[
                event("2024-03-01", EventKind::Fined),
                event("2024-03-01", EventKind::Disclosed),
            ],
        );
        // One of two labelled dates found, nothing else proposed: 2·1/(1+2).
        assert!((t.mean_f1() - 2.0 / 3.0).abs() < 1e-9, "{}", t.mean_f1());
        assert_eq!((t.matched, t.right_kinds), (1, 1));
    }
}

//! `incidents train-extractor`: learns the extractor's event model from
//! labelled reports, and measures it honestly: with `--by-set`, each folder
//! in turn is left out of the training and scored, rules alone against rules
//! with the model.

use crate::cli_text;
use incidents_core::extract::learned::{self, EventModel, Example};
use incidents_core::extract::{self, ExtractedEvent};
use incidents_core::model::EventKind;
use incidents_core::Error;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Folders of labelled reports (NN-slug.txt with NN-slug.json), one
    /// folder a set
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// Write the model learned from all folders to this file
    #[arg(long)]
    out: Option<PathBuf>,
    /// Leave each folder out in turn, learn from the others, and report the
    /// dates F1 and the share of right kinds on it, without and with the model
    #[arg(long)]
    by_set: bool,
    /// With --by-set: fail unless the model, over all left-out sets, gets
    /// both a higher dates F1 and more right kinds than the rules alone
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
            return Err(Error::invalid(
                "by-set",
                cli_text(format!(
                    "the model does not beat the rules on the left-out sets: rules {}, with the model {}",
                    rules.show(),
                    with_model.show()
                )),
            ));
        }
    }
    if let Some(out) = &args.out {
        let all: Vec<&Article> = sets.iter().flat_map(|(_, a)| a).collect();
        let model = learned::train(&examples(&all));
        std::fs::write(out, model.to_text())?;
        outln!(
            "model learned from {} reports written to {}",
            all.len(),
            out.display()
        );
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
        let label: serde_json::Value = serde_json::from_str(&label).map_err(|e| {
            Error::invalid("label", cli_text(format!("{}: {e}", label_path.display())))
        })?;
        let (body, mut ctx) = crate::read_fixture(&path)?;
        ctx.rules_only = true;
        let draft = extract::extract(&body, &ctx);
        let dates = label["dates"]
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
            .collect();
        out.push(Article {
            body,
            events: draft.events,
            fined: draft.fine.is_some(),
            dates,
        });
    }
    if out.is_empty() {
        return Err(Error::invalid(
            "dirs",
            cli_text(format!("no labelled reports in {}", dir.display())),
        ));
    }
    Ok(out)
}

fn examples(articles: &[&Article]) -> Vec<Example> {
    articles
        .iter()
        .flat_map(|a| {
            a.events.iter().map(|e| Example {
                features: learned::event_features(&a.body, e),
                keep: a.dates.contains_key(&e.date),
                kind: a.dates.get(&e.date).copied().flatten(),
            })
        })
        .collect()
}

/// Dates F1 and right kinds (of the matched dates) over some reports.
#[derive(Default, Clone, Copy)]
struct Tally {
    f1: f64,
    reports: usize,
    right_kinds: usize,
    matched: usize,
}

impl Tally {
    fn add(&mut self, a: &Article, events: &[ExtractedEvent]) {
        let hit = events
            .iter()
            .filter(|e| a.dates.contains_key(&e.date))
            .count();
        let (have, want) = (events.len(), a.dates.len());
        self.f1 += if have == 0 && want == 0 {
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

    fn mean_f1(&self) -> f64 {
        self.f1 / self.reports.max(1) as f64
    }

    fn kinds_share(&self) -> f64 {
        self.right_kinds as f64 / self.matched.max(1) as f64
    }

    fn beats(&self, other: &Tally) -> bool {
        self.mean_f1() > other.mean_f1() && self.kinds_share() > other.kinds_share()
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
/// model learned without it.
fn leave_each_set_out(sets: &[(String, Vec<Article>)]) -> Result<(Tally, Tally), Error> {
    let (mut rules_all, mut model_all) = (Tally::default(), Tally::default());
    for (i, (name, held)) in sets.iter().enumerate() {
        let others: Vec<&Article> = sets
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .flat_map(|(_, (_, a))| a)
            .collect();
        let model = learned::train(&examples(&others));
        let (rules, with_model) = score(&model, held);
        outln!(
            "{name}: rules {} | with the model {}",
            rules.show(),
            with_model.show()
        );
        for (all, one) in [(&mut rules_all, rules), (&mut model_all, with_model)] {
            all.f1 += one.f1;
            all.reports += one.reports;
            all.matched += one.matched;
            all.right_kinds += one.right_kinds;
        }
    }
    outln!(
        "all sets: rules {} | with the model {}",
        rules_all.show(),
        model_all.show()
    );
    Ok((rules_all, model_all))
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

//! `incidents train-extractor`: learns the event model from labelled report
//! folders, measures it with each folder left out, and refuses a folder with
//! nothing labelled.

mod common;

use common::*;
use incidents_core::extract::learned;
use std::path::Path;

/// Writes one labelled report: the text file the scorer reads and its labels.
fn report(dir: &Path, slug: &str, text: &str, dates: &str) {
    let body = format!("URL: https://news.example/{slug}\nPUBLISHED: 2024-06-10\n{text}\n");
    std::fs::write(dir.join(format!("{slug}.txt")), body).expect("write the report");
    let label = format!(r#"{{"company": "Acme", "dates": [{dates}]}}"#);
    std::fs::write(dir.join(format!("{slug}.json")), label).expect("write its labels");
}

fn two_sets(root: &Path) -> [std::path::PathBuf; 2] {
    let sets = [root.join("one"), root.join("two")];
    for (n, set) in sets.iter().enumerate() {
        std::fs::create_dir(set).expect("make the set folder");
        report(
            set,
            &format!("{n}-fine"),
            "Acme fined over leak\nThe regulator fined Acme on 3 June 2024 after a leak that began on 2 January 2024. Acme, founded in 1990, sells tools.",
            r#"{"date": "2024-06-03", "kind": "fined"}, {"date": "2024-01-02", "kind": "started"}"#,
        );
    }
    sets
}

#[test]
fn writes_a_model_the_extractor_can_read_and_reports_each_set_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let [one, two] = two_sets(dir.path());
    let out = dir.path().join("events.model");
    let db = dir.path().join("unused.db");
    let run = incidents(
        &db,
        &[
            "train-extractor",
            "--by-set",
            "--out",
            out.to_str().unwrap(),
            one.to_str().unwrap(),
            two.to_str().unwrap(),
        ],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let printed = String::from_utf8_lossy(&run.stdout);
    assert!(printed.contains("one: rules dates F1"), "{printed}");
    assert!(printed.contains("all sets: rules dates F1"), "{printed}");
    let model = std::fs::read_to_string(&out).unwrap();
    let table = learned::Table::parse(&model).expect("the written model reads back");
    let model = learned::EventModel::new(table).expect("an event model");
    let rows = model.table().to_text("t").lines().count();
    assert!(rows > 10, "{rows} rows");
    assert!(!db.exists(), "training needs no database");
    // Learning again gives the same weights; a changed weight is caught.
    let args = [
        "train-extractor",
        "--compare",
        out.to_str().unwrap(),
        one.to_str().unwrap(),
        two.to_str().unwrap(),
    ];
    let again = incidents(&db, &args);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("b:fined\t"))
        .expect("a weight for 'fined' before a date");
    let mut cells: Vec<&str> = line.split('\t').collect();
    cells[1] = "9.5";
    std::fs::write(&out, text.replace(line, &cells.join("\t"))).unwrap();
    let changed = incidents(&db, &args);
    assert_eq!(changed.status.code(), Some(2));
    let err = String::from_utf8_lossy(&changed.stderr);
    assert!(
        err.contains("b:fined") && err.contains("./dev train"),
        "{err}"
    );
}

#[test]
fn a_folder_without_labels_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("bare");
    std::fs::create_dir(&bare).unwrap();
    std::fs::write(
        bare.join("00-x.txt"),
        "URL: https://n.example/x\nPUBLISHED: unknown\nText.\n",
    )
    .unwrap();
    let run = incidents(
        &dir.path().join("unused.db"),
        &["train-extractor", bare.to_str().unwrap()],
    );
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("no labelled reports") && err.contains("bare"),
        "{err}"
    );
}

/// The dates `incidents extract` proposes for one of our fixture reports.
fn dates_of(fixture: &str, rules_only: bool) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let text = std::fs::read_to_string(root.join(fixture)).expect("the fixture report");
    let body: String = text.lines().skip(2).collect::<Vec<_>>().join("\n");
    let file = dir.path().join("article.txt");
    std::fs::write(&file, body).expect("write the article");
    let mut args = vec![
        "extract",
        "--published",
        "2022-12-20",
        file.to_str().expect("a UTF-8 path"),
    ];
    if rules_only {
        args.push("--rules-only");
    }
    let run = incidents(&dir.path().join("unused.db"), &args);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let draft: serde_json::Value = serde_json::from_slice(&run.stdout).expect("a JSON draft");
    draft["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["date"].as_str().map(String::from))
        .collect()
}

#[test]
fn rules_only_shows_the_dates_the_model_drops() {
    // "Under the GDPR, which has applied since May 2018": the law's year is
    // no event of the census case; the rules keep it, the model drops it.
    let report = "news-team25/w0-theportugalnews-ine-cnpd-en.txt";
    let by_rules = dates_of(report, true);
    let with_model = dates_of(report, false);
    assert!(by_rules.contains(&"2018-05".to_string()), "{by_rules:?}");
    assert!(
        !with_model.contains(&"2018-05".to_string()),
        "{with_model:?}"
    );
    assert!(
        with_model.contains(&"2022-12-19".to_string()),
        "{with_model:?}"
    );
}

//! The Company and Regulator views in the real window.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_core::model::EventInput;
use incidents_core::money::AmountText;
use incidents_core::{IncidentInput, Store};
use incidents_e2e::{screenshot_dir, App, ENTER};
use serde_json::Value;

/// How many events the drawn markers stand for (a cluster stands for several).
fn events_drawn(app: &App) -> i64 {
    app.execute(
        "return [...document.querySelectorAll('#timeline-svg .tl-marker')]
            .reduce((n, m) => n + Number(m.dataset.count), 0);",
        vec![],
    )
    .as_i64()
    .unwrap()
}

fn open_company_from_list(app: &App, company: &str) {
    let link = app.wait("the company link", 10, |app| {
        app.find_all(".company-link")
            .into_iter()
            .find(|l| app.text(l) == company)
    });
    app.click(&link);
    app.wait("the company heading", 10, |app| {
        app.find_all("#history-heading")
            .first()
            .map(|h| app.text(h))
            .filter(|t| t == company)
    });
}

#[test]
fn kakao_pay_timeline_shows_each_event_and_opens_the_incident() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kakao.db");
    let app = App::start(&db);
    open_company_from_list(&app, "Kakao Pay");
    app.find("#timeline-svg");
    // Five events, none merged at this scale: one marker each.
    assert_eq!(events_drawn(&app), 5);
    assert_eq!(app.find_all("#timeline-svg .tl-marker").len(), 5);
    // Month-precision events are drawn as bars, day events as points.
    assert_eq!(app.find_all("#timeline-svg .tl-marker.bar").len(), 3);
    let summary = app.text(&app.find("#summary"));
    assert!(summary.contains("54,200,000,000"), "{summary}");
    assert!(summary.contains("40,000,000"), "{summary}");
    assert!(summary.contains("KRW 5,968,000,000"), "{summary}");
    let label = app.text(&app.find("#timeline-svg .tl-label"));
    assert_eq!(label, "KRW 5.97bn");

    // Keyboard focus on the findings marker shows its details.
    let marker = app
        .find_all("#timeline-svg .tl-marker")
        .into_iter()
        .find(|m| {
            app.attribute(m, "aria-label")
                .is_some_and(|l| l.starts_with("2024-08-13"))
        })
        .expect("a marker for 2024-08-13");
    app.focus(&marker);
    let tip = app.wait("the tooltip", 5, |app| {
        let t = app.find("#tl-tooltip");
        let hidden = app.property(&t, "hidden");
        (hidden == Value::Bool(false)).then(|| app.text(&t))
    });
    assert!(tip.contains("2024-08-13 · Findings published"), "{tip}");
    assert!(tip.contains("Financial Supervisory Service (FSS)"), "{tip}");
    assert!(tip.contains("Customer data passed to Alipay"), "{tip}");
    // Hovering shows the same details; the screenshot keeps the hover.
    app.hover(&app.find("#timeline-svg .tl-marker[aria-label^='2024-08-13'] > *"));
    app.screenshot(&screenshot_dir().join("timeline-kakao-pay.png"));

    // Enter on the marker opens its incident in the editor.
    app.type_into(&marker, ENTER);
    let company = app.find("#incident-form [data-field='company']");
    assert_eq!(app.property(&company, "value"), "Kakao Pay");
}

fn busy_company(db: &std::path::Path) -> usize {
    let mut store = Store::open(db).unwrap();
    let kinds = [
        "started",
        "discovered",
        "disclosed",
        "investigation_opened",
        "findings_published",
        "proposed_fine",
        "fined",
        "appealed",
    ];
    let regulators = ["PIPC", "FSS", "KCC", "DPC", "FTC", "CNIL"];
    let mut total = 0;
    for i in 0..12 {
        let events: Vec<EventInput> = (0..6)
            .map(|j| {
                let n = i * 6 + j;
                let kind = kinds[n % kinds.len()];
                // Dates bunch up in 2021–2024, several on the same days.
                let date = match n % 5 {
                    0 => format!("{}", 2021 + n % 4),
                    1 => format!("{}-{:02}", 2021 + n % 4, 1 + n % 12),
                    _ => format!("{}-{:02}-{:02}", 2021 + n % 4, 1 + (n * 7) % 12, 1 + n % 27),
                };
                let money = matches!(kind, "fined" | "proposed_fine");
                EventInput {
                    kind: kind.into(),
                    date,
                    regulator: Some(regulators[n % regulators.len()].into()),
                    amount: money.then(|| AmountText(format!("{}", (n + 1) * 150_000_000))),
                    currency: money.then(|| "KRW".into()),
                    ..Default::default()
                }
            })
            .collect();
        total += events.len();
        store
            .create_incident(
                &IncidentInput {
                    company: "한빛 Holdings 韩光控股".into(),
                    title: format!("사건 {i}: customer records exposed (事件 {i})"),
                    events,
                    ..Default::default()
                },
                "test",
            )
            .unwrap();
    }
    total
}

#[test]
fn sixty_events_stay_readable_and_zoom_narrows_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.db");
    let total = busy_company(&db) as i64;
    assert!(total >= 60);
    let app = App::start(&db);
    open_company_from_list(&app, "한빛 Holdings 韩光控股");
    app.find("#timeline-svg");
    assert_eq!(
        events_drawn(&app),
        total,
        "every event is drawn, alone or in a cluster"
    );
    assert_eq!(app.find_all("#timeline-svg .tl-lane-label").len(), 12);

    // No two visible labels overlap.
    let overlaps = app.execute(
        "const boxes = [...document.querySelectorAll('#timeline-svg .tl-label')].map(t => t.getBBox());
         let n = 0;
         for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
           const a = boxes[i], b = boxes[j];
           if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) n++;
         }
         return [boxes.length, n];",
        vec![],
    );
    assert!(
        overlaps[0].as_i64().unwrap() > 0,
        "some amounts are labelled"
    );
    assert_eq!(overlaps[1], 0, "overlapping labels");
    app.screenshot(&screenshot_dir().join("timeline-busy-company.png"));

    // Zoom to 2022: fewer events, all inside the year.
    app.type_into(&app.find("#zoom-from"), "2022");
    app.type_into(&app.find("#zoom-to"), "2022");
    app.click(&app.find("#zoom-apply"));
    let status = app.wait("the zoom status", 5, |app| {
        let t = app.text(&app.find("#zoom-status"));
        t.contains("in range").then_some(t)
    });
    let shown = events_drawn(&app);
    assert!(shown > 0 && shown < total, "{status}");
    assert!(
        status.starts_with(&format!("{shown} of {total}")),
        "{status}"
    );
    app.screenshot(&screenshot_dir().join("timeline-busy-company-2022.png"));
    app.click(&app.find("#zoom-reset"));
    assert_eq!(events_drawn(&app), total);
}

#[test]
fn a_regulator_opens_from_the_list_with_its_actions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("regulator.db");
    let app = App::start(&db);
    let link = app.wait("the PIPC link", 10, |app| {
        app.find_all(".regulator-link")
            .into_iter()
            .find(|l| app.text(l) == "PIPC")
    });
    app.click(&link);
    let heading = app.text(&app.find("#history-heading"));
    assert!(heading.starts_with("PIPC"), "{heading}");
    app.find("#timeline-svg");
    // Kakao Pay's fine and SK Telecom's three actions.
    assert_eq!(events_drawn(&app), 4);
    let summary = app.text(&app.find("#summary"));
    assert!(summary.contains("SK Telecom"), "{summary}");
    assert!(summary.contains("Kakao Pay"), "{summary}");
    assert_eq!(app.find_all("#history-incidents tbody tr").len(), 2);
    app.screenshot(&screenshot_dir().join("regulator-pipc.png"));
}

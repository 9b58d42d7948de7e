//! The interface in Korean and in Chinese: chosen in Settings, or taken from
//! the system locale on a first start, and kept for the next start. Each
//! language is checked where an analyst reads it: the list's headings, a
//! status badge, an error of the editor (sent by the Rust side as a key) and
//! the timeline's legend; screenshots of each are kept in `shots/`.

// A test that cannot go on should stop loudly; helpers here unwrap like tests do.
#![allow(clippy::unwrap_used)]

use incidents_e2e::{screenshot_dir, App};

/// What one language must say on screen.
struct Expected {
    code: &'static str,
    company_heading: &'static str,
    sanctioned: &'static str,
    negative: &'static str,
    legend_bars: &'static str,
    fine_label: &'static str,
}

const KOREAN: Expected = Expected {
    code: "ko",
    company_heading: "회사",
    sanctioned: "제재",
    negative: "음수일 수 없습니다",
    legend_bars: "막대",
    fine_label: "억",
};

const CHINESE: Expected = Expected {
    code: "zh",
    company_heading: "公司",
    sanctioned: "处罚",
    negative: "不能为负数",
    legend_bars: "条",
    fine_label: "亿",
};

fn choose_language(app: &App, code: &str) {
    app.click(&app.find("#nav-settings"));
    app.select_value(&app.find("#settings-language"), code);
    let lang = if code == "zh" { "zh-CN" } else { code };
    app.wait("the page's language", 10, |app| {
        (app.execute("return document.documentElement.lang", vec![]) == lang).then_some(())
    });
}

fn headings(app: &App) -> Vec<String> {
    app.find("#incident-table tbody tr[data-id]");
    app.find_all("#incident-table thead th")
        .iter()
        .map(|h| app.text(h))
        .collect()
}

fn check_list(app: &App, want: &Expected) {
    app.click(&app.find("#nav-list"));
    let heads = headings(app);
    assert!(
        heads.iter().any(|h| h.contains(want.company_heading)),
        "{}: {heads:?}",
        want.code
    );
    assert!(
        heads.iter().all(|h| !h.contains("Company")),
        "{}: English left in {heads:?}",
        want.code
    );
    let badges: Vec<String> = app
        .find_all(".status.status-sanctioned")
        .iter()
        .map(|b| app.text(b))
        .collect();
    assert!(
        !badges.is_empty(),
        "the sample data has a sanctioned incident"
    );
    assert!(
        badges.iter().all(|b| b.contains(want.sanctioned)),
        "{}: {badges:?}",
        want.code
    );
    app.screenshot(&screenshot_dir().join(format!("list-{}.png", want.code)));
}

fn check_editor_error(app: &App, want: &Expected) {
    app.click(&app.find("#nav-new"));
    app.type_into(&app.find("[data-field='company']"), "한빛 Analytics 韩光");
    app.type_into(
        &app.find("[data-field='title']"),
        "Loyalty database left open",
    );
    app.type_into(&app.find("[data-field='records_affected']"), "-5");
    let message = app.wait("the inline error", 10, |app| {
        let t = app.text(&app.find("#error-records_affected"));
        (!t.is_empty()).then_some(t)
    });
    assert_eq!(message, want.negative, "{}", want.code);
    app.screenshot(&screenshot_dir().join(format!("editor-error-{}.png", want.code)));
}

fn check_timeline(app: &App, want: &Expected) {
    app.click(&app.find("#nav-list"));
    let link = app.wait("the company link", 10, |app| {
        app.find_all(".company-link")
            .into_iter()
            .find(|l| app.text(l) == "Kakao Pay")
    });
    app.click(&link);
    app.find("#timeline-svg .tl-marker");
    let legend = app.text(&app.find(".tl-legend"));
    assert!(legend.contains(want.legend_bars), "{}: {legend}", want.code);
    assert!(
        !legend.contains("bars"),
        "{}: English left in {legend}",
        want.code
    );
    let label = app.text(&app.find("#timeline-svg .tl-label"));
    assert!(
        label.contains(want.fine_label),
        "{}: the fine reads {label}",
        want.code
    );
    app.screenshot(&screenshot_dir().join(format!("timeline-{}.png", want.code)));
}

#[test]
fn korean_and_chinese_are_chosen_in_settings_and_kept_for_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("languages.db");
    {
        let app = App::start_with(&db, &[("LANG", "en_US.UTF-8")]);
        headings(&app);
        for want in [&KOREAN, &CHINESE] {
            choose_language(&app, want.code);
            check_list(&app, want);
            check_editor_error(&app, want);
            check_timeline(&app, want);
        }
        let settings = dir.path().join("config").join("settings.json");
        app.wait("the timeline saved as the place", 10, |_| {
            std::fs::read_to_string(&settings)
                .ok()
                .filter(|t| t.contains("\"Kakao Pay\""))
                .map(|_| ())
        });
    }
    // The choice outlives the window, and wins over the system's English.
    // The window reopens on the view it was left on, the Kakao Pay timeline:
    // its place is written after a pause, so the restart waits for it.
    let app = App::start_with(&db, &[("LANG", "en_US.UTF-8")]);
    app.find("#timeline-svg .tl-marker");
    let legend = app.text(&app.find(".tl-legend"));
    assert!(legend.contains(CHINESE.legend_bars), "{legend}");
    app.click(&app.find("#nav-list"));
    let heads = headings(&app);
    assert!(
        heads.iter().any(|h| h.contains(CHINESE.company_heading)),
        "{heads:?}"
    );
}

#[test]
fn a_first_start_speaks_the_system_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("locale.db");
    let app = App::start_with(&db, &[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "ko_KR.UTF-8")]);
    let heads = headings(&app);
    assert!(
        heads.iter().any(|h| h.contains(KOREAN.company_heading)),
        "{heads:?}"
    );
}

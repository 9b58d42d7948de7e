//! Measures how long the app takes to show its first list page on a database
//! (for docs/PERFORMANCE.md): `measure-open DB_PATH`, under Xvfb. Prints the
//! wall time from launch to rows on screen, and the page's own time from
//! navigation start to its first rendered rows.

use incidents_e2e::App;
use std::time::Instant;

fn main() {
    let Some(db) = std::env::args_os().nth(1) else {
        eprintln!("usage: measure-open DB_PATH");
        std::process::exit(2);
    };
    let started = Instant::now();
    let app = App::start(std::path::Path::new(&db));
    let in_page = app.wait("the first rows", 60, |app| {
        let v = app.execute("return document.body.dataset.firstRowsMs || null;", vec![]);
        v.as_str().map(str::to_string)
    });
    let wall = started.elapsed();
    println!(
        "first list page: {:.0} ms from launch (WebDriver start-up included), {in_page} ms in the page",
        wall.as_secs_f64() * 1e3
    );
}

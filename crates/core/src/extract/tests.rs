use super::*;

fn ctx(published: &str) -> Context {
    Context::with_builtin_regulators(NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(), None)
}

#[test]
fn evidence_is_the_exact_substring_at_its_offsets() {
    let text = "Marriott International has been fined £18.4 million by the Information Commissioner's Office (ICO) over a breach affecting around 339 million customers.";
    let d = extract(text, &ctx("2020-10-30"));
    let fine = d.fine.as_ref().unwrap();
    assert_eq!(&text[fine.start..fine.end], fine.evidence);
    assert_eq!(fine.value.currency, "GBP");
    assert_eq!(fine.value.amount, serde_json::json!(18400000));
    let users = d.users_affected.as_ref().unwrap();
    assert_eq!(users.value, 339_000_000);
    assert_eq!(&text[users.start..users.end], users.evidence);
    assert_eq!(d.company.as_ref().unwrap().value, "Marriott International");
    assert_eq!(
        d.regulator.as_ref().unwrap().value,
        "Information Commissioner's Office (ICO)"
    );
}

//! The README's reference of the site file is the one the settings table makes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[test]
fn readme_site_reference_matches_the_settings_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let marker = "<!-- site-reference:start -->\n```toml\n";
    let start = readme.find(marker).expect("start marker") + marker.len();
    let end = readme
        .find("```\n<!-- site-reference:end -->")
        .expect("end marker");
    assert_eq!(
        &readme[start..end],
        kiosk_app::config::schema::reference(),
        "regenerate with: kiosk-app --print-site-reference"
    );
}

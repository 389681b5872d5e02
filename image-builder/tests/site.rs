//! `image-builder check`, `pin` and `config`, run as IT staff run them: the
//! built binary, real files, piped input and a real pseudo-terminal.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn image_builder() -> Command {
    let binary = anlauf_tests::workspace::built("image-builder");
    assert!(binary.exists(), "{} is not built", binary.display());
    Command::new(binary)
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/site.toml")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn pin_with(input: &str) -> Output {
    let mut child = image_builder()
        .arg("pin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The hash in `pin_hash = "…"`.
fn hash_of(line: &str) -> &str {
    line.trim()
        .strip_prefix("pin_hash = \"")
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or_else(|| panic!("not a pin_hash line: {line:?}"))
}

#[test]
fn site_check_passes_the_example() {
    let output = image_builder()
        .arg("check")
        .arg(example())
        .output()
        .unwrap();
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains(": OK: \"Tagestreff Leipzig-Ost\" (host anlauf-tagestreff-leipzig-ost, Europe/Berlin, 2 Wi-Fi networks, SSH off"), "{stdout}");
    // The example is what the library reads, too.
    let site = anlauf_site::check(&example()).unwrap();
    assert_eq!(site.wifi.networks.len(), 2);
    // Built from the mirror as it is (snapshot.debian.org is optional).
    assert_eq!(site.image.snapshot, None);
    assert_eq!(
        site.update.url.as_deref(),
        Some("https://updates.example.org/anlauf/leipzig-ost/")
    );
}

#[test]
fn site_check_lists_every_problem_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("site.toml");
    std::fs::write(
        &file,
        "\
[site]
name = \"Treff\"

[content]
url = \"https://content.example.org/leipzig/\"
trusted_root = \"content-root.json\"

[ssh]
enabled = true

[[wifi.network]]
ssid = \"Treff\"
psk = \"kurz\"

[system]
timezone = \"Europe/Leipzig\"
hostnme = \"kiosk\"
",
    )
    .unwrap();
    let output = image_builder().arg("check").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
    let shown = file.display();
    let root = dir.path().join("content-root.json");
    let expected = [
        format!(
            "{shown}:6: content.trusted_root: {} does not exist",
            root.display()
        ),
        format!(
            "{shown}:9: ssh.authorized_keys: ssh.enabled is true but no key is given (key-only login needs at least one)"
        ),
        format!(
            "{shown}:13: wifi.network[1].psk: a passphrase has 8 to 63 characters; write psk = \"\" for an open network"
        ),
        format!(
            "{shown}:16: system.timezone: \"Europe/Leipzig\" is not a time zone name (IANA, for example \"Europe/Berlin\")"
        ),
        format!("{shown}:17: system.hostnme: unknown setting (did you mean system.hostname?)"),
        format!("{shown}: 5 problems"),
    ];
    assert_eq!(text(&output.stderr).lines().collect::<Vec<_>>(), expected);

    // A TOML syntax error has its line too.
    std::fs::write(&file, "[site]\nname = \"Treff\"\n[ssh\nenabled = true\n").unwrap();
    let output = image_builder().arg("check").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(&format!("{shown}:3: not valid TOML: ")),
        "{stderr}"
    );

    // And a file that is not there is one problem.
    let missing = dir.path().join("nothing.toml");
    let output = image_builder().arg("check").arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("cannot read the site file"));
}

#[test]
fn site_pin_from_a_pipe_verifies() {
    let output = pin_with("4711\n");
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let hash = hash_of(&stdout);
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(anlauf_site::pin::verify(hash, "4711"));
    assert!(!anlauf_site::pin::verify(hash, "4712"));
    // The line is ready to paste: the site file takes it as it is.
    let site = anlauf_site::parse_strict(&format!("[assist]\n{stdout}")).unwrap();
    assert_eq!(site.assist.pin_hash.as_deref(), Some(hash));
}

#[test]
fn site_pin_refuses_bad_pins() {
    for (input, message) in [
        ("12a4\n", "a PIN has only the digits 0 to 9"),
        ("123\n", "a PIN has 4 to 12 digits, not 3"),
        ("1234567890123\n", "a PIN has 4 to 12 digits, not 13"),
        ("", "no PIN given"),
    ] {
        let output = pin_with(input);
        assert_eq!(output.status.code(), Some(1), "{input:?}");
        assert!(output.stdout.is_empty(), "{input:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(message), "{input:?}: {stderr}");
        let digits = input.trim();
        assert!(digits.is_empty() || !stderr.contains(digits), "{stderr}");
    }
}

/// Runs `pin` with a pseudo-terminal as standard input, typing each line
/// after its prompt; returns the output and what the terminal showed.
fn pin_at_terminal(lines: &[&str]) -> (Output, String) {
    let pty = nix::pty::openpty(None, None).unwrap();
    let mut child = image_builder()
        .arg("pin")
        .stdin(Stdio::from(pty.slave))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut master = std::fs::File::from(pty.master);
    let mut stderr = child.stderr.take().unwrap();
    let mut prompts = String::new();
    for (index, line) in lines.iter().enumerate() {
        // Wait for the prompt: the echo is off before it is written.
        while prompts.matches(": ").count() <= index {
            let mut byte = [0u8; 1];
            if stderr.read(&mut byte).unwrap() == 0 {
                break;
            }
            prompts.push(char::from(byte[0]));
        }
        master.write_all(format!("{line}\n").as_bytes()).unwrap();
    }
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let status = child.wait().unwrap();
    // Everything the terminal displayed (the slave is closed now: EIO ends it).
    let mut shown = Vec::new();
    let mut buffer = [0u8; 1024];
    while let Ok(count @ 1..) = master.read(&mut buffer) {
        shown.extend_from_slice(&buffer[..count]);
    }
    let output = Output {
        status,
        stdout,
        stderr: format!("{prompts}{rest}").into_bytes(),
    };
    (output, text(&shown))
}

#[test]
fn site_pin_at_a_terminal_asks_twice_without_echo() {
    let (output, shown) = pin_at_terminal(&["246813", "246813"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("Assist PIN (4 to 12 digits): "), "{stderr}");
    assert!(stderr.contains("The same PIN again: "), "{stderr}");
    assert!(!shown.contains("246813"), "the PIN was echoed: {shown:?}");
    assert!(anlauf_site::pin::verify(
        hash_of(&text(&output.stdout)),
        "246813"
    ));

    let (output, shown) = pin_at_terminal(&["246813", "246812"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).contains("the two PINs differ"));
    assert!(!shown.contains("2468"), "{shown:?}");
}

#[test]
fn site_config_and_its_help_show_every_setting() {
    let output = image_builder().arg("config").output().unwrap();
    assert!(output.status.success());
    let reference = text(&output.stdout);
    assert_eq!(reference, anlauf_site::schema::reference());
    assert_eq!(
        anlauf_site::parse_strict(&reference),
        Ok(anlauf_site::Site::default())
    );

    let help = image_builder().args(["config", "--help"]).output().unwrap();
    assert!(help.status.success());
    let help = text(&help.stdout);
    assert!(help.contains(reference.trim_end()), "{help}");
    for setting in anlauf_site::schema::SETTINGS {
        let section = format!("[{}]", setting.section);
        let key = if setting.kind == anlauf_site::schema::Kind::WifiNetworks {
            "# [[wifi.network]]".to_owned()
        } else {
            format!("\n{} = {}\n", setting.key, setting.default)
        };
        assert!(help.contains(&section), "{}", setting.path());
        assert!(help.contains(&key), "{}", setting.path());
    }
}

//! The supervisor serving `org.anlauf.Kiosk1` on a private bus (open
//! policy: the policy has its own test) with shell scripts as kiosk
//! processes that speak the pipe protocol: what the kiosk reports reaches
//! the bus's properties and signals, what the bus asks reaches the kiosk.

use std::path::Path;
use std::time::{Duration, Instant};

use futures::StreamExt as _;

use anlauf_tests::dbus::PrivateBus;

use super::*;
use crate::bus;

/// A supervisor over `sh -c SCRIPT` serving Kiosk1 on `bus`, and a client
/// connection to the same bus.
async fn supervised(
    bus: &PrivateBus,
    script: &str,
    end_grace: Duration,
) -> (tokio::task::JoinHandle<()>, zbus::Connection) {
    let (link, remote) = link();
    let served = bus::serve(zbus::connection::Builder::address(bus.address()), remote)
        .await
        .unwrap();
    let spec = ChildSpec {
        program: "/bin/sh".into(),
        args: vec!["-c".into(), script.into()],
        env: Vec::new(),
        heartbeat: Some(Duration::from_secs(60)),
        end_grace,
    };
    let client = zbus::connection::Builder::address(bus.address())
        .build()
        .await
        .unwrap();
    let supervisor = tokio::spawn(async move {
        let _served = served;
        run(spec, link).await.unwrap();
    });
    (supervisor, client)
}

async fn eventually<F, Fut>(what: &str, timeout: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + timeout;
    while !check().await {
        assert!(Instant::now() < deadline, "not within {timeout:?}: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supervisor_serves_kiosk1_and_relays_between_the_bus_and_the_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let bus = PrivateBus::open(dir.path()).unwrap();
    let count = dir.path().join("count");
    let heard = dir.path().join("heard");
    // The first kiosk starts a session at once; every kiosk writes down
    // what it hears and ends its session on `e`.
    let script = format!(
        r#"n=$(($(cat {count} 2>/dev/null || echo 0) + 1)); echo $n > {count}
[ "$n" = 1 ] && printf S
while c=$(dd bs=1 count=1 2>/dev/null); [ -n "$c" ]; do
  printf %s "$c" >> {heard}
  if [ "$c" = e ]; then printf E; exit 0; fi
done"#,
        count = count.display(),
        heard = heard.display()
    );
    let (link, remote) = link();
    let served = bus::serve(zbus::connection::Builder::address(bus.address()), remote)
        .await
        .unwrap();
    let client = zbus::connection::Builder::address(bus.address())
        .build()
        .await
        .unwrap();
    let kiosk = bus::proxy(&client).await.unwrap();
    let properties = zbus::fdo::PropertiesProxy::builder(&client)
        .destination(bus::BUS_NAME)
        .path(bus::OBJECT_PATH)
        .build()
        .await
        .unwrap();
    let mut signals = properties.receive_properties_changed().await.unwrap();
    assert!(!kiosk.session_active().await.unwrap());
    assert_eq!(kiosk.session_since().await.unwrap(), 0);

    let spec = ChildSpec {
        program: "/bin/sh".into(),
        args: vec!["-c".into(), script.into()],
        env: Vec::new(),
        heartbeat: Some(Duration::from_secs(60)),
        end_grace: Duration::from_secs(5),
    };
    let started = Instant::now();
    let supervisor = tokio::spawn(async move {
        let _served = served;
        run(spec, link).await.unwrap();
    });

    // `S` on the pipe: the session is on the bus, with a signal.
    eventually("SessionActive", Duration::from_secs(5), || async {
        kiosk.session_active().await.unwrap()
    })
    .await;
    eprintln!("SessionActive true after {:?}", started.elapsed());
    let since = kiosk.session_since().await.unwrap();
    assert!(since.abs_diff(unix_now()) <= 5, "SessionSince {since}");
    // One signal carries both properties.
    let changed = |signal: &zbus::fdo::PropertiesChanged| -> (bool, u64) {
        let args = signal.args().unwrap();
        assert_eq!(args.interface_name.as_str(), "org.anlauf.Kiosk1");
        let properties = &args.changed_properties;
        (
            properties["SessionActive"].downcast_ref::<bool>().unwrap(),
            properties["SessionSince"].downcast_ref::<u64>().unwrap(),
        )
    };
    let signal = tokio::time::timeout(Duration::from_secs(2), signals.next())
        .await
        .expect("a PropertiesChanged signal")
        .unwrap();
    assert_eq!(changed(&signal), (true, since));

    // Activity reaches the kiosk on its standard input.
    kiosk.activity().await.unwrap();
    eventually("the kiosk heard `a`", Duration::from_secs(2), || async {
        read(&heard) == "a"
    })
    .await;

    // EndSession reaches it, and its end reaches the bus.
    let asked = Instant::now();
    assert!(kiosk.end_session().await.unwrap());
    eventually("the kiosk heard `e`", Duration::from_secs(2), || async {
        read(&heard) == "ae"
    })
    .await;
    eventually("SessionActive false", Duration::from_secs(5), || async {
        !kiosk.session_active().await.unwrap()
    })
    .await;
    eprintln!("session ended over the bus in {:?}", asked.elapsed());
    assert_eq!(kiosk.session_since().await.unwrap(), 0);
    let signal = tokio::time::timeout(Duration::from_secs(2), signals.next())
        .await
        .expect("a second PropertiesChanged signal")
        .unwrap();
    assert_eq!(changed(&signal), (false, 0));

    // A fresh kiosk without a session: nothing to keep alive or end, and
    // nothing reaches it.
    eventually("a fresh kiosk", Duration::from_secs(5), || async {
        read(&count).trim() == "2"
    })
    .await;
    kiosk.activity().await.unwrap();
    assert!(!kiosk.end_session().await.unwrap());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(read(&heard), "ae");
    supervisor.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supervisor_kills_a_kiosk_that_does_not_end_its_session_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let bus = PrivateBus::open(dir.path()).unwrap();
    let count = dir.path().join("count");
    // Starts a session, then never reads its pipe again.
    let script = format!(
        r#"n=$(($(cat {count} 2>/dev/null || echo 0) + 1)); echo $n > {count}
[ "$n" = 1 ] && printf S
exec sleep 100"#,
        count = count.display()
    );
    let grace = Duration::from_millis(400);
    let (supervisor, client) = supervised(&bus, &script, grace).await;
    let kiosk = bus::proxy(&client).await.unwrap();
    eventually("SessionActive", Duration::from_secs(5), || async {
        kiosk.session_active().await.unwrap()
    })
    .await;
    let asked = Instant::now();
    assert!(kiosk.end_session().await.unwrap());
    eventually("a fresh kiosk", Duration::from_secs(5), || async {
        read(&count).trim() == "2"
    })
    .await;
    let took = asked.elapsed();
    eprintln!("the deaf kiosk was replaced after {took:?}");
    assert!(took >= grace, "killed before its grace time: {took:?}");
    assert!(!kiosk.session_active().await.unwrap());
    supervisor.abort();
}

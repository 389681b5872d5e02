//! `image-builder`: from one site file to Debian packages, a signed apt
//! repository and a bootable disk image. Not built yet (issue 7); until then
//! it says so instead of pretending.

use std::process::ExitCode;

fn main() -> ExitCode {
    eprintln!(
        "image-builder: not available yet. The image builder is planned (see the README, \
         section \"IT staff\"); until it lands, run the kiosk with ./run-demo."
    );
    ExitCode::from(2)
}

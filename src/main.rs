//! The `claimcheck` binary: parse arguments, run, turn the outcome into an
//! exit code (0 clean, 1 errors found, 2 the run failed).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = claimcheck::cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let result = claimcheck::run(cli, &mut out, &mut err).and_then(|status| {
        out.flush()?;
        Ok(status)
    });
    match result {
        Ok(status) => ExitCode::from(status.code()),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // The message may quote a file name or a line of a rule file.
            let message = format!("{error:#}");
            let _ = writeln!(
                err,
                "error: {}",
                claimcheck::terminal::escape_keeping_lines(&message)
            );
            ExitCode::from(2)
        }
    }
}

/// Whether the error is the reader of our output going away (`| head`).
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

//! How checking scales with the number of facts and the size of the text.
//! Run with `cargo bench --bench scale` (`SCALE_FACTS=N` for one size of
//! rule set); it prints throughput, it asserts nothing about time.

#![allow(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use claimcheck::check;
use claimcheck::extract::Matcher;
use claimcheck::rules;

/// A rule file with `n` rank facts about made-up indexes and countries.
fn rules_text(n: usize) -> String {
    let mut text = String::from("[sources.s]\nname = \"Synthetic source\"\n\n");
    for i in 0..n {
        let _ = write!(
            text,
            "[[fact]]\nid = \"index{i}.rank\"\nclaim = \"Rank in index {i}\"\nsource = \"s\"\n\
             as_of = 2024\nkind = \"rank\"\nvalue = {}\nof = 90\ncues = [\"Index{i} Survey\"]\n\
             subject = [\"Country{}\", \"the country\"]\n\n",
            i % 80 + 1,
            i % 50
        );
    }
    text
}

/// An article of `paragraphs` paragraphs, a figure-bearing claim in each.
fn article(paragraphs: usize) -> String {
    let mut text = String::new();
    for p in 0..paragraphs {
        let _ = write!(
            text,
            "Officials said on Tuesday that Country{} placed {} out of 90 in the Index{} Survey, \
             a result published in 2024. The country also spent $1.5bn on research, up 12 percent \
             from the year before, according to nearly 300 pages of budget papers.\n\n",
            p % 50,
            p % 80 + 1,
            p % 10
        );
    }
    text
}

fn time<F: FnMut()>(mut f: F) -> Duration {
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed() < Duration::from_millis(500) || runs < 3 {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

fn main() {
    let text = article(2_000);
    println!("article: {} KiB", text.len() / 1024);
    for n in std::env::var("SCALE_FACTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(vec![10, 100, 1_000, 5_000], |n: usize| vec![n])
    {
        let facts = rules::parse(Path::new("bench.toml"), &rules_text(n)).expect("valid rules");
        let matcher = Matcher::new(&facts);
        let took = time(|| {
            black_box(check::check(
                &facts,
                &matcher,
                "bench.txt",
                black_box(&text),
            ));
        });
        let mib_per_s = text.len() as f64 / took.as_secs_f64() / (1024.0 * 1024.0);
        println!("{n:>6} facts: {took:>10.2?} per article, {mib_per_s:.1} MiB/s");
    }
}

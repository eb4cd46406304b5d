//! The words of a language the reader knows numbers by: number and
//! ordinal words, scale words, month names, currencies and units.

/// Number words, shared by the reader and the rewriter.
pub(crate) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Number words, shared by the reader and the rewriter.
pub(crate) const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Number words, shared by the reader and the rewriter.
pub(crate) const UNIT_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// Number words, shared by the reader and the rewriter.
pub(crate) const TEN_ORDINALS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

pub(super) fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "mln" | "m" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

pub(super) fn month(word: &str) -> Option<u8> {
    let month = match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "usd",
        '\u{20AC}' => "eur",
        '\u{00A3}' => "gbp",
        '\u{00A5}' => "cny",
        '\u{20BD}' => "rub",
        '\u{20B9}' => "inr",
        _ => return None,
    })
}

pub(super) fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "usd" | "dollars" | "dollar" => "usd",
        "eur" | "euros" | "euro" => "eur",
        "gbp" | "pounds" | "sterling" => "gbp",
        "rub" | "rubles" | "roubles" | "ruble" | "rouble" => "rub",
        "cny" | "yuan" | "rmb" | "renminbi" => "cny",
        "inr" | "rupees" => "inr",
        "jpy" | "yen" => "jpy",
        _ => return None,
    })
}

/// Units of measure: the word as written and the unit it names.
pub(super) fn measure_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "nm" | "nanometer" | "nanometers" | "nanometre" | "nanometres" => "nanometre",
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "kilometre",
        "kg" | "kilogram" | "kilograms" => "kilogram",
        "tonnes" | "tonne" | "tons" | "ton" => "tonne",
        "mw" | "megawatt" | "megawatts" => "megawatt",
        "gw" | "gigawatt" | "gigawatts" => "gigawatt",
        "tb" | "terabytes" | "terabyte" => "terabyte",
        "gb" | "gigabytes" | "gigabyte" => "gigabyte",
        "petaflops" | "pflops" => "petaflops",
        "exaflops" => "exaflops",
        "qubits" | "qubit" => "qubit",
        _ => return None,
    })
}

/// The one name of a unit or currency, however it is written: "nm" and
/// "nanometres" are both `nanometre`, "$" and "dollars" both `usd`.
pub fn canonical_unit(unit: &str) -> String {
    let lower = unit.trim().to_lowercase();
    if let Some(unit) = measure_unit(&lower) {
        return unit.to_string();
    }
    if let Some(code) = currency_word(&lower) {
        return code.to_string();
    }
    let mut chars = lower.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(code) = currency_symbol(c)
    {
        return code.to_string();
    }
    lower
}

/// The denominator a fraction word names: "third" and "thirds" are 3.
pub(super) fn fraction_denominator(word: &str) -> Option<f64> {
    Some(match word {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// The factor of a verb of multiplying: "doubled" is 2.
pub(super) fn verb_multiple(word: &str) -> Option<f64> {
    Some(match word {
        "doubled" | "doubling" | "doubles" => 2.0,
        "tripled" | "trebled" | "tripling" | "triples" | "trebles" => 3.0,
        "quadrupled" | "quadrupling" | "quadruples" => 4.0,
        _ => return None,
    })
}

/// The value of a cardinal written as one word, "two" to "ninety", or
/// "hundred".
pub(super) fn word_value(word: &str) -> Option<f64> {
    if let Some(n) = UNITS.iter().position(|u| *u == word) {
        return Some(n as f64);
    }
    if let Some(n) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
        return Some((n * 10) as f64);
    }
    (word == "hundred").then_some(100.0)
}

pub(super) fn is_number_word(word: &str) -> bool {
    UNITS.contains(&word)
        || TENS[2..].contains(&word)
        || UNIT_ORDINALS.contains(&word)
        || TEN_ORDINALS[2..].contains(&word)
        || matches!(
            word,
            "hundred" | "thousand" | "million" | "billion" | "trillion"
        )
}

//! The words and marks of a language that the reader knows numbers by:
//! number and ordinal words, scale words ("thousand", "bn", "k"), the
//! decimal and group separators, month names, fraction and multiplying
//! words, currencies and units. The reader consults one `Lexicon` and holds
//! no words of its own for these, so another language ("31.º", "31.
//! Platz", a decimal comma) is another `Lexicon`, not more code.

use std::sync::LazyLock;

use regex::Regex;

/// The words and marks a language writes numbers with.
pub(crate) struct Lexicon {
    /// Cardinals in words from zero to nineteen, indexed by value.
    pub units: &'static [&'static str; 20],
    /// Tens in words, indexed by value / 10 ("" for 0 and 10).
    pub tens: &'static [&'static str; 10],
    /// Ordinals in words from zeroth to nineteenth, indexed by value.
    pub unit_ordinals: &'static [&'static str; 20],
    /// Ordinal tens, indexed by value / 10 ("" for 0 and 10).
    pub ten_ordinals: &'static [&'static str; 10],
    /// The ordinal of a hundred, closing "one hundred and twelfth".
    pub hundredth: &'static str,
    /// The suffixes that make digits an ordinal: "31st", "2nd".
    pub ordinal_suffixes: &'static [&'static str],
    /// The word joining hundreds to tens: "one hundred and twelve".
    pub and: &'static str,
    /// The word for a half: "half a million".
    pub half: &'static str,
    /// Articles that stand for one before a scale: "a million".
    pub articles: &'static [&'static str],
    /// Scale words and their factor, spelled out or abbreviated, glued to
    /// digits ("1.5bn", "24k") or written apart ("1.5 million").
    pub scales: &'static [(&'static str, f64)],
    /// Scale letters glued to digits that may instead be a unit, and the
    /// unit: "37m" is 37 million people, or 37 metres tall.
    pub ambiguous_scales: &'static [(&'static str, &'static str)],
    /// Words after a number that measure a length, and so make an
    /// ambiguous scale letter the unit: "37m tall".
    pub dimensions: &'static [&'static str],
    /// Words for percent, written apart or glued: "24 percent", "24pc".
    pub percent_words: &'static [&'static str],
    /// Words before a number that make it negative: "minus 40".
    pub minus_words: &'static [&'static str],
    /// Units of time, and the one name of each: a number of them is a
    /// duration, not a count ("three months", "a 48-hour strike").
    pub time_units: &'static [(&'static str, &'static str)],
    /// The scale words a number in words may hold ("one hundred thousand").
    pub scale_names: &'static [&'static str],
    /// The mark between whole and decimal digits: "1.5".
    pub decimal_mark: char,
    /// The marks between groups of three digits: "100,000", "100 000".
    pub group_marks: &'static [char],
    /// Marks some writers of this language put between whole and decimal
    /// digits, read so only where no group mark can stand: one or two
    /// digits after it and a scale or percent next ("$14,7 billion").
    pub borrowed_decimal_marks: &'static [char],
    /// Month names and abbreviations, and the month's number.
    pub months: &'static [(&'static str, u8)],
    /// Fraction words, singular and plural, and their denominator.
    pub fractions: &'static [(&'static str, &'static str, f64)],
    /// Verbs of multiplying and their factor: "doubled" is 2.
    pub multiplying_verbs: &'static [(&'static str, f64)],
    /// The ending that makes a number a multiple: "tenfold", "10-fold".
    pub fold: &'static str,
    /// Currency symbols and the currency code they stand for.
    pub currency_symbols: &'static [(char, &'static str)],
    /// Letters glued before a currency symbol that name another currency
    /// of that symbol: "HK$" is `hkd`, "A$" `aud`.
    pub symbol_prefixes: &'static [(&'static str, char, &'static str)],
    /// Abbreviations written before a number that name a currency: "Rs 500",
    /// "RM23.50".
    pub currency_prefixes: &'static [(&'static str, &'static str)],
    /// Abbreviations glued to a number that name a currency only when the
    /// number is plainly a sum ("R500", "R1.2bn"): a single letter is too
    /// often part of a code ("R2") to be read apart.
    pub glued_currency_prefixes: &'static [(&'static str, &'static str)],
    /// A symbol shared by two currencies, the words that, near it, make it
    /// the second, and the second's code: "¥" is yen, but yuan beside
    /// "yuan" or "RMB".
    pub shared_symbols: &'static [(char, &'static [&'static str], &'static str)],
    /// Words and glued suffixes for a hundredth of a currency, and the
    /// currency: "41 cents" is 0.41 dollars, "12p" 0.12 pounds.
    pub minor_units: &'static [(&'static str, &'static str)],
    /// Glued suffixes that are never pence: video lines ("1080p").
    pub not_minor: &'static [u32],
    /// Currency words and codes as written, and the code they stand for.
    pub currency_words: &'static [(&'static str, &'static str)],
    /// Words naming a country between a number and a currency word (as
    /// tokens), and the currency they make it: "2.7 billion U.S. dollars"
    /// is `usd`, "5 billion Hong Kong dollars" `hkd`.
    pub currency_places: &'static [(&'static [&'static str], &'static str)],
    /// Units of measure written in two words or more, and the one name of
    /// each: "25 basis points", "a 50-basis-point cut".
    pub measure_phrases: &'static [(&'static [&'static str], &'static str)],
    /// Words before a number that make it a margin of error, not a figure:
    /// "plus or minus 3 points".
    pub margin_words: &'static [&'static [&'static str]],
    /// Units of measure as written, and the one name of each.
    pub measure_units: &'static [(&'static str, &'static str)],
    /// The forms of verbs whose past is not a stem and an ending, each
    /// verb's forms together: a cue "grew" is also read as "grows".
    pub irregular_verbs: &'static [&'static [&'static str]],
    /// The endings of a regular verb's past ("expanded", "declined",
    /// "dropped"): what is left without one is the verb's stem.
    pub past_endings: &'static [&'static str],
    /// The endings a regular verb's stem takes in its other forms a cue
    /// may be written in: "expands", "expanding".
    pub verb_endings: &'static [&'static str],
    /// Words that make the next adjective a superlative ("the five most
    /// crowded ports").
    pub superlative_words: &'static [&'static str],
    /// The ending of a superlative adjective ("wealthiest", "largest"): a
    /// count before one counts the noun after it ("the 12 wealthiest
    /// regions").
    pub superlative_ending: &'static str,
    /// Superlatives without that ending ("best", "worst").
    pub irregular_superlatives: &'static [&'static str],
    /// The pattern the lexer finds numbers, words and marks with, built
    /// from the separators above.
    pub pattern: &'static LazyLock<Regex>,
}

/// English number words, shared by the reader and the rewriter.
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

/// English number words, shared by the reader and the rewriter.
pub(crate) const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// English number words, shared by the reader and the rewriter.
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

/// English number words, shared by the reader and the rewriter.
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
/// English, as news copy writes it.
pub(crate) static ENGLISH: Lexicon = Lexicon {
    units: &UNITS,
    tens: &TENS,
    unit_ordinals: &UNIT_ORDINALS,
    ten_ordinals: &TEN_ORDINALS,
    hundredth: "hundredth",
    ordinal_suffixes: &["st", "nd", "rd", "th"],
    and: "and",
    half: "half",
    articles: &["a", "an"],
    scales: &[
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("k", 1e3),
        ("million", 1e6),
        ("millions", 1e6),
        ("mn", 1e6),
        ("mln", 1e6),
        ("m", 1e6),
        ("billion", 1e9),
        ("billions", 1e9),
        ("bn", 1e9),
        ("b", 1e9),
        ("bln", 1e9),
        ("trillion", 1e12),
        ("trillions", 1e12),
        ("tn", 1e12),
        ("trn", 1e12),
        ("lakh", 1e5),
        ("lakhs", 1e5),
        ("crore", 1e7),
        ("crores", 1e7),
    ],
    ambiguous_scales: &[("m", "metre")],
    dimensions: &[
        "tall", "high", "long", "deep", "wide", "across", "away", "above", "below",
    ],
    percent_words: &["percent", "percents", "pct", "pc"],
    minus_words: &["minus", "negative"],
    time_units: &[
        ("second", "second"),
        ("seconds", "second"),
        ("minute", "minute"),
        ("minutes", "minute"),
        ("hour", "hour"),
        ("hours", "hour"),
        ("day", "day"),
        ("days", "day"),
        ("week", "week"),
        ("weeks", "week"),
        ("fortnight", "fortnight"),
        ("fortnights", "fortnight"),
        ("month", "month"),
        ("months", "month"),
        ("year", "year"),
        ("years", "year"),
        ("decade", "decade"),
        ("decades", "decade"),
    ],
    scale_names: &["hundred", "thousand", "million", "billion", "trillion"],
    decimal_mark: '.',
    group_marks: &[',', ' '],
    borrowed_decimal_marks: &[','],
    months: &[
        ("january", 1),
        ("jan", 1),
        ("february", 2),
        ("feb", 2),
        ("march", 3),
        ("mar", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("july", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sep", 9),
        ("sept", 9),
        ("october", 10),
        ("oct", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ],
    fractions: &[
        ("half", "halves", 2.0),
        ("third", "thirds", 3.0),
        ("quarter", "quarters", 4.0),
        ("fourth", "fourths", 4.0),
        ("fifth", "fifths", 5.0),
        ("sixth", "sixths", 6.0),
        ("seventh", "sevenths", 7.0),
        ("eighth", "eighths", 8.0),
        ("ninth", "ninths", 9.0),
        ("tenth", "tenths", 10.0),
    ],
    multiplying_verbs: &[
        ("doubled", 2.0),
        ("doubling", 2.0),
        ("doubles", 2.0),
        ("tripled", 3.0),
        ("trebled", 3.0),
        ("tripling", 3.0),
        ("triples", 3.0),
        ("trebles", 3.0),
        ("quadrupled", 4.0),
        ("quadrupling", 4.0),
        ("quadruples", 4.0),
    ],
    fold: "fold",
    currency_symbols: &[
        ('$', "usd"),
        ('\u{20AC}', "eur"),
        ('\u{00A3}', "gbp"),
        ('\u{00A5}', "jpy"),
        ('\u{20BD}', "rub"),
        ('\u{20B9}', "inr"),
    ],
    symbol_prefixes: &[
        ("us", '$', "usd"),
        ("hk", '$', "hkd"),
        ("a", '$', "aud"),
        ("au", '$', "aud"),
        ("c", '$', "cad"),
        ("ca", '$', "cad"),
        ("s", '$', "sgd"),
        ("nz", '$', "nzd"),
        ("r", '$', "brl"),
        ("nt", '$', "twd"),
        ("mx", '$', "mxn"),
    ],
    currency_prefixes: &[("rm", "myr"), ("rs", "inr"), ("rp", "idr"), ("ksh", "kes")],
    glued_currency_prefixes: &[("r", "zar")],
    shared_symbols: &[('\u{00A5}', &["yuan", "rmb", "renminbi", "cny"], "cny")],
    minor_units: &[
        ("cents", "usd"),
        ("cent", "usd"),
        ("pence", "gbp"),
        ("p", "gbp"),
    ],
    not_minor: &[144, 240, 360, 480, 576, 720, 1080, 1440, 2160],
    currency_words: &[
        ("usd", "usd"),
        ("dollars", "usd"),
        ("dollar", "usd"),
        ("eur", "eur"),
        ("euros", "eur"),
        ("euro", "eur"),
        ("gbp", "gbp"),
        ("pounds", "gbp"),
        ("sterling", "gbp"),
        ("rub", "rub"),
        ("rubles", "rub"),
        ("roubles", "rub"),
        ("ruble", "rub"),
        ("rouble", "rub"),
        ("cny", "cny"),
        ("yuan", "cny"),
        ("rmb", "cny"),
        ("renminbi", "cny"),
        ("inr", "inr"),
        ("rupees", "inr"),
        ("jpy", "jpy"),
        ("yen", "jpy"),
        ("hkd", "hkd"),
        ("aud", "aud"),
        ("cad", "cad"),
        ("sgd", "sgd"),
        ("nzd", "nzd"),
        ("myr", "myr"),
        ("ringgit", "myr"),
        ("brl", "brl"),
        ("reais", "brl"),
        ("zar", "zar"),
        ("chf", "chf"),
        ("francs", "chf"),
        ("kes", "kes"),
        ("shillings", "kes"),
        ("ngn", "ngn"),
        ("naira", "ngn"),
        ("idr", "idr"),
        ("rupiah", "idr"),
        ("twd", "twd"),
        ("mxn", "mxn"),
        ("pesos", "mxn"),
        ("krw", "krw"),
    ],
    currency_places: &[
        (&["u", ".", "s", "."], "usd"),
        (&["u", ".", "s"], "usd"),
        (&["us"], "usd"),
        (&["hong", "kong"], "hkd"),
        (&["singapore"], "sgd"),
        (&["australian"], "aud"),
        (&["canadian"], "cad"),
        (&["new", "zealand"], "nzd"),
    ],
    measure_phrases: &[
        (&["basis", "points"], "basis points"),
        (&["basis", "point"], "basis points"),
    ],
    margin_words: &[&["plus", "or", "minus"], &["margin", "of", "error", "of"]],
    measure_units: &[
        ("nm", "nanometre"),
        ("nanometer", "nanometre"),
        ("nanometers", "nanometre"),
        ("nanometre", "nanometre"),
        ("nanometres", "nanometre"),
        ("km", "kilometre"),
        ("kilometer", "kilometre"),
        ("kilometers", "kilometre"),
        ("kilometre", "kilometre"),
        ("kilometres", "kilometre"),
        ("kg", "kilogram"),
        ("kilogram", "kilogram"),
        ("kilograms", "kilogram"),
        ("tonnes", "tonne"),
        ("tonne", "tonne"),
        ("tons", "tonne"),
        ("ton", "tonne"),
        ("mw", "megawatt"),
        ("megawatt", "megawatt"),
        ("megawatts", "megawatt"),
        ("gw", "gigawatt"),
        ("gigawatt", "gigawatt"),
        ("gigawatts", "gigawatt"),
        ("tb", "terabyte"),
        ("terabytes", "terabyte"),
        ("terabyte", "terabyte"),
        ("gb", "gigabyte"),
        ("gigabytes", "gigabyte"),
        ("gigabyte", "gigabyte"),
        ("petaflops", "petaflops"),
        ("pflops", "petaflops"),
        ("exaflops", "exaflops"),
        ("qubits", "qubit"),
        ("qubit", "qubit"),
        ("mph", "mph"),
        ("kw", "kilowatt"),
        ("kilowatt", "kilowatt"),
        ("kilowatts", "kilowatt"),
        ("kwh", "kilowatt-hour"),
        ("metre", "metre"),
        ("metres", "metre"),
        ("meter", "metre"),
        ("meters", "metre"),
        ("mile", "mile"),
        ("miles", "mile"),
        ("bps", "basis points"),
        ("bp", "basis points"),
    ],
    irregular_verbs: &[
        &["grew", "grow", "grows", "growing", "grown"],
        &["rose", "rise", "rises", "rising", "risen"],
        &["fell", "fall", "falls", "falling", "fallen"],
        &["won", "win", "wins", "winning"],
        &["lost", "lose", "loses", "losing"],
        &["led", "lead", "leads", "leading"],
        &["sold", "sell", "sells", "selling"],
        &["spent", "spend", "spends"],
        &["shrank", "shrunk", "shrink", "shrinks", "shrinking"],
        &["sank", "sunk", "sink", "sinks", "sinking"],
        &["slid", "slide", "slides", "sliding"],
        &["stood", "stand", "stands", "standing"],
        &["came", "come", "comes", "coming"],
        &["took", "take", "takes", "taking", "taken"],
        &["held", "hold", "holds", "holding"],
        &["kept", "keep", "keeps", "keeping"],
        &["made", "make", "makes", "making"],
        &["paid", "pay", "pays", "paying"],
        &["earned", "earn", "earns", "earning"],
        &["ran", "run", "runs", "running"],
    ],
    past_endings: &["ed", "d"],
    verb_endings: &["s", "ing"],
    superlative_words: &["most", "least"],
    superlative_ending: "est",
    irregular_superlatives: &["best", "worst"],
    pattern: &ENGLISH_PATTERN,
};

static ENGLISH_PATTERN: LazyLock<Regex> = LazyLock::new(|| ENGLISH.number_pattern());

fn find<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

impl Lexicon {
    /// The other forms a one-word verb cue may be written in: all the
    /// forms of an irregular verb ("grew": "grows", "growing"), or a
    /// regular past's stem with each verb ending ("expanded": "expands",
    /// "expanding"; "dropped": "drops", "dropping"). A past is told by its
    /// ending alone, so some forms made are no word at all; they match
    /// nothing. The stem alone is never made: "listed" is not "list".
    pub(crate) fn verb_forms(&self, cue: &str) -> Vec<String> {
        if let Some(forms) = self
            .irregular_verbs
            .iter()
            .find(|forms| forms.contains(&cue))
        {
            return forms
                .iter()
                .filter(|&&form| form != cue)
                .map(|form| (*form).to_string())
                .collect();
        }
        if cue.len() < 5 || !cue.chars().all(char::is_alphabetic) || cue.ends_with("eed") {
            return Vec::new();
        }
        let mut stems: Vec<&str> = self
            .past_endings
            .iter()
            .filter_map(|ending| cue.strip_suffix(ending))
            .collect();
        // "dropped": the stem "drop" doubles its last letter.
        if let Some(stem) = stems.first().copied()
            && let [.., a, b] = stem.as_bytes()
            && a == b
            && !matches!(a, b'l' | b's' | b'e')
        {
            stems.push(&stem[..stem.len() - 1]);
        }
        stems
            .iter()
            .flat_map(|stem| {
                self.verb_endings
                    .iter()
                    .map(move |end| format!("{stem}{end}"))
            })
            .filter(|form| form != cue)
            .collect()
    }

    /// The lexer's pattern: numbers with this language's separators and a
    /// suffix ("1,500.5", "100 000", "24k", "84%"), words, and any other
    /// mark alone.
    fn number_pattern(&self) -> Regex {
        let point = regex::escape(&self.decimal_mark.to_string());
        let mut numbers: Vec<String> = self
            .group_marks
            .iter()
            .map(|mark| {
                // A space groups digits only up to a word's edge.
                let edge = if mark.is_whitespace() { r"\b" } else { "" };
                let mark = regex::escape(&mark.to_string());
                format!(r"\d{{1,3}}(?:{mark}\d{{3}})+(?:{point}\d+)?{edge}")
            })
            .collect();
        // "14,7 billion": a borrowed decimal mark, where no group mark can
        // stand; the lexer keeps it only before a scale or percent.
        for mark in self.borrowed_decimal_marks {
            let mark = regex::escape(&mark.to_string());
            numbers.push(format!(r"\d{{1,3}}{mark}\d{{1,2}}\b"));
        }
        numbers.push(format!(r"\d+(?:{point}\d+)?"));
        numbers.push(format!(r"{point}\d+"));
        let pattern = format!(
            r"(?:{})(?:[A-Za-z%]+)?|[A-Za-z]+(?:'[A-Za-z]+)*|\S",
            numbers.join("|")
        );
        Regex::new(&pattern).expect("a lexicon's number pattern is valid")
    }

    /// The factor of a scale word: "thousand" and "k" are 1,000.
    pub fn scale(&self, word: &str) -> Option<f64> {
        find(self.scales, word)
    }

    /// The month a name or abbreviation names: "Dec" is 12.
    pub fn month(&self, word: &str) -> Option<u8> {
        find(self.months, word)
    }

    /// The value of a cardinal from "zero" to "nineteen".
    pub fn unit(&self, word: &str) -> Option<usize> {
        self.units.iter().position(|u| *u == word)
    }

    /// The value of a ten in words: "thirty" is 30.
    pub fn ten(&self, word: &str) -> Option<usize> {
        self.tens
            .iter()
            .position(|t| !t.is_empty() && *t == word)
            .map(|n| n * 10)
    }

    /// The value of an ordinal from "zeroth" to "nineteenth".
    pub fn unit_ordinal(&self, word: &str) -> Option<usize> {
        self.unit_ordinals.iter().position(|u| *u == word)
    }

    /// The value of an ordinal ten: "thirtieth" is 30.
    pub fn ten_ordinal(&self, word: &str) -> Option<usize> {
        self.ten_ordinals
            .iter()
            .position(|t| !t.is_empty() && *t == word)
            .map(|n| n * 10)
    }

    /// Whether a suffix makes digits an ordinal: "st" of "31st".
    pub fn is_ordinal_suffix(&self, suffix: &str) -> bool {
        self.ordinal_suffixes.contains(&suffix)
    }

    /// The value of a cardinal written as one word, "two" to "ninety", or
    /// "hundred".
    pub fn word_value(&self, word: &str) -> Option<f64> {
        if let Some(n) = self.unit(word).or_else(|| self.ten(word)) {
            return Some(n as f64);
        }
        self.scale(word)
            .filter(|s| *s == 1e2 && self.scale_names.contains(&word))
    }

    /// Whether a word can be part of a number in words.
    pub fn is_number_word(&self, word: &str) -> bool {
        self.unit(word).is_some()
            || self.ten(word).is_some()
            || self.unit_ordinal(word).is_some()
            || self.ten_ordinal(word).is_some()
            || self.scale_names.contains(&word)
    }

    /// The denominator a fraction word names, and whether the word is the
    /// plural that follows a numerator above one: "thirds" is (3, true).
    pub fn fraction(&self, word: &str) -> Option<(f64, bool)> {
        self.fractions.iter().find_map(|(one, many, denominator)| {
            if *one == word {
                Some((*denominator, false))
            } else if *many == word {
                Some((*denominator, true))
            } else {
                None
            }
        })
    }

    /// The factor of a verb of multiplying: "doubled" is 2.
    pub fn multiple(&self, word: &str) -> Option<f64> {
        find(self.multiplying_verbs, word)
    }

    /// The currency code a symbol stands for: "$" is `usd`.
    pub fn currency_symbol(&self, c: char) -> Option<&'static str> {
        self.currency_symbols
            .iter()
            .find(|(s, _)| *s == c)
            .map(|(_, code)| *code)
    }

    /// The currency code a word stands for: "dollars" is `usd`.
    pub fn currency_word(&self, word: &str) -> Option<&'static str> {
        find(self.currency_words, word)
    }

    /// The currency an abbreviation glued to a sum names: "R" is `zar`.
    pub fn glued_currency_prefix(&self, word: &str) -> Option<&'static str> {
        find(self.glued_currency_prefixes, word)
    }

    /// The currency a hundredth is of: "cents" is `usd`, "p" `gbp`.
    pub fn minor_unit(&self, word: &str) -> Option<&'static str> {
        find(self.minor_units, word)
    }

    /// The currency an abbreviation before a number names: "Rs" is `inr`.
    pub fn currency_prefix(&self, word: &str) -> Option<&'static str> {
        find(self.currency_prefixes, word)
    }

    /// The currency a symbol names after the letters glued before it:
    /// "HK" and "$" are `hkd`.
    pub fn prefixed_symbol(&self, prefix: &str, c: char) -> Option<&'static str> {
        self.symbol_prefixes
            .iter()
            .find(|(p, s, _)| *p == prefix && *s == c)
            .map(|(_, _, code)| *code)
    }

    /// The one name of a unit of time as written: "days" is `day`.
    pub fn time_unit(&self, word: &str) -> Option<&'static str> {
        find(self.time_units, word)
    }

    /// The one name of a unit of measure or time as written: "nm" is
    /// `nanometre`, "days" is `day`.
    /// Whether `word` is a superlative adjective. Words that merely end
    /// like one ("interest", "forest") are told apart by the plural noun
    /// the caller requires after it.
    pub fn is_superlative(&self, word: &str) -> bool {
        self.irregular_superlatives.contains(&word)
            || (word.len() > self.superlative_ending.len() + 3
                && word.ends_with(self.superlative_ending))
    }

    pub fn measure_unit(&self, word: &str) -> Option<&'static str> {
        find(self.measure_units, word).or_else(|| find(self.time_units, word))
    }
}

/// The one name of a unit or currency, however it is written: "nm" and
/// "nanometres" are both `nanometre`, "$" and "dollars" both `usd`.
pub fn canonical_unit(unit: &str) -> String {
    let lower = unit.trim().to_lowercase();
    if let Some(unit) = ENGLISH.measure_unit(&lower) {
        return unit.to_string();
    }
    if let Some(code) = ENGLISH.currency_word(&lower) {
        return code.to_string();
    }
    let mut chars = lower.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(code) = ENGLISH.currency_symbol(c)
    {
        return code.to_string();
    }
    lower
}

#[cfg(test)]
mod tests {
    use super::ENGLISH;

    #[test]
    fn a_past_cue_is_read_in_its_other_forms_but_never_as_a_bare_stem() {
        assert!(ENGLISH.verb_forms("grew").contains(&"grows".to_string()));
        let expanded = ENGLISH.verb_forms("expanded");
        assert!(expanded.contains(&"expands".to_string()));
        assert!(expanded.contains(&"expanding".to_string()));
        let declined = ENGLISH.verb_forms("declined");
        assert!(declined.contains(&"declines".to_string()));
        assert!(declined.contains(&"declining".to_string()));
        assert!(ENGLISH.verb_forms("dropped").contains(&"drops".to_string()));
        assert!(!ENGLISH.verb_forms("listed").contains(&"list".to_string()));
        assert!(ENGLISH.verb_forms("exceed").is_empty());
        assert!(ENGLISH.verb_forms("inflation").is_empty());
    }
}

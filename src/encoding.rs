//! Turning an article's bytes into text, and text back into its bytes.
//!
//! Articles come as UTF-8 (with or without a byte-order mark), as UTF-16
//! with a byte-order mark, or in a legacy encoding the desk declares
//! (`encoding = "windows-1252"` in `claimcheck.toml`) or an HTML page
//! declares (`<meta charset=…>`). Decoding is strict, through
//! `encoding_rs`: a byte that is not valid in the encoding, or a NUL in a
//! text file, makes the file unreadable rather than quietly replaced, so a
//! gate never passes an article it did not read. A fix is written back in
//! the encoding the file was read in, byte for byte outside the edit.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How a file's bytes encode its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, without a byte-order mark.
    Utf8,
    /// UTF-8 after a byte-order mark.
    Utf8Bom,
    /// UTF-16, little-endian, after a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, after a byte-order mark.
    Utf16Be,
    /// A legacy encoding declared by the desk or the page.
    Legacy(&'static Encoding),
}

/// Why a file's bytes are not text claimcheck can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// A byte sequence that is not valid in the encoding.
    #[error(
        "it is not valid {encoding} (invalid byte 0x{byte:02x} at line {line}, byte offset {offset}){hint}"
    )]
    Invalid {
        /// The encoding's name.
        encoding: &'static str,
        /// The first invalid byte.
        byte: u8,
        /// Its offset in the file.
        offset: usize,
        /// Its 1-based line.
        line: usize,
        /// What to do about it.
        hint: &'static str,
    },
    /// A NUL byte: binary data, or UTF-16 without a byte-order mark.
    #[error(
        "it holds a NUL byte at line {line}, byte offset {offset}: it is binary, or UTF-16 without a byte-order mark"
    )]
    Nul {
        /// Its offset in the file.
        offset: usize,
        /// Its 1-based line.
        line: usize,
    },
}

/// Why a text cannot be written back in its file's encoding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` cannot be written in {encoding}")]
pub struct EncodeError {
    /// The encoding.
    pub encoding: &'static str,
    /// The text that has no bytes in it.
    pub text: String,
}

const UTF8_HINT: &str =
    "; save it as UTF-8, or declare its encoding with `encoding = \"…\"` in claimcheck.toml";

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Decodes a file's bytes: a byte-order mark wins, then the `<meta
/// charset>` of an HTML page (`html`), then the desk's `declared`
/// encoding, then UTF-8.
pub fn decode(
    bytes: &[u8],
    html: bool,
    declared: Option<&'static Encoding>,
) -> Result<(String, TextEncoding), DecodeError> {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((e, len)) if e == UTF_8 => (TextEncoding::Utf8Bom, len),
        Some((e, len)) if e == UTF_16LE => (TextEncoding::Utf16Le, len),
        Some((_, len)) => (TextEncoding::Utf16Be, len),
        None => {
            let chosen = html.then(|| meta_charset(bytes)).flatten().or(declared);
            match chosen {
                Some(e) if e != UTF_8 => (TextEncoding::Legacy(e), 0),
                _ => (TextEncoding::Utf8, 0),
            }
        }
    };
    let body = &bytes[bom..];
    // A NUL outside UTF-16 is binary data (or UTF-16 without its mark):
    // say so, rather than name whatever invalid byte comes first.
    let wide = matches!(encoding, TextEncoding::Utf16Le | TextEncoding::Utf16Be);
    if !wide && let Some(at) = body.iter().position(|&b| b == 0) {
        let offset = bom + at;
        return Err(DecodeError::Nul {
            offset,
            line: line_of(bytes, offset),
        });
    }
    let text = match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => match std::str::from_utf8(body) {
            Ok(text) => text.to_string(),
            Err(err) => {
                let offset = bom + err.valid_up_to();
                return Err(DecodeError::Invalid {
                    encoding: "UTF-8",
                    byte: bytes[offset],
                    offset,
                    line: line_of(bytes, offset),
                    hint: if bom == 0 { UTF8_HINT } else { "" },
                });
            }
        },
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let e = if encoding == TextEncoding::Utf16Le {
                UTF_16LE
            } else {
                UTF_16BE
            };
            match e.decode_without_bom_handling_and_without_replacement(body) {
                Some(text) => text.into_owned(),
                None => return Err(invalid_at(bytes, bom, e)),
            }
        }
        TextEncoding::Legacy(e) => {
            match e.decode_without_bom_handling_and_without_replacement(body) {
                Some(text) => text.into_owned(),
                None => return Err(invalid_at(bytes, 0, e)),
            }
        }
    };
    if let Some(at) = text.find('\0') {
        // Where the NUL stands in the file: for UTF-16, count code units.
        // Only UTF-16 gets here: count its code units.
        let offset = bom + 2 * text[..at].encode_utf16().count();
        let line = text[..at].matches('\n').count() + 1;
        return Err(DecodeError::Nul { offset, line });
    }
    Ok((text, encoding))
}

/// The first byte a strict decoder stops at, found by decoding ever longer
/// prefixes' worth with a streaming decoder.
fn invalid_at(bytes: &[u8], bom: usize, encoding: &'static Encoding) -> DecodeError {
    let body = &bytes[bom..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(body.len())
            .unwrap_or(body.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    let offset = match result {
        encoding_rs::DecoderResult::Malformed(bad, _) => {
            bom + read.saturating_sub(usize::from(bad))
        }
        _ => bom + read,
    }
    .min(bytes.len().saturating_sub(1));
    DecodeError::Invalid {
        encoding: encoding.name(),
        byte: bytes.get(offset).copied().unwrap_or(0),
        offset,
        line: line_of(bytes, offset),
        hint: "",
    }
}

/// The encoding an HTML page's `<meta charset="…">` or `<meta
/// http-equiv="Content-Type" content="…; charset=…">` names in its first
/// 1024 bytes, as a browser's prescan finds it. A page that says UTF-16
/// without a byte-order mark is read as UTF-8, as browsers do.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..len]) {
                    return Some(if e == UTF_16LE || e == UTF_16BE {
                        UTF_8
                    } else {
                        e
                    });
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

impl TextEncoding {
    /// Its name, as a person would write it.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with a byte-order mark",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Legacy(e) => e.name(),
        }
    }

    /// `text` as this encoding writes it, byte-order mark included.
    pub fn encode(self, text: &str) -> Result<Vec<u8>, EncodeError> {
        Ok(match self {
            TextEncoding::Utf8 => text.as_bytes().to_vec(),
            TextEncoding::Utf8Bom => {
                let mut out = b"\xef\xbb\xbf".to_vec();
                out.extend_from_slice(text.as_bytes());
                out
            }
            TextEncoding::Utf16Le => {
                let mut out = vec![0xff, 0xfe];
                out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                out
            }
            TextEncoding::Utf16Be => {
                let mut out = vec![0xfe, 0xff];
                out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
                out
            }
            TextEncoding::Legacy(e) => {
                let (bytes, _, unmappable) = e.encode(text);
                if unmappable {
                    let text = text
                        .chars()
                        .find(|c| e.encode(&c.to_string()).2)
                        .map_or_else(String::new, String::from);
                    return Err(EncodeError {
                        encoding: e.name(),
                        text,
                    });
                }
                bytes.into_owned()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_choose_the_encoding_and_round_trip() {
        let text = "Chile ranks 12th — “of 60”.\n";
        for encoding in [
            TextEncoding::Utf8,
            TextEncoding::Utf8Bom,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
        ] {
            let bytes = encoding.encode(text).unwrap();
            assert_eq!(
                decode(&bytes, false, None).unwrap(),
                (text.to_string(), encoding)
            );
        }
    }

    #[test]
    fn a_declared_legacy_encoding_is_read_and_written_back() {
        let bytes = b"Caf\xe9 \x93quoted\x94 12th\n";
        let declared = Encoding::for_label(b"windows-1252");
        let (text, encoding) = decode(bytes, false, declared).unwrap();
        assert_eq!(text, "Café “quoted” 12th\n");
        assert_eq!(encoding.encode(&text).unwrap(), bytes);
        assert!(encoding.encode("12th ✓").is_err());
    }

    #[test]
    fn an_html_page_declares_its_own_encoding() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><p>Caf\xe9</p>";
        let (text, encoding) = decode(page, true, None).unwrap();
        assert!(text.contains("Café"), "{text}");
        assert_eq!(encoding.name(), "windows-1252");
        assert_eq!(meta_charset(b"<meta charset='utf-8'>"), Some(UTF_8));
        assert_eq!(meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(meta_charset(b"<p>charset=latin1</p>"), None);
    }

    #[test]
    fn invalid_bytes_and_nuls_are_named_by_line_and_offset() {
        let err = decode(b"one\ntwo \xff three\n", false, None).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Invalid {
                encoding: "UTF-8",
                byte: 0xff,
                offset: 8,
                line: 2,
                hint: UTF8_HINT
            }
        );
        let err = decode(b"one\ntwo\nthree\0\n", false, None).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Nul {
                offset: 13,
                line: 3
            }
        );
        let utf16 = TextEncoding::Utf16Le.encode("a\nb\0").unwrap();
        let err = decode(&utf16, false, None).unwrap_err();
        assert_eq!(err, DecodeError::Nul { offset: 8, line: 2 });
        // A lone surrogate is no UTF-16.
        let err = decode(
            &[0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00],
            false,
            None,
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                DecodeError::Invalid {
                    encoding: "UTF-16LE",
                    ..
                }
            ),
            "{err}"
        );
    }
}

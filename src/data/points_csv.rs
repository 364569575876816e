//! The user's points as CSV: one point a line, `x,y,label`; an optional header line (a first
//! line that is not numbers); blank lines and lines starting with `#` are skipped. Lines may end
//! in LF, CRLF or CR alone; a leading byte-order mark is ignored, and fields may be quoted
//! (`"1.5"`), as spreadsheets write them.

use crate::config::MAX_SAMPLES;
use crate::error::{Code, Error, Result};
use crate::text::{self, decimal};

/// Most bad lines named in one error message.
const MAX_LISTED: usize = 10;

/// `text` with every line break as "\n": Windows' "\r\n" and old Macs' lone "\r" too.
fn unix_line_breaks(text: &str) -> String {
    let mut pieces = text.split('\r');
    let mut unix = String::with_capacity(text.len());
    unix.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        if !piece.starts_with('\n') {
            unix.push('\n');
        }
        unix.push_str(piece);
    }
    unix
}

/// Parses CSV text into [x0, y0, label0, x1, …]. Malformed lines are reported, by number and
/// content, in one error (the first 10, then how many more); nothing is returned then, nor when
/// there are more points than a config may hold ([`MAX_SAMPLES`]).
pub fn parse(text: &str) -> Result<Vec<f64>> {
    let mut points = Vec::new();
    let (mut bad_lines, mut bad_texts) = (Vec::new(), Vec::new());
    let mut first_content = true;
    let text = unix_line_breaks(text.strip_prefix('\u{feff}').unwrap_or(text));
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(unquote).collect();
        let numbers: Vec<f64> =
            fields.iter().filter_map(|f| text::parse_decimal(f)).filter(|v| v.is_finite()).collect();
        let is_header = first_content && numbers.is_empty();
        first_content = false;
        if is_header {
            continue;
        }
        if fields.len() == 3 && numbers.len() == 3 {
            points.extend_from_slice(&numbers);
        } else {
            if bad_lines.len() < MAX_LISTED {
                bad_texts.push(shorten(line));
            }
            bad_lines.push((index + 1) as f64);
        }
    }
    if !bad_lines.is_empty() {
        let more = bad_lines.len().saturating_sub(MAX_LISTED);
        bad_lines.truncate(MAX_LISTED);
        return Err(Error::new(Code::CsvLines, "")
            .with("lines", bad_lines)
            .with("texts", bad_texts)
            .with("more", more));
    }
    if points.is_empty() {
        return Err(Error::new(Code::CsvEmpty, ""));
    }
    let count = points.len() / 3;
    if count > MAX_SAMPLES {
        return Err(Error::too_large("text", MAX_SAMPLES as f64, count as f64, "points"));
    }
    Ok(points)
}

/// Writes [x0, y0, label0, …] as CSV with a header line.
pub fn format(points: &[f64]) -> String {
    let mut out = String::from("x,y,label\n");
    for p in points.chunks_exact(3) {
        let [x, y, label] = [p[0], p[1], p[2]].map(decimal);
        out.push_str(&format!("{x},{y},{label}\n"));
    }
    out
}

/// A field without its surrounding spaces and double quotes.
fn unquote(field: &str) -> &str {
    let field = field.trim();
    field.strip_prefix('"').and_then(|f| f.strip_suffix('"')).map_or(field, str::trim)
}

fn shorten(line: &str) -> String {
    if line.chars().count() > 40 {
        format!("{}…", line.chars().take(40).collect::<String>())
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_skips_header_comments_and_blank_lines() {
        let points = vec![1.5, -2.0, 1.0, 0.25, 3.0, 0.0];
        let text = format(&points);
        assert_eq!(parse(&text).unwrap(), points);
        assert_eq!(parse("# mine\n\n1,2,1\n 3 , 4 , 0 \n").unwrap(), vec![1.0, 2.0, 1.0, 3.0, 4.0, 0.0]);
    }

    #[test]
    fn accepts_a_byte_order_mark_any_line_ending_and_quoted_fields() {
        let expected = vec![1.0, 2.0, 1.0, 3.0, 4.0, 0.0];
        for text in [
            "\u{feff}1,2,1\n3,4,0\n",
            "\u{feff}x,y,label\r\n1,2,1\r\n3,4,0\r\n",
            "x,y,label\r1,2,1\r3,4,0\r",
            "\"x\",\"y\",\"label\"\n\"1\",\"2\",\"1\"\n\" 3 \", 4 ,\"0\"",
        ] {
            assert_eq!(parse(text).unwrap(), expected, "{text:?}");
        }
        // Line numbers count CR-only lines as lines.
        let error = parse("1,2,1\r3,4\r5,6,0").unwrap_err();
        assert_eq!(error.param("lines"), Some(&crate::error::Param::Numbers(vec![2.0])));
    }

    #[test]
    fn every_bad_line_is_named() {
        let err = parse("x,y,label\n1,2,1\n1,2\nfoo,2,1\n3,4,0\n1,2,3,4\nNaN,1,0\n").unwrap_err();
        assert_eq!(
            err.message(),
            "CSV lines must be three finite numbers x,y,label: line 3: \"1,2\"; line 4: \"foo,2,1\"; line 6: \"1,2,3,4\"; line 7: \"NaN,1,0\""
        );
        assert!(parse("x,y,label\n").unwrap_err().message().contains("no points"));
    }
}

//! A small reader for the CSV of HSDS's tabular form (RFC 4180: quoted
//! fields, doubled quotes, line breaks inside quotes, CRLF or LF).

use std::collections::BTreeMap;
use std::path::Path;

use super::HsdsError;

/// A record's fields and the line it starts on.
pub type Record = (usize, Vec<String>);

/// Parses CSV text into records; `Err` names the line and the problem.
pub fn parse(text: &str) -> Result<Vec<Record>, (usize, String)> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    let mut field_started = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if !field_started => {
                quoted = true;
                field_started = true;
            }
            '"' => return Err((line, "a quote inside an unquoted field".into())),
            ',' => {
                record.push(std::mem::take(&mut field));
                field_started = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut record)));
                field_started = false;
                line += 1;
                start = line;
            }
            _ => {
                field.push(c);
                field_started = true;
            }
        }
    }
    if quoted {
        return Err((line, "a quoted field is not closed".into()));
    }
    if field_started || !record.is_empty() {
        record.push(field);
        records.push((start, record));
    }
    Ok(records)
}

/// The rows of a CSV table by column name; a missing file is an empty table.
pub fn read_table(path: &Path) -> Result<Vec<BTreeMap<String, String>>, HsdsError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(HsdsError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    let error = |line, message| HsdsError::Csv {
        path: path.to_owned(),
        line,
        message,
    };
    let mut records = parse(text.trim_start_matches('\u{feff}'))
        .map_err(|(line, m)| error(line, m))?
        .into_iter();
    let Some((_, header)) = records.next() else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for (line, record) in records {
        if record.len() == 1 && record[0].is_empty() {
            continue;
        }
        if record.len() != header.len() {
            return Err(error(
                line,
                format!(
                    "{} fields where the header has {}",
                    record.len(),
                    header.len()
                ),
            ));
        }
        rows.push(header.iter().cloned().zip(record).collect());
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_breaks() {
        let records = parse("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n,,\n").unwrap();
        assert_eq!(
            records[1],
            (
                2,
                vec!["1".into(), "x, \"y\"".into(), "two\nlines".to_owned()]
            )
        );
        assert_eq!(
            records[2],
            (4, vec![String::new(), String::new(), String::new()])
        );
        assert_eq!(records.len(), 3);
    }

    #[test]
    fn broken_quotes_name_their_line() {
        assert_eq!(parse("a\n\"open").unwrap_err().0, 2);
        assert_eq!(parse("a\nb\"c\n").unwrap_err().0, 2);
    }
}

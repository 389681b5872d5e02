//! An XLSForm workbook as rows of text cells, read from the spreadsheet an
//! editor saved: `.xlsx` or `.ods` (with the `sync` feature, which the
//! publisher has), or a directory of one CSV file per sheet
//! (`survey.csv`, `choices.csv`, `settings.csv`), which every spreadsheet
//! program exports and git shows line by line.

use std::collections::BTreeMap;

/// A workbook: its sheets by lower-case name, each a list of rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workbook {
    /// The sheets.
    pub sheets: BTreeMap<String, Vec<Vec<String>>>,
}

/// A workbook could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    /// The spreadsheet file is damaged or not a spreadsheet.
    #[error("cannot read the spreadsheet: {0}")]
    Spreadsheet(String),
    /// A CSV sheet is malformed.
    #[error("{sheet}.csv, row {row}: {message}")]
    Csv {
        /// The sheet.
        sheet: String,
        /// The row (1-based).
        row: usize,
        /// What is wrong.
        message: String,
    },
}

impl Workbook {
    /// Reads CSV sheets: `(sheet name, file bytes)`.
    pub fn from_csv<'a>(
        sheets: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Workbook, WorkbookError> {
        let mut workbook = Workbook::default();
        for (name, bytes) in sheets {
            let rows = parse_csv(bytes).map_err(|(row, message)| WorkbookError::Csv {
                sheet: name.to_owned(),
                row,
                message,
            })?;
            workbook.sheets.insert(name.to_lowercase(), rows);
        }
        Ok(workbook)
    }

    /// Reads an `.xlsx` or `.ods` file.
    #[cfg(feature = "sync")]
    pub fn from_spreadsheet(bytes: &[u8]) -> Result<Workbook, WorkbookError> {
        use calamine::{Reader, open_workbook_auto_from_rs};
        let spreadsheet = |e: calamine::Error| WorkbookError::Spreadsheet(e.to_string());
        let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
            .map_err(spreadsheet)?;
        let mut workbook = Workbook::default();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).map_err(spreadsheet)?;
            // Rows and columns before the used range still count, so that
            // row numbers match what the editor sees.
            let (top, left) = range
                .start()
                .map(|(row, column)| (row as usize, column as usize))
                .unwrap_or((0, 0));
            let mut rows = vec![Vec::new(); top];
            for row in range.rows() {
                let mut cells = vec![String::new(); left];
                cells.extend(row.iter().map(cell_text));
                rows.push(cells);
            }
            workbook.sheets.insert(name.to_lowercase(), rows);
        }
        Ok(workbook)
    }
}

#[cfg(feature = "sync")]
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        // Spreadsheets count days from 1899-12-30.
        Data::DateTime(d) => jiff::civil::date(1899, 12, 30)
            .checked_add(jiff::Span::new().days(d.as_f64().floor() as i64))
            .map(|date| date.to_string())
            .unwrap_or_else(|_| d.to_string()),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// RFC 4180 (the reader of HSDS tables): the rows of a sheet, numbered
/// as a spreadsheet numbers them. Returns the line of an error.
fn parse_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, (usize, String)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        (line + 1, "not UTF-8 text".to_owned())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = crate::hsds::csv::parse(text).map_err(|(line, message)| {
        let hint = if message.contains("quote inside") {
            " (write the field in quotes and double the quote)"
        } else {
            ""
        };
        (line, format!("{message}{hint}"))
    })?;
    Ok(records.into_iter().map(|(_, fields)| fields).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_may_be_quoted_with_commas_quotes_and_line_breaks() {
        let rows =
            parse_csv(b"type,name,label\r\ntext,a,\"Hello, \"\"you\"\"\nsecond line\"\n,,\n")
                .unwrap();
        assert_eq!(rows[0], ["type", "name", "label"]);
        assert_eq!(rows[1], ["text", "a", "Hello, \"you\"\nsecond line"]);
        assert_eq!(rows[2], ["", "", ""]);
        assert_eq!(
            parse_csv(b"a,\"b\n").unwrap_err().0,
            2,
            "the line where the file ends"
        );
        assert_eq!(parse_csv(b"x\na\"b\n").unwrap_err().0, 2);
        assert_eq!(
            parse_csv(b"ok\n\xff\n").unwrap_err(),
            (2, "not UTF-8 text".into())
        );
    }
}

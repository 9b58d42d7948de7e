//! A guard in front of the CSV parser: it follows the quoting of the bytes as
//! they are read and stops a file that would otherwise be swallowed whole or
//! fill the memory — a quote opened and never closed, a quoted cell that runs
//! on for pages, a row without end, a binary file.
//!
//! The `csv` crate accepts all of these silently (an unclosed quote takes the
//! rest of the file into one cell), so the guard keeps its own small RFC 4180
//! state machine and reports where the trouble began, in rows and lines.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

/// Limits of one file; a file past any of them is refused with its position.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bytes in one quoted cell (a 100,000-character summary fits).
    pub cell_bytes: u64,
    /// Lines one quoted cell may span.
    pub cell_lines: u64,
    /// Bytes in one row.
    pub row_bytes: u64,
}

/// The limits every import uses.
pub const LIMITS: Limits = Limits {
    cell_bytes: 1024 * 1024,
    cell_lines: 1_000,
    row_bytes: 4 * 1024 * 1024,
};

/// Why the guard stopped a file; travels inside an `io::Error`.
#[derive(Debug)]
pub struct GuardError(pub String);

impl std::fmt::Display for GuardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GuardError {}

/// The message of a guard error inside `e`, if it is one.
pub fn guard_message(e: &std::io::Error) -> Option<String> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<GuardError>())
        .map(|g| g.0.clone())
}

/// Counters the importer reads while and after parsing.
#[derive(Debug, Clone, Default)]
pub struct Counters {
    /// Bytes read so far.
    pub bytes: Rc<Cell<u64>>,
    /// Lines begun so far (the lines in the file, once it is read).
    pub lines: Rc<Cell<u64>>,
    /// Where spreadsheet rows ended (line breaks outside quoted cells), and
    /// whether the row was blank, for the reader to number records by.
    pub row_ends: Rc<RefCell<VecDeque<(u64, bool)>>>,
}

/// Wraps a reader with the guard.
pub struct Guard<R> {
    inner: R,
    delimiter: u8,
    limits: Limits,
    counters: Counters,
    quoted: bool,
    /// A `"` inside a quoted cell: an escaped quote if another follows.
    quote_pending: bool,
    field_start: bool,
    /// Rows finished (line breaks outside quotes), for positions.
    rows_done: u64,
    row_bytes: u64,
    cell_bytes: u64,
    cell_lines: u64,
    opened_row: u64,
    opened_line: u64,
    failed: bool,
    line_start: bool,
    /// A carriage return outside quotes, waiting to see whether a line feed
    /// follows (a lone one ends a row, as the CSV parser reads it).
    cr_pending: bool,
    prev_cr: bool,
    /// Offset of the byte being read.
    offset: u64,
}

impl<R: Read> Guard<R> {
    pub fn new(inner: R, delimiter: u8, limits: Limits) -> Guard<R> {
        Guard {
            inner,
            delimiter,
            limits,
            counters: Counters::default(),
            quoted: false,
            quote_pending: false,
            field_start: true,
            rows_done: 0,
            row_bytes: 0,
            cell_bytes: 0,
            cell_lines: 0,
            opened_row: 0,
            opened_line: 0,
            failed: false,
            line_start: true,
            cr_pending: false,
            prev_cr: false,
            offset: 0,
        }
    }

    /// Shared counters of bytes and lines.
    pub fn counters(&self) -> Counters {
        self.counters.clone()
    }

    /// The line the byte being read is on.
    fn line(&self) -> u64 {
        self.counters.lines.get()
    }

    fn open_quote_message(&self, what: &str) -> String {
        format!(
            "the quoted cell opened in row {} (line {}) {what}; close the quote (\") or \
             remove the stray one",
            self.opened_row, self.opened_line
        )
    }

    fn step(&mut self, b: u8) -> Result<(), String> {
        if b == 0 {
            return Err(format!(
                "line {} holds a NUL byte: this is not a text file",
                self.line()
            ));
        }
        if std::mem::take(&mut self.cr_pending) && b != b'\n' {
            self.end_row();
        }
        if self.quoted {
            return self.step_quoted(b);
        }
        self.row_bytes += 1;
        if self.row_bytes > self.limits.row_bytes {
            return Err(format!(
                "row {} is longer than {} MB",
                self.rows_done + 1,
                self.limits.row_bytes / (1024 * 1024)
            ));
        }
        match b {
            b'"' if self.field_start => {
                self.quoted = true;
                self.cell_bytes = 0;
                self.cell_lines = 0;
                self.opened_row = self.rows_done + 1;
                self.opened_line = self.line();
                self.field_start = false;
            }
            b'\n' => self.end_row(),
            b'\r' => self.cr_pending = true,
            _ => self.field_start = b == self.delimiter,
        }
        Ok(())
    }

    fn end_row(&mut self) {
        // Only its terminator (\n, \r or \r\n) in it: a blank line.
        let blank = self.row_bytes <= 2 && self.field_start;
        self.counters
            .row_ends
            .borrow_mut()
            .push_back((self.offset, blank));
        self.rows_done += 1;
        self.row_bytes = 0;
        self.field_start = true;
    }

    fn step_quoted(&mut self, b: u8) -> Result<(), String> {
        if self.quote_pending {
            self.quote_pending = false;
            if b != b'"' {
                // The quote closed the cell; this byte follows it.
                self.quoted = false;
                return self.step(b);
            }
        } else if b == b'"' {
            self.quote_pending = true;
        }
        self.cell_bytes += 1;
        self.row_bytes += 1;
        if b == b'\n' {
            self.cell_lines += 1;
        }
        if self.cell_bytes > self.limits.cell_bytes {
            return Err(
                self.open_quote_message(&format!("runs past {} KB", self.limits.cell_bytes / 1024))
            );
        }
        if self.cell_lines > self.limits.cell_lines {
            return Err(
                self.open_quote_message(&format!("runs past {} lines", self.limits.cell_lines))
            );
        }
        Ok(())
    }

    fn fail(&mut self, message: String) -> std::io::Error {
        self.failed = true;
        std::io::Error::new(std::io::ErrorKind::InvalidData, GuardError(message))
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.failed {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.counters
            .bytes
            .set(self.counters.bytes.get() + n as u64);
        if n == 0 && self.quoted && !self.quote_pending {
            let message = self.open_quote_message("is never closed");
            return Err(self.fail(message));
        }
        let first = self.counters.bytes.get() - n as u64;
        for (i, &b) in buf[..n].iter().enumerate() {
            self.offset = first + i as u64;
            // A line is counted when its first byte arrives, so a last line
            // without a line break counts too.
            if self.line_start {
                self.counters.lines.set(self.counters.lines.get() + 1);
                self.line_start = false;
            }
            // A lone carriage return (old Mac files) ends a line too.
            if self.prev_cr && b != b'\n' && !self.line_start {
                self.counters.lines.set(self.counters.lines.get() + 1);
            }
            self.prev_cr = b == b'\r';
            self.line_start = b == b'\n';
            if let Err(message) = self.step(b) {
                return Err(self.fail(message));
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &[u8], limits: Limits) -> Result<(u64, u64), String> {
        let mut g = Guard::new(text, b',', limits);
        let counters = g.counters();
        let mut out = Vec::new();
        match g.read_to_end(&mut out) {
            Ok(_) => Ok((counters.lines.get(), counters.bytes.get())),
            Err(e) => Err(guard_message(&e).unwrap_or_else(|| e.to_string())),
        }
    }

    #[test]
    fn well_quoted_files_pass_with_their_line_count() {
        let text = b"a,b\n\"x, \"\"quoted\"\"\nsecond line\",2\r\nplain,3\n";
        assert_eq!(read_all(text, LIMITS), Ok((4, text.len() as u64)));
        // A quote inside an unquoted cell is an ordinary character.
        assert!(read_all(b"a,b\n5\" screen,1\n", LIMITS).is_ok());
    }

    #[test]
    fn an_unclosed_quote_names_the_row_where_it_opened() {
        let mut text = b"a,b\n1,2\n3,\"never closed\n".to_vec();
        for i in 0..50 {
            text.extend(format!("{i},row\n").as_bytes());
        }
        let err = read_all(&text, LIMITS).unwrap_err();
        assert!(err.contains("row 3 (line 3)"), "{err}");
        assert!(err.contains("never closed"), "{err}");
    }

    #[test]
    fn a_quote_that_runs_on_for_too_many_lines_is_stopped() {
        let mut text = b"a,b\n1,\"stray\n".to_vec();
        for _ in 0..30 {
            text.extend(b"x,y\n");
        }
        text.extend(b"closing\",z\n");
        let small = Limits {
            cell_lines: 20,
            ..LIMITS
        };
        let err = read_all(&text, small).unwrap_err();
        assert!(err.contains("row 2 (line 2) runs past 20 lines"), "{err}");
        assert!(read_all(&text, LIMITS).is_ok());
    }

    #[test]
    fn a_lone_carriage_return_ends_a_row_and_a_line() {
        let text = b"a,b\r1,2\r3,\"x\ry\"\r";
        assert_eq!(read_all(text, LIMITS), Ok((4, text.len() as u64)));
        let long: Vec<u8> = b"a,b\r".iter().copied().cycle().take(10_000).collect();
        let small = Limits {
            row_bytes: 100,
            ..LIMITS
        };
        assert!(read_all(&long, small).is_ok(), "each short row fits");
    }

    #[test]
    fn binary_and_endless_rows_are_refused() {
        let err = read_all(b"a,b\n1,\0\0\0", LIMITS).unwrap_err();
        assert!(err.contains("line 2 holds a NUL byte"), "{err}");
        let long = vec![b'x'; 5000];
        let small = Limits {
            row_bytes: 4096,
            ..LIMITS
        };
        assert!(read_all(&long, small)
            .unwrap_err()
            .contains("row 1 is longer"));
    }
}

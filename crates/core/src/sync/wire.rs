//! What the desktop and the sync server send each other, in one place so that
//! both ends read the same shapes (docs/TEAM.md has the protocol).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The header that carries the library version a client last pulled.
pub const SINCE_HEADER: &str = "If-Unmodified-Since-Version";
/// The header of every answer that gives the server's library version.
pub const VERSION_HEADER: &str = "Last-Modified-Version";
/// What an object is: an incident (a document that merges field by field)
/// or a registry change (an operation, sent once and never changed).
pub const INCIDENT: &str = "incident";
pub const REGISTRY: &str = "registry";

fn incident() -> String {
    INCIDENT.to_string()
}

/// At most this many objects go in one batch, and come in one page of changes.
pub const PAGE: usize = 500;

/// The largest batch a desktop sends, in bytes of JSON; the server takes up
/// to four times as much.
pub const BATCH_BYTES: usize = 8 << 20;

/// Splits `items` into batches of at most [`PAGE`] objects and about
/// [`BATCH_BYTES`] (an object larger than that goes alone).
pub fn chunks<T>(items: &[T], size: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let (mut out, mut start, mut bytes) = (Vec::new(), 0, 0);
    for (i, item) in items.iter().enumerate() {
        let n = size(item);
        if i > start && (i - start == PAGE || bytes + n > BATCH_BYTES) {
            out.push(&items[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += n;
    }
    if start < items.len() {
        out.push(&items[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn batches_stop_at_a_page_of_objects_or_at_the_byte_limit() {
        let small = vec![10usize; 1_200];
        let sizes: Vec<usize> = super::chunks(&small, |n| *n)
            .iter()
            .map(|c| c.len())
            .collect();
        assert_eq!(sizes, [500, 500, 200]);
        let big = vec![super::BATCH_BYTES / 3; 7];
        let sizes: Vec<usize> = super::chunks(&big, |n| *n)
            .iter()
            .map(|c| c.len())
            .collect();
        assert_eq!(sizes, [3, 3, 1]);
        let huge = vec![super::BATCH_BYTES * 2, 1];
        assert_eq!(
            super::chunks(&huge, |n| *n).len(),
            2,
            "an object over the limit goes alone"
        );
        assert!(super::chunks(&Vec::<usize>::new(), |n| *n).is_empty());
    }
}

/// `GET /changes?since=V`: the objects written after library version V.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// The library version this answer brings the client up to.
    pub version: i64,
    /// Whether more changes wait after `version` (ask again from there).
    pub more: bool,
    pub objects: Vec<Change>,
}

/// One incident as the server holds it, tombstones included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    #[serde(default = "incident")]
    pub kind: String,
    pub uuid: String,
    pub version: i64,
    pub deleted: bool,
    /// The incident in the editor's input shape ([`crate::IncidentInput`]).
    pub data: Value,
    /// The user who wrote this version, and when (UTC, RFC 3339).
    pub by: String,
    pub at: String,
}

/// `POST /batch`: a client's changes, each made from the version it last saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    /// Chosen by the client; sending the same batch twice changes nothing.
    pub batch: String,
    pub objects: Vec<Write>,
}

/// One object of a batch. `version` is the server version the change was made
/// from (0 for an incident the server has never seen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Write {
    #[serde(default = "incident")]
    pub kind: String,
    pub uuid: String,
    pub version: i64,
    pub deleted: bool,
    pub data: Value,
}

/// The server's answer to a batch: one result per object, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchResult {
    pub version: i64,
    pub results: Vec<WriteResult>,
}

/// 200: written at `version`; 412: the object moved on since the version the
/// client gave (pull, merge and send again).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WriteResult {
    pub uuid: String,
    pub status: u16,
    pub version: i64,
}

/// The body of every refusal: what was wrong, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Refusal {
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

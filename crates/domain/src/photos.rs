//! Photographs of a held activity: JPEG or PNG only, bounded before anything reads them,
//! and stored without what a camera or a phone writes beside the picture (EXIF, with its
//! GPS position; XMP; IPTC; PNG text chunks). A case's documents that are pictures (WebP
//! too) lose the same metadata. The pixels are kept as they came: nothing is
//! decoded, so a crafted file cannot make the server expand it.

use crate::{DomainError, Field};
use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};

/// The largest photograph accepted.
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;

/// A photograph as stored: its type and its bytes without metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanPhoto {
    pub mime: &'static str,
    pub content: Vec<u8>,
}

/// Checks a photograph and strips its metadata.
pub fn clean_photo(bytes: &[u8]) -> Result<CleanPhoto, DomainError> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(DomainError::new(Field::File, "photo-too-large"));
    }
    match strip_metadata(bytes) {
        Some(photo) if photo.mime != "image/webp" => Ok(photo),
        _ => Err(DomainError::new(Field::File, "photo-not-image")),
    }
}

/// A JPEG, PNG or WebP picture without its metadata, or `None` when the bytes are not
/// one of those (or are malformed): a document the caller keeps as it came.
pub fn strip_metadata(bytes: &[u8]) -> Option<CleanPhoto> {
    let data = Bytes::copy_from_slice(bytes);
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let mut jpeg = Jpeg::from_bytes(data).ok()?;
        jpeg.set_exif(None);
        // APP1 also carries XMP; APP13 the IPTC record; comments may name a place.
        jpeg.remove_segments_by_marker(markers::APP1);
        jpeg.remove_segments_by_marker(markers::APP13);
        jpeg.remove_segments_by_marker(markers::COM);
        return Some(CleanPhoto {
            mime: "image/jpeg",
            content: jpeg.encoder().bytes().to_vec(),
        });
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let mut png = Png::from_bytes(data).ok()?;
        png.set_exif(None);
        for kind in [*b"eXIf", *b"tEXt", *b"zTXt", *b"iTXt", *b"tIME"] {
            png.remove_chunks_by_type(kind);
        }
        return Some(CleanPhoto {
            mime: "image/png",
            content: png.encoder().bytes().to_vec(),
        });
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        let mut webp = WebP::from_bytes(data).ok()?;
        webp.set_exif(None);
        webp.remove_chunks_by_id(*b"XMP ");
        return Some(CleanPhoto {
            mime: "image/webp",
            content: webp.encoder().bytes().to_vec(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A minimal JPEG: SOI, an APP1 Exif segment naming a GPS position, a comment, a
    /// quantization table, SOS with two bytes of scan, EOI.
    fn jpeg_with_exif() -> Vec<u8> {
        let mut v = vec![0xFF, 0xD8];
        let exif = b"Exif\0\0GPS 34.2133N 4.0103W";
        v.extend([0xFF, 0xE1, 0, (exif.len() + 2) as u8]);
        v.extend(exif);
        let comment = b"Taza";
        v.extend([0xFF, 0xFE, 0, (comment.len() + 2) as u8]);
        v.extend(comment);
        v.extend([0xFF, 0xDB, 0, 4, 0, 1]);
        v.extend([0xFF, 0xDA, 0, 2, 0x12, 0x34]);
        v.extend([0xFF, 0xD9]);
        v
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn a_jpeg_loses_its_position_and_keeps_its_picture() {
        let raw = jpeg_with_exif();
        assert!(contains(&raw, b"GPS 34.2133N"));
        let clean = clean_photo(&raw).unwrap();
        assert_eq!(clean.mime, "image/jpeg");
        assert!(!contains(&clean.content, b"GPS"), "{:?}", clean.content);
        assert!(!contains(&clean.content, b"Taza"));
        assert!(
            contains(&clean.content, &[0xFF, 0xDB, 0, 4, 0, 1]),
            "the table stays"
        );
        assert!(clean.content.starts_with(&[0xFF, 0xD8]) && clean.content.ends_with(&[0xFF, 0xD9]));
    }

    #[test]
    fn a_png_loses_its_text_chunks() {
        let chunk = |kind: &[u8; 4], data: &[u8]| {
            let mut c = (data.len() as u32).to_be_bytes().to_vec();
            c.extend(kind);
            c.extend(data);
            c.extend(crc32(kind, data).to_be_bytes());
            c
        };
        let mut raw = b"\x89PNG\r\n\x1a\n".to_vec();
        raw.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
        raw.extend(chunk(b"tEXt", b"Location\0Taza"));
        raw.extend(chunk(b"IDAT", &[0x78, 0x9C, 0x63, 0, 0, 0, 1, 0, 1]));
        raw.extend(chunk(b"IEND", &[]));
        let clean = clean_photo(&raw).unwrap();
        assert_eq!(clean.mime, "image/png");
        assert!(!contains(&clean.content, b"Location"));
        assert!(contains(&clean.content, b"IDAT"));
    }

    /// CRC-32 (IEEE) of a PNG chunk's type and data, bit by bit: a test needs no speed.
    fn crc32(kind: &[u8], data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in kind.iter().chain(data) {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    /// A minimal WebP: a lossless picture's chunk, then an EXIF chunk naming a GPS
    /// position and an XMP chunk (RIFF chunks: id, little-endian size, data, padding).
    fn webp_with_exif() -> Vec<u8> {
        let chunk = |id: &[u8; 4], data: &[u8]| {
            let mut c = id.to_vec();
            c.extend((data.len() as u32).to_le_bytes());
            c.extend(data);
            if data.len() % 2 == 1 {
                c.push(0);
            }
            c
        };
        let mut body = b"WEBP".to_vec();
        body.extend(chunk(b"VP8L", &[0x2F, 0, 0, 0, 0x10, 0x07, 0x10]));
        body.extend(chunk(b"EXIF", b"GPS 34.2133N 4.0103W"));
        body.extend(chunk(b"XMP ", b"<x:xmpmeta>Taza</x:xmpmeta>"));
        let mut v = b"RIFF".to_vec();
        v.extend((body.len() as u32).to_le_bytes());
        v.extend(body);
        v
    }

    #[test]
    fn a_webp_document_loses_its_metadata_but_is_no_activity_photo() {
        let raw = webp_with_exif();
        assert!(contains(&raw, b"GPS 34.2133N"));
        let clean = strip_metadata(&raw).unwrap();
        assert_eq!(clean.mime, "image/webp");
        assert!(!contains(&clean.content, b"GPS"));
        assert!(!contains(&clean.content, b"xmpmeta"));
        assert!(contains(&clean.content, &[0x2F, 0, 0, 0, 0x10, 0x07, 0x10]));
        assert_eq!(&clean.content[8..12], b"WEBP");
        assert_eq!(clean_photo(&raw).unwrap_err().code, "photo-not-image");
        assert_eq!(strip_metadata(b"%PDF-1.7"), None);
    }

    #[test]
    fn anything_else_is_refused_and_a_large_file_before_it_is_read() {
        let code = |r: Result<CleanPhoto, DomainError>| r.unwrap_err().code;
        assert_eq!(
            code(clean_photo(b"%PDF-1.7 not a picture")),
            "photo-not-image"
        );
        assert_eq!(
            code(clean_photo(&[0xFF, 0xD8, 0xFF, 0x00])),
            "photo-not-image"
        );
        assert_eq!(
            code(clean_photo(&vec![0xFF; MAX_PHOTO_BYTES + 1])),
            "photo-too-large"
        );
    }
}

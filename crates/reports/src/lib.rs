//! Files in and out: member rolls as parties really hold them (CSV in UTF-8 with or without
//! BOM or in Windows-1256, `,` or `;`, Arabic, French or English headers).

pub mod demo;
pub mod import;
pub mod roll;

//! Files in and out: member rolls as parties really hold them (CSV in UTF-8 with or without
//! BOM or in Windows-1256, `,` or `;`, or XLSX; Arabic, French or English headers) and
//! member lists out (CSV and XLSX); the meetings' iCalendar feeds.

pub mod calendar;
pub mod columns;
pub mod contacts;
pub mod demo;
mod demo_names;
pub mod export;
pub mod import;
pub mod roll;
pub mod sample;
pub mod staged;

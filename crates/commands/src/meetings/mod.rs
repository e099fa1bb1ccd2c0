//! Commands on meetings: scheduling and correcting them, attendance, decisions, minutes
//! and their approval, communiqués, the positions of a body and its committees.

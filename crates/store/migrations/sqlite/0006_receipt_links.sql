-- A member sees and prints their own receipt through an unguessable link given with it.
ALTER TABLE payments ADD COLUMN receipt_token TEXT;
CREATE UNIQUE INDEX payments_receipt_token ON payments(receipt_token);

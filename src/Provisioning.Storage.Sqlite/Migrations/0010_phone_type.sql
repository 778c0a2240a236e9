-- Schema 10: the kind of number an extension is to its user (SCIM phoneNumbers type: work, mobile, …), so an identity
-- provider reads back the type it wrote; null where no one said (answered as work). Schema 9 belongs to another change;
-- the runner applies every migration it has not applied, gaps included.
ALTER TABLE extensions ADD COLUMN phone_type TEXT;

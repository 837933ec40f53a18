-- Offline entry (issue 16): the time a value was typed on the device, recorded beside the save time `at`
-- for changes synced from a phone's outbox (sumber 'offline'); NULL for every other source.
ALTER TABLE "audit_log" ADD COLUMN "diketik_at" TIMESTAMP(3);

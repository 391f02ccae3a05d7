-- A counter that moves whenever provider_keys changes, whoever changes it (the admin API, the
-- gateway disabling a key, an operator's own SQL). Every replica polls this one row each
-- sluice.keys.refresh-interval and re-reads the key pools only when it moved, so the poll costs
-- one single-row read whatever the number of keys or replicas (100 replicas x 100,000 keys would
-- otherwise read 2 million rows a second at a 5 s interval).
CREATE TABLE key_catalog_version (
    id      int    PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO key_catalog_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_key_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE key_catalog_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

-- Statement level: one bump per statement, even a bulk update of many keys.
CREATE TRIGGER provider_keys_catalog_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider_keys
    FOR EACH STATEMENT EXECUTE FUNCTION bump_key_catalog_version();

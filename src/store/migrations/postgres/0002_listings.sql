-- Listings (activities and places of the sociale kaart) and the files they were imported from.
CREATE TABLE listing_sources (
  source        TEXT PRIMARY KEY,          -- absolute path of the imported file
  content_hash  TEXT NOT NULL,             -- sha256 of the file, to skip unchanged files at start
  listing_count INTEGER NOT NULL,
  imported_at   BIGINT NOT NULL
);

CREATE TABLE listings (
  id          TEXT PRIMARY KEY,
  source      TEXT NOT NULL REFERENCES listing_sources(source) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  city        TEXT,
  postcode    TEXT,
  categories  TEXT NOT NULL,               -- `|`-separated, as in the CSV
  latitude    DOUBLE PRECISION NOT NULL,
  longitude   DOUBLE PRECISION NOT NULL,
  data_json   TEXT NOT NULL,               -- the whole validated listing
  updated_at  BIGINT NOT NULL
);
CREATE INDEX listings_source ON listings(source);
CREATE INDEX listings_position ON listings(latitude, longitude);

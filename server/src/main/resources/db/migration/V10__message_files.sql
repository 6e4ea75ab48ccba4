-- Files uploaded to be sent in messages (files, images, audio, video). A message carries the file's URL,
-- /api/v1/files/<id>. The id is 128 random bits: the URL is what lets someone fetch the file, since image,
-- audio and video elements cannot send a bearer token. The bytes live in the blob store under blob_key, the
-- SHA-256 of the content, stored once however often they are uploaded; name is the uploader's file name,
-- given back as the download's file name. Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.
CREATE TABLE message_files (
  id          VARCHAR(32)  NOT NULL,
  blob_key    CHAR(64)     NOT NULL,
  uploader_id BIGINT       NOT NULL,
  size_bytes  BIGINT       NOT NULL,
  media_type  VARCHAR(100) NOT NULL,
  name        VARCHAR(255) NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_message_files_uploader FOREIGN KEY (uploader_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

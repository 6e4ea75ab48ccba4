package io.parley.server.media;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code message_files} rows: which blob an uploaded file's id stands for. */
@Repository
class MessageFileCatalog {

    private final JdbcClient jdbc;

    MessageFileCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(MessageFile file) {
        jdbc.sql("INSERT INTO message_files (id, blob_key, uploader_id, size_bytes, media_type, name, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(file.id(), file.blobKey(), file.uploaderId(), file.sizeBytes(), file.mediaType(), file.name(),
                        Timestamp.from(file.createdAt()))
                .update();
    }

    Optional<MessageFile> find(String id) {
        return jdbc.sql("SELECT id, blob_key, uploader_id, size_bytes, media_type, name, created_at "
                        + "FROM message_files WHERE id = ?")
                .param(id)
                .query((rs, row) -> new MessageFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }
}

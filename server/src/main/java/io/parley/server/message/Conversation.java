package io.parley.server.message;

/**
 * A conversation as the writer knows it: where its sequence stands and who is in it.
 *
 * @param memberIds internal ids of the members (the two parties of a 1:1 conversation)
 */
record Conversation(long id, String publicId, long lastSeq, long[] memberIds) {

    Conversation withLastSeq(long seq) {
        return new Conversation(id, publicId, seq, memberIds);
    }
}

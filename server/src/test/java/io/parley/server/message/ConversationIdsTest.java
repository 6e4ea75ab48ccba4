package io.parley.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationIdsTest {

    private static final String A = "00000000-0000-4000-8000-00000000000a";
    private static final String B = "00000000-0000-4000-8000-00000000000b";

    @Test
    void directIdIsTheSameFromBothSides() {
        assertThat(ConversationIds.direct(A, B)).isEqualTo(ConversationIds.direct(B, A)).isEqualTo("d:" + A + ":" + B);
    }

    @Test
    void onlyWellFormedDirectIdsParse() {
        assertThat(ConversationIds.directParties("d:" + A + ":" + B)).hasValueSatisfying(p -> assertThat(p).containsExactly(A, B));
        assertThat(ConversationIds.directParties("d:" + B + ":" + A)).isEmpty();   // not in canonical order
        assertThat(ConversationIds.directParties("d:" + A)).isEmpty();
        assertThat(ConversationIds.directParties("g:" + A + ":" + B)).isEmpty();
        assertThat(ConversationIds.directParties("d:" + A + ":" + B + ":x")).isEmpty();
        assertThat(ConversationIds.directParties("d:../../etc:" + B)).isEmpty();
        assertThat(ConversationIds.directParties(null)).isEmpty();
    }

    @Test
    void aUserIdIsALowerCaseUuidAndNothingElse() {
        assertThat(ConversationIds.isUserId(A)).isTrue();
        assertThat(ConversationIds.isUserId(java.util.UUID.randomUUID().toString())).isTrue();
        assertThat(ConversationIds.isUserId(A.toUpperCase())).isFalse();
        assertThat(ConversationIds.isUserId(A.replace('-', '_'))).isFalse();
        assertThat(ConversationIds.isUserId("00000000-0000-4000-8000-00000000000g")).isFalse();
        assertThat(ConversationIds.isUserId("000000000-000-4000-8000-00000000000a")).isFalse();   // dash moved
        assertThat(ConversationIds.isUserId(A + "0")).isFalse();
        assertThat(ConversationIds.isUserId(A.substring(1))).isFalse();
        assertThat(ConversationIds.isUserId("")).isFalse();
        assertThat(ConversationIds.isUserId(null)).isFalse();
    }
}

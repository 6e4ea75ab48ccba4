package io.parley.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.support.ApiClient;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import io.parley.server.support.FriendApi;
import io.parley.server.support.GroupApi;
import io.parley.server.support.ServerTest;
import io.parley.server.user.UserRepository;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Base of the group tests: an owner with friends, the group and friend endpoints, and a look into the database. */
abstract class GroupTest extends ServerTest {

    @Autowired
    UserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GroupMembership membership;

    GroupApi groups;
    FriendApi friends;
    Account owner;

    @BeforeEach
    void anOwner() {
        groups = new GroupApi(api);
        friends = new FriendApi(api);
        owner = signUp("owner");
    }

    Account signUp(String prefix) {
        return api.signUp(ApiClient.uniqueName(prefix));
    }

    /** A new user who is the owner's friend. */
    Account friendOfOwner(String prefix) {
        Account friend = signUp(prefix);
        friends.befriend(owner, friend);
        return friend;
    }

    /** The response is a refusal with this status and code. */
    static void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    long internalId(Account account) {
        return users.findByUuid(account.id()).orElseThrow().getId();
    }

    /** Internal ids of the users in the group's conversation (conversation_members). */
    List<Long> conversationMembers(String groupId) {
        return jdbc.queryForList("SELECT m.user_id FROM conversation_members m JOIN conversations c"
                + " ON c.id = m.conversation_id WHERE c.public_id = ? ORDER BY m.user_id", Long.class, "g:" + groupId);
    }
}

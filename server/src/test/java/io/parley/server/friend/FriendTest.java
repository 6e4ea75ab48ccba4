package io.parley.server.friend;

import io.parley.server.support.ApiClient;
import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.FriendApi;
import io.parley.server.support.ServerTest;
import io.parley.server.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the friend tests: two fresh users, the friend endpoints, and the graph to check what it cached. */
abstract class FriendTest extends ServerTest {

    @Autowired
    FriendGraph graph;

    @Autowired
    UserRepository users;

    FriendApi friends;
    Account alice;
    Account bob;

    @BeforeEach
    void twoUsers() {
        friends = new FriendApi(api);
        alice = api.signUp(ApiClient.uniqueName("alice"));
        bob = api.signUp(ApiClient.uniqueName("bob"));
    }

    long internalId(Account account) {
        return users.findByUuid(account.id()).orElseThrow().getId();
    }
}

package io.parley.server.friend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory friend graph: answers from loaded relations, caching, eviction, and the messaging rule. */
class FriendGraphTests {

    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;

    private final UserRelationsLoader loader = mock(UserRelationsLoader.class);

    private FriendGraph graph(boolean strangersAllowed) {
        return new FriendGraph(loader, new FriendProperties(strangersAllowed));
    }

    private static UserRelations relations(List<Long> friends, List<Long> blocked, List<Long> blockedBy) {
        return new UserRelations(friends, blocked, blockedBy);
    }

    private static UserRelations none() {
        return relations(List.of(), List.of(), List.of());
    }

    @Test
    void answersFromTheLoadedRelations() {
        when(loader.load(ALICE)).thenReturn(relations(List.of(BOB), List.of(CAROL), List.of()));
        when(loader.load(CAROL)).thenReturn(relations(List.of(), List.of(), List.of(ALICE)));
        FriendGraph graph = graph(false);

        assertThat(graph.areFriends(ALICE, BOB)).isTrue();
        assertThat(graph.areFriends(ALICE, CAROL)).isFalse();
        assertThat(graph.friendsOf(ALICE)).containsExactly(BOB);
        assertThat(graph.isBlockedEitherWay(ALICE, CAROL)).isTrue();
        assertThat(graph.isBlockedEitherWay(CAROL, ALICE)).isTrue();
        assertThat(graph.isBlockedEitherWay(ALICE, BOB)).isFalse();
    }

    @Test
    void friendsMayMessageStrangersOnlyWhenAllowedAndBlocksAlwaysWin() {
        when(loader.load(ALICE)).thenReturn(relations(List.of(BOB), List.of(), List.of()));
        when(loader.load(BOB)).thenReturn(relations(List.of(ALICE), List.of(), List.of()));
        when(loader.load(CAROL)).thenReturn(none());

        FriendGraph friendsOnly = graph(false);
        assertThat(friendsOnly.mayMessage(ALICE, BOB)).isTrue();
        assertThat(friendsOnly.mayMessage(BOB, ALICE)).isTrue();
        assertThat(friendsOnly.mayMessage(ALICE, CAROL)).isFalse();
        assertThat(friendsOnly.mayMessage(CAROL, ALICE)).isFalse();

        FriendGraph open = graph(true);
        assertThat(open.mayMessage(ALICE, CAROL)).isTrue();
        assertThat(open.mayMessage(CAROL, ALICE)).isTrue();

        // Friends on record but blocked (the block wins), and a stranger who blocked the sender.
        when(loader.load(ALICE)).thenReturn(relations(List.of(BOB), List.of(BOB), List.of(CAROL)));
        FriendGraph blocked = graph(true);
        assertThat(blocked.mayMessage(ALICE, BOB)).isFalse();
        assertThat(blocked.mayMessage(ALICE, CAROL)).isFalse();
    }

    @Test
    void servesFromMemoryUntilAChangeEvictsBothUsers() {
        when(loader.load(ALICE)).thenReturn(none(), relations(List.of(BOB), List.of(), List.of()));
        when(loader.load(BOB)).thenReturn(none(), relations(List.of(ALICE), List.of(), List.of()));
        FriendGraph graph = graph(false);

        for (int i = 0; i < 3; i++) {
            assertThat(graph.areFriends(ALICE, BOB)).isFalse();
            assertThat(graph.areFriends(BOB, ALICE)).isFalse();
        }
        verify(loader, times(1)).load(ALICE);
        verify(loader, times(1)).load(BOB);

        graph.onRelationChanged(new RelationChanged(ALICE, BOB));

        assertThat(graph.areFriends(ALICE, BOB)).isTrue();
        assertThat(graph.areFriends(BOB, ALICE)).isTrue();
        verify(loader, times(2)).load(ALICE);
        verify(loader, times(2)).load(BOB);
    }

    @Test
    void aLoadOverlappingAnEvictionIsNotKept() throws Exception {
        CountDownLatch loadStarted = new CountDownLatch(1);
        CountDownLatch evicted = new CountDownLatch(1);
        when(loader.load(anyLong())).thenAnswer(call -> {
            // The first load reads the database just before the change commits, then is overtaken by the eviction.
            loadStarted.countDown();
            assertThat(evicted.await(10, TimeUnit.SECONDS)).isTrue();
            return none();
        }).thenReturn(relations(List.of(BOB), List.of(), List.of()));
        FriendGraph graph = graph(false);

        CompletableFuture<Boolean> overlapping = CompletableFuture.supplyAsync(() -> graph.areFriends(ALICE, BOB));
        assertThat(loadStarted.await(10, TimeUnit.SECONDS)).isTrue();
        graph.evict(ALICE, BOB);
        evicted.countDown();
        assertThat(overlapping.get(10, TimeUnit.SECONDS)).isFalse();

        assertThat(graph.areFriends(ALICE, BOB)).isTrue();
        assertThat(graph.areFriends(ALICE, BOB)).isTrue();
        verify(loader, times(2)).load(ALICE);
    }
}

package io.parley.bench.setup;

import io.parley.bench.client.Account;
import java.util.ArrayList;
import java.util.List;

/** Who is friends with whom in a scenario, as pairs of accounts. */
public final class Friendships {

    private Friendships() {
    }

    /**
     * A ring where each user is friends with the {@code degree / 2} users after and before them: every user has
     * {@code degree} friends (fewer when there are not enough users), and the graph is connected.
     */
    public static List<Account[]> ring(List<Account> users, int degree) {
        int n = users.size();
        int reach = Math.min(Math.max(1, degree / 2), (n - 1) / 2);
        List<Account[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int step = 1; step <= reach; step++) {
                pairs.add(new Account[] {users.get(i), users.get((i + step) % n)});
            }
        }
        if (n == 2) {
            pairs.add(new Account[] {users.get(0), users.get(1)});
        }
        return pairs;
    }

    /** Everyone in {@code others} is friends with {@code center}. */
    public static List<Account[]> star(Account center, List<Account> others) {
        return others.stream().map(other -> new Account[] {other, center}).toList();
    }

    /** Each user's friends, by account index, for the given pairs over {@code users}. */
    public static List<List<Account>> friendsOf(List<Account> users, List<Account[]> pairs) {
        List<List<Account>> friends = new ArrayList<>();
        users.forEach(u -> friends.add(new ArrayList<>()));
        for (Account[] pair : pairs) {
            friends.get(pair[0].index()).add(pair[1]);
            friends.get(pair[1].index()).add(pair[0]);
        }
        return friends;
    }
}

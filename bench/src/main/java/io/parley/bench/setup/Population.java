package io.parley.bench.setup;

import io.parley.bench.client.Account;
import io.parley.bench.client.RestApi;
import io.parley.bench.measure.Progress;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Creates a scenario's users, friendships, groups and avatars through the REST API, many requests at once.
 * Usernames and group names carry the run's prefix, so runs against the same database never collide.
 */
public final class Population {

    private static final String PASSWORD = "bench-password";

    private final RestApi api;
    private final String prefix;
    private final Progress progress;

    public Population(RestApi api, String prefix, Progress progress) {
        this.api = api;
        this.prefix = prefix;
        this.progress = progress;
    }

    /** Registers and logs in {@code count} users named {@code <prefix>_<group>_<n>}. */
    public List<Account> users(String group, int count) {
        AtomicInteger done = new AtomicInteger();
        progress.phase("setup: " + count + " users (" + group + ")", () -> done.get() + "/" + count + " users");
        List<CompletableFuture<Account>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pending.add(api.registerAndLogIn(i, prefix + "_" + group + "_" + i, PASSWORD)
                    .whenComplete((account, failure) -> done.incrementAndGet()));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** Makes every pair friends: a request each way, the second accepting the first. */
    public void befriend(List<Account[]> pairs) {
        AtomicInteger done = new AtomicInteger();
        progress.phase("setup: " + pairs.size() + " friendships", () -> done.get() + "/" + pairs.size() + " friendships");
        List<CompletableFuture<?>> pending = new ArrayList<>(pairs.size());
        for (Account[] pair : pairs) {
            pending.add(api.requestFriendship(pair[0], pair[1])
                    .thenCompose(request -> api.requestFriendship(pair[1], pair[0]))
                    .whenComplete((accepted, failure) -> done.incrementAndGet()));
        }
        pending.forEach(CompletableFuture::join);
    }

    /**
     * An open group owned by the first of {@code members}, which every other member joins (the quickest public
     * way in: no friendship or invitation needed), many joins at once; returns the group's id. Call it before
     * the members connect, or every join pushes MEMBER_JOINED to every member online.
     */
    public String group(String name, List<Account> members) {
        String groupId = api.createOpenGroup(members.get(0), prefix + " " + name).join();
        List<Account> joining = members.subList(1, members.size());
        AtomicInteger done = new AtomicInteger();
        progress.phase("setup: " + joining.size() + " members join group " + name,
                () -> done.get() + "/" + joining.size() + " joined");
        List<CompletableFuture<?>> pending = new ArrayList<>(joining.size());
        for (Account member : joining) {
            pending.add(api.joinGroup(member, groupId).whenComplete((joined, failure) -> done.incrementAndGet()));
        }
        pending.forEach(CompletableFuture::join);
        return groupId;
    }

    /** Uploads a small generated PNG as the account's avatar; completes with its URL. */
    public CompletableFuture<String> uploadAvatar(Account account) {
        return api.uploadAvatar(account, avatarImage(account.index()));
    }

    private static byte[] avatarImage(int seed) {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(Color.HSBtoRGB((seed % 360) / 360f, 0.6f, 0.9f)));
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}

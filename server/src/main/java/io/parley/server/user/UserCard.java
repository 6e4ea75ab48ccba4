package io.parley.server.user;

import io.parley.protocol.UserSummary;

/** The few fields needed to show a user next to a message or in a list, served from memory. */
public record UserCard(long id, String uuid, String username, String nickname, String avatarUrl) {

    static UserCard of(User user) {
        return new UserCard(user.getId(), user.getUuid(), user.getUsername(), user.getNickname(),
                UserViews.avatarUrl(user));
    }

    /** The user as push frames show them; {@code avatar} is empty when they have none. */
    public UserSummary summary() {
        return UserSummary.newBuilder().setUserId(uuid).setUsername(username).setNickname(nickname)
                .setAvatar(avatarUrl == null ? "" : avatarUrl).build();
    }
}

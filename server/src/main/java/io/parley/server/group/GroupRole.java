package io.parley.server.group;

/** A member's role in a group. A group has exactly one OWNER. */
public enum GroupRole {
    OWNER, ADMIN, MEMBER;

    /** Owners and admins moderate: kick and mute members, answer join requests, change name and notice. */
    public boolean mayModerate() {
        return this != MEMBER;
    }
}

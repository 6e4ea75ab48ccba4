package io.parley.server.group;

/** How a user who is not invited gets into a group. An invitation from a member works under every policy. */
enum JoinPolicy {
    /** Anyone may join at once. */
    OPEN,
    /** Joining asks the owner and admins, who approve or reject. */
    APPROVAL,
    /** Only invited users get in. */
    INVITE_ONLY
}

package io.parley.server.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A group. {@code uuid} is the id clients see. Dissolving keeps the row: {@code deletedAt} is set. */
@Entity
@Table(name = "chat_groups")
class ChatGroup {

    /** Column lengths, shared with the request limits so a valid request always fits the table. */
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_NOTICE_LENGTH = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 36)
    private String uuid;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = MAX_NOTICE_LENGTH)
    private String notice;

    /** Storage key of the avatar image, or null. */
    @Column(length = 128)
    private String avatar;

    @Enumerated(EnumType.STRING)
    @Column(name = "join_policy", nullable = false, length = 16)
    private JoinPolicy joinPolicy;

    @Column(name = "all_muted", nullable = false)
    private boolean allMuted;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ChatGroup() {
    }

    ChatGroup(String name, String notice, JoinPolicy joinPolicy, Instant now) {
        this.uuid = UUID.randomUUID().toString();
        this.name = name;
        this.notice = notice;
        this.joinPolicy = joinPolicy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    long getId() {
        return id;
    }

    String getUuid() {
        return uuid;
    }

    String getName() {
        return name;
    }

    String getNotice() {
        return notice;
    }

    String getAvatar() {
        return avatar;
    }

    JoinPolicy getJoinPolicy() {
        return joinPolicy;
    }

    boolean isAllMuted() {
        return allMuted;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    boolean isDissolved() {
        return deletedAt != null;
    }

    /** Where the avatar is served, or null when the group has none. */
    String avatarUrl() {
        return avatar == null ? null : "/api/v1/groups/" + uuid + "/avatar";
    }

    /** Applies the non-null values; returns whether anything changed. */
    boolean describe(String newName, String newNotice, Instant now) {
        boolean changed = (newName != null && !newName.equals(name)) || (newNotice != null && !newNotice.equals(notice));
        if (changed) {
            name = newName != null ? newName : name;
            notice = newNotice != null ? newNotice : notice;
            updatedAt = now;
        }
        return changed;
    }

    void changeAvatar(String key, Instant now) {
        avatar = key;
        updatedAt = now;
    }

    /** Returns whether this changed the setting. */
    boolean muteAll(boolean muted, Instant now) {
        if (allMuted == muted) {
            return false;
        }
        allMuted = muted;
        updatedAt = now;
        return true;
    }

    void dissolve(Instant now) {
        deletedAt = now;
        updatedAt = now;
    }
}
